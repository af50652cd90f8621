// A minimal JSON writer for our output and stored document data. Reading JSON
// is simdjson's job (see corpus/jsonl_reader.cpp and common/document.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

// Appends `text` as a quoted JSON string (control characters escaped; the
// text is assumed to be valid UTF-8).
void append_json_string(std::string& out, std::string_view text);

// The shortest text that reads back as the same double ("0.75", "2", "1e-05"),
// for values that must survive a round trip (JsonObject rounds to 6 digits,
// which would not re-run a tuned k1 exactly).
std::string shortest_number(double value);

// Builds one JSON object, field by field, in insertion order.
class JsonObject {
public:
    JsonObject& add(std::string_view name, std::string_view value);
    JsonObject& add(std::string_view name, const char* value) { return add(name, std::string_view(value)); }
    JsonObject& add(std::string_view name, std::int64_t value);
    JsonObject& add(std::string_view name, double value);
    JsonObject& add(std::string_view name, const std::vector<std::string>& values);
    // `json` must already be valid JSON (an object or array built elsewhere).
    JsonObject& add_raw(std::string_view name, std::string_view json);

    // The finished object, e.g. {"id":"1","score":3.5}.
    std::string str() const { return body_ + "}"; }

private:
    void key(std::string_view name);
    std::string body_ = "{";
};

// "[a,b,...]" from JSON values that are already serialised.
std::string json_array(const std::vector<std::string>& values);

}  // namespace gazette
