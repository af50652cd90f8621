#include "common/text.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace gazette {

namespace {

bool is_continuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

// The length of the well-formed UTF-8 sequence at `pos`, or 0 when the byte
// there does not start one (Unicode 15, table 3-7: no overlong forms, no
// surrogates, nothing above U+10FFFF).
std::size_t sequence_length(std::string_view text, std::size_t pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    if (lead < 0x80) {
        return 1;
    }
    std::size_t length = 0;
    unsigned char second_min = 0x80;
    unsigned char second_max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        second_min = lead == 0xE0 ? 0xA0 : 0x80;
        second_max = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        second_min = lead == 0xF0 ? 0x90 : 0x80;
        second_max = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (text.size() - pos < length) {
        return 0;
    }
    const auto second = static_cast<unsigned char>(text[pos + 1]);
    if (second < second_min || second > second_max) {
        return 0;
    }
    for (std::size_t i = 2; i < length; ++i) {
        if (!is_continuation(static_cast<unsigned char>(text[pos + i]))) {
            return 0;
        }
    }
    return length;
}

char32_t windows_1252(unsigned char byte) {
    // 0x80..0x9F; 0 marks the five bytes the code page leaves undefined.
    static constexpr std::array<char32_t, 32> high_controls = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    if (byte >= 0x80 && byte <= 0x9F) {
        const char32_t mapped = high_controls[byte - 0x80];
        return mapped != 0 ? mapped : replacement_character;
    }
    return byte;  // Latin-1 and Windows-1252 agree on the rest
}

bool is_control(char32_t code_point) {
    return code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F);
}

bool is_scalar_value(char32_t code_point) {
    return code_point <= 0x10FFFF && (code_point < 0xD800 || code_point > 0xDFFF);
}

// "&#NNN;" or "&#xHH;" starting at `text`; returns the code point and the
// length of the reference.
std::optional<std::pair<char32_t, std::size_t>> numeric_reference(std::string_view text) {
    const bool hex = text.size() > 2 && (text[2] == 'x' || text[2] == 'X');
    const std::size_t digits_start = hex ? 3 : 2;
    const std::size_t max_digits = hex ? 6 : 7;  // enough for U+10FFFF
    char32_t code_point = 0;
    std::size_t pos = digits_start;
    for (; pos < text.size() && pos - digits_start < max_digits; ++pos) {
        const char c = text[pos];
        if (c >= '0' && c <= '9') {
            code_point = code_point * (hex ? 16 : 10) + static_cast<char32_t>(c - '0');
        } else if (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            code_point = code_point * 16 + static_cast<char32_t>((c | 0x20) - 'a' + 10);
        } else {
            break;
        }
    }
    if (pos == digits_start || pos == text.size() || text[pos] != ';') {
        return std::nullopt;
    }
    return std::pair{code_point, pos + 1};
}

struct NamedReference {
    std::string_view reference;
    std::string_view text;  // UTF-8
};

// XML's five, the HTML ones news text uses most, and the SGML entities of the
// TREC collections (&hyph; and &blank; in the Federal Register, &para; ...).
constexpr std::array<NamedReference, 31> named_references = {{
    {"&lt;", "<"},         {"&gt;", ">"},         {"&amp;", "&"},        {"&quot;", "\""},
    {"&apos;", "'"},       {"&nbsp;", " "},       {"&ndash;", "\u2013"}, {"&mdash;", "\u2014"},
    {"&hellip;", "\u2026"}, {"&lsquo;", "\u2018"}, {"&rsquo;", "\u2019"}, {"&ldquo;", "\u201C"},
    {"&rdquo;", "\u201D"},  {"&laquo;", "\u00AB"}, {"&raquo;", "\u00BB"}, {"&copy;", "\u00A9"},
    {"&reg;", "\u00AE"},    {"&deg;", "\u00B0"},   {"&pound;", "\u00A3"}, {"&euro;", "\u20AC"},
    {"&cent;", "\u00A2"},   {"&sect;", "\u00A7"},  {"&para;", "\u00B6"},  {"&bull;", "\u2022"},
    {"&times;", "\u00D7"},  {"&eacute;", "\u00E9"}, {"&uuml;", "\u00FC"},  {"&ouml;", "\u00F6"},
    {"&auml;", "\u00E4"},   {"&hyph;", "-"},        {"&blank;", " "},
}};

}  // namespace

void append_utf8(std::string& out, char32_t code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

std::string ascii_lowercase(std::string_view text) {
    std::string lowered(text);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return lowered;
}

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_numeral(std::string_view word) {
    return std::none_of(word.begin(), word.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return byte >= 0x80 || (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
    });
}

std::size_t repair_utf8(std::string& text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t length = sequence_length(text, pos);
        if (length == 0) {
            break;
        }
        pos += length;
    }
    if (pos == text.size()) {
        return 0;  // the common case: nothing to copy
    }

    std::string repaired(text, 0, pos);
    std::size_t count = 0;
    while (pos < text.size()) {
        const std::size_t length = sequence_length(text, pos);
        if (length == 0) {
            append_utf8(repaired, windows_1252(static_cast<unsigned char>(text[pos])));
            ++count;
            ++pos;
        } else {
            repaired.append(text, pos, length);
            pos += length;
        }
    }
    text = std::move(repaired);
    return count;
}

std::string count_of(std::size_t count, std::string_view noun) {
    return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

std::string describe_utf8_repair(std::size_t repaired) { return "repaired " + count_of(repaired, "invalid UTF-8 byte"); }

void remove_control_characters(std::string& text) {
    std::erase_if(text, [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && c != '\t' && c != '\n') || byte == 0x7F;
    });
}

std::string decode_character_references(std::string_view text) {
    std::string decoded;
    decoded.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t amp = text.find('&', pos);
        decoded.append(text.substr(pos, amp - pos));
        if (amp == std::string_view::npos) {
            break;
        }
        const std::string_view rest = text.substr(amp);
        pos = amp + 1;  // a lone '&' is kept as written
        if (rest.size() > 1 && rest[1] == '#') {
            if (auto reference = numeric_reference(rest)) {
                const auto [code_point, length] = *reference;
                const bool printable = is_scalar_value(code_point) && !is_control(code_point);
                append_utf8(decoded, printable ? code_point : U' ');
                pos = amp + length;
                continue;
            }
        } else {
            const auto named = std::find_if(named_references.begin(), named_references.end(),
                                            [&](const NamedReference& n) { return rest.starts_with(n.reference); });
            if (named != named_references.end()) {
                decoded += named->text;
                pos = amp + named->reference.size();
                continue;
            }
        }
        decoded += '&';
    }
    return decoded;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_ascii_space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_ascii_space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

std::string collapse_whitespace(std::string_view text) {
    std::string collapsed;
    collapsed.reserve(text.size());
    bool pending_space = false;
    for (const char c : trim(text)) {
        if (is_ascii_space(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space) {
            collapsed += ' ';
            pending_space = false;
        }
        collapsed += c;
    }
    return collapsed;
}

std::string clean_field(std::string_view text) {
    std::string field(text);
    remove_control_characters(field);
    return collapse_whitespace(field);
}

std::string clean_body(std::string_view text) {
    std::string body(text);
    remove_control_characters(body);
    return std::string(trim(body));
}

std::vector<std::string> split(std::string_view text, std::string_view separators) {
    std::vector<std::string> parts;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = std::min(text.find_first_of(separators, pos), text.size());
        if (end > pos) parts.emplace_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    return parts;
}

}  // namespace gazette
