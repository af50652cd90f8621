// CSV and TSV, as Kaggle-style news dumps come: one article per record, the
// columns named by a header row (or numbered, with --no-header), mapped to
// article fields by name ("title", "headline", "body", "content", ...) or by
// --columns title=headline,body=content,date=published. The separator
// (, ; tab |) and the quote character (" or ') are detected from the first
// line unless given. Quoted fields may span lines; a doubled quote inside one
// is a literal quote. Rows without an id column get FILE:ROW as id.
#pragma once

#include "corpus/input_stream.h"
#include "corpus/reader.h"

#include <string>
#include <vector>

namespace gazette {

class CsvReader : public ArticleReader {
public:
    // `id_prefix` names the file in generated ids ("news.csv" -> "news.csv:12").
    CsvReader(InputStream input, std::string id_prefix, const CsvOptions& options, DiagnosticSink sink);
    std::optional<Article> next() override;
    std::uintmax_t bytes_read() const override { return input_.bytes_read(); }

private:
    struct Record {
        std::vector<std::string> fields;
        std::size_t line = 0;
    };

    bool read_line(std::string& line);
    std::optional<Record> next_record();
    void start();
    std::optional<Article> to_article(const Record& record);
    void report(Severity severity, std::size_t line, std::string message, std::string reason = {}) const;

    InputStream input_;
    std::string id_prefix_;
    CsvOptions options_;
    DiagnosticSink sink_;
    std::size_t line_number_ = 0;
    std::size_t row_number_ = 0;
    std::optional<std::string> first_line_;  // read to detect the dialect, not yet parsed
    bool started_ = false;
    // Column index of each field; nullopt when not mapped.
    std::vector<std::pair<CsvField, std::size_t>> mapping_;
};

}  // namespace gazette
