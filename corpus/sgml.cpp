#include "corpus/sgml.h"

#include "common/text.h"

#include <algorithm>
#include <utility>

namespace gazette {

SgmlRecordReader::SgmlRecordReader(std::istream& in, std::string file, Markers markers, DiagnosticSink sink)
    : in_(in), file_(std::move(file)), markers_(markers), sink_(std::move(sink)) {}

// The next line into line_: first what was left after an end tag, then the
// stream's lines, repaired to valid UTF-8. (The CR of a CRLF line end needs
// nothing special: it goes with the other control characters.)
bool SgmlRecordReader::read_line() {
    if (!rest_of_line_.empty()) {
        line_ = std::move(rest_of_line_);
        rest_of_line_.clear();
        return true;
    }
    if (!std::getline(in_, line_)) {
        return false;
    }
    ++line_number_;
    if (const std::size_t repaired = repair_utf8(line_); repaired != 0) {
        report(Severity::warning, line_number_, describe_utf8_repair(repaired), reasons::repaired_utf8);
    }
    return true;
}

std::optional<SgmlRecord> SgmlRecordReader::next() {
    SgmlRecord record;
    bool inside = false;
    while (read_line()) {
        if (inside) {
            record.sgml += '\n';
        } else {
            const std::size_t start = line_.find(markers_.start);
            if (start == std::string::npos) {
                continue;  // a DOCTYPE, blank lines
            }
            inside = true;
            record.line = line_number_;
            line_.erase(0, start);
        }
        const std::size_t end = line_.find(markers_.end);
        if (end == std::string::npos) {
            record.sgml += line_;
            continue;
        }
        record.sgml.append(line_, 0, end);
        rest_of_line_ = line_.substr(end + markers_.end.size());
        return record;
    }
    if (inside) {
        report(Severity::error, record.line,
               "the " + std::string(markers_.record_name) + " has no " + std::string(markers_.end));
    }
    return std::nullopt;
}

void SgmlRecordReader::report(Severity severity, std::size_t line, std::string message,
                              std::string reason) const {
    if (sink_) {
        sink_(Diagnostic{severity, file_, line, std::move(message), std::move(reason)});
    }
}

std::optional<std::string_view> element_content(std::string_view sgml, std::string_view name) {
    const std::string open = "<" + std::string(name);
    std::size_t start = sgml.find(open);
    while (start != std::string_view::npos && start + open.size() < sgml.size() && sgml[start + open.size()] != '>' &&
           !is_ascii_space(sgml[start + open.size()])) {
        start = sgml.find(open, start + open.size());
    }
    if (start == std::string_view::npos) {
        return std::nullopt;
    }
    const std::size_t content = sgml.find('>', start);
    const std::size_t end = sgml.find("</" + std::string(name) + ">", content);
    if (content == std::string_view::npos || end == std::string_view::npos) {
        return std::nullopt;
    }
    return sgml.substr(content + 1, end - content - 1);
}

std::string without_tags(std::string_view sgml) {
    std::string text;
    text.reserve(sgml.size());
    std::size_t pos = 0;
    for (std::size_t open = sgml.find('<'); open != std::string_view::npos; open = sgml.find('<', pos)) {
        const std::size_t close = sgml.find('>', open);
        if (close == std::string_view::npos) {
            break;
        }
        text.append(sgml.substr(pos, open - pos));
        text += ' ';
        pos = close + 1;
    }
    text.append(sgml.substr(pos));
    return text;
}

std::string field_text(std::optional<std::string_view> sgml) {
    return clean_field(decode_character_references(sgml.value_or("")));
}

std::string body_text(std::string_view sgml) {
    return clean_body(decode_character_references(sgml));
}

std::size_t line_of(std::string_view sgml, std::string_view part, std::size_t first_line) {
    const auto offset = static_cast<std::ptrdiff_t>(part.data() - sgml.data());
    return first_line + static_cast<std::size_t>(std::count(sgml.begin(), sgml.begin() + offset, '\n'));
}

}  // namespace gazette
