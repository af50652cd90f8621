#include "common/json.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace gazette {

std::string shortest_number(double value) {
    char text[32];
    return std::string(text, std::to_chars(text, text + sizeof text, value).ptr);
}

void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    for (char c : text) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void JsonObject::key(std::string_view name) {
    if (body_.size() > 1) body_ += ',';
    append_json_string(body_, name);
    body_ += ':';
}

JsonObject& JsonObject::add(std::string_view name, std::string_view value) {
    key(name);
    append_json_string(body_, value);
    return *this;
}

JsonObject& JsonObject::add(std::string_view name, std::int64_t value) {
    key(name);
    body_ += std::to_string(value);
    return *this;
}

JsonObject& JsonObject::add(std::string_view name, double value) {
    key(name);
    if (!std::isfinite(value)) {
        body_ += "null";
        return *this;
    }
    char number[32];
    std::snprintf(number, sizeof number, "%.6g", value);
    body_ += number;
    return *this;
}

JsonObject& JsonObject::add(std::string_view name, const std::vector<std::string>& values) {
    key(name);
    body_ += '[';
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) body_ += ',';
        append_json_string(body_, values[i]);
    }
    body_ += ']';
    return *this;
}

JsonObject& JsonObject::add_raw(std::string_view name, std::string_view json) {
    key(name);
    body_ += json;
    return *this;
}

std::string json_array(const std::vector<std::string>& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += ',';
        out += values[i];
    }
    return out + "]";
}

}  // namespace gazette
