// JSON Lines: one article object per line, e.g.
//   {"id": "a1", "title": "...", "body": "...", "date": "2022-03-10", "tags": ["politics"]}
// Keys fill fields by the names CSV headers have (usual_names in
// corpus/csv_options.h: body, text, content...; headline; published; link;
// author...), or by --columns FIELD=KEY. The body is required; a record
// without an id gets FILE:LINE ("news.jsonl:12"), as CSV rows get FILE:ROW.
// The id is a string or an integer; the date is read as parse_date reads it
// (ISO 8601, RFC 2822...); topics and places are arrays of strings or one
// string, from every key of theirs present (tags and topics both become
// topics). null counts as absent and unknown keys are ignored. A broken line
// is reported with its line number and skipped.
#pragma once

#include "corpus/reader.h"

#include "corpus/input_stream.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace gazette {

class JsonlReader : public ArticleReader {
public:
    // The keys of each field, the first found first.
    using Keys = std::vector<std::string>;
    using KeyMap = std::vector<std::pair<CsvField, Keys>>;

    // `id_prefix` names the file in generated ids; `columns` (--columns) map
    // keys to fields, or, when empty, the usual names do. Throws InputError
    // when `columns` map no key to the body.
    JsonlReader(InputStream input, std::string id_prefix, const std::vector<CsvColumn>& columns,
                DiagnosticSink sink);
    ~JsonlReader() override;
    std::optional<Article> next() override;
    std::uintmax_t bytes_read() const override { return input_.bytes_read(); }

private:
    struct Parser;  // simdjson stays out of this header

    std::optional<Article> parse_line();
    void report(Severity severity, std::string message, std::string reason = {}) const;

    InputStream input_;
    std::string id_prefix_;
    DiagnosticSink sink_;
    std::unique_ptr<Parser> parser_;
    KeyMap keys_;
    std::string line_;  // reused, so its capacity also serves as simdjson's padding
    std::size_t line_number_ = 0;
};

}  // namespace gazette
