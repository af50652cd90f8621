// JSON Lines: one article object per line, e.g.
//   {"id": "a1", "title": "...", "body": "...", "date": "2022-03-10", "tags": ["politics"]}
// Fields: id (string or integer) and body (or text) are required; title, date
// (ISO 8601, RFC 2822 and the other forms of parse_date), source, url, lang, location, byline (or author), tags and topics
// (arrays of strings, both become topics) and places are optional; null counts
// as absent and unknown fields are ignored. A broken line is reported with its
// line number and skipped.
#pragma once

#include "corpus/reader.h"

#include "corpus/input_stream.h"

#include <memory>
#include <string>

namespace gazette {

class JsonlReader : public ArticleReader {
public:
    JsonlReader(InputStream input, DiagnosticSink sink);
    ~JsonlReader() override;
    std::optional<Article> next() override;
    std::uintmax_t bytes_read() const override { return input_.bytes_read(); }

private:
    struct Parser;  // simdjson stays out of this header

    std::optional<Article> parse_line();
    void report(Severity severity, std::string message, std::string reason = {}) const;

    InputStream input_;
    DiagnosticSink sink_;
    std::unique_ptr<Parser> parser_;
    std::string line_;  // reused, so its capacity also serves as simdjson's padding
    std::size_t line_number_ = 0;
};

}  // namespace gazette
