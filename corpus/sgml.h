// What the SGML archive formats (Reuters-21578, TREC) share: records between a
// start tag and an end tag, read one at a time from a stream, and elements
// found by name inside a record. These files are "SGML" by convention only
// (a bare '&', unclosed tags), so nothing here is a validating parser.
#pragma once

#include "common/diagnostic.h"

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace gazette {

struct SgmlRecord {
    std::string sgml;       // from the start tag up to, not including, the end tag
    std::size_t line = 0;   // the line of the start tag
};

// Splits a stream into records: "<REUTERS ...>" ... "</REUTERS>", or
// "<DOC>" ... "</DOC>". Lines are repaired to valid UTF-8 as they are read
// (a warning names the line). A record that the stream ends inside is an error.
class SgmlRecordReader {
public:
    struct Markers {
        std::string_view start;        // "<REUTERS", "<DOC>"
        std::string_view end;          // "</REUTERS>", "</DOC>"
        std::string_view record_name;  // "story", "document": for messages
    };

    // `in` must outlive the reader.
    SgmlRecordReader(std::istream& in, std::string file, Markers markers, DiagnosticSink sink);

    std::optional<SgmlRecord> next();
    const std::string& file() const { return file_; }
    void report(Severity severity, std::size_t line, std::string message, std::string reason = {}) const;

private:
    bool read_line();

    std::istream& in_;
    std::string file_;  // as named in diagnostics
    Markers markers_;
    DiagnosticSink sink_;
    std::string line_;
    std::size_t line_number_ = 0;
    std::string rest_of_line_;  // what followed an end tag on its line
};

// The content of the first <NAME ...>...</NAME> element in `sgml` ("<DATE"
// does not match "<DATELINE>").
std::optional<std::string_view> element_content(std::string_view sgml, std::string_view name);

// The text between the tags; each tag becomes a space so that it cannot glue
// two words together. Must run before decoding: "&lt;" is text, not a tag.
std::string without_tags(std::string_view sgml);

// A one-line field: character references decoded first, so "&lt;VIA>" reads
// "<VIA>" and "&#3;" is gone, then cleaned (common/text.h clean_field).
std::string field_text(std::optional<std::string_view> sgml);

// A body: references decoded, then cleaned (clean_body).
std::string body_text(std::string_view sgml);

// The line on which `part`, a view into `sgml`, starts; `sgml` starts on
// `first_line`.
std::size_t line_of(std::string_view sgml, std::string_view part, std::size_t first_line);

}  // namespace gazette
