// CSV and TSV, as Kaggle-style news dumps come: one article per record, the
// columns named by a header row (or numbered, with --no-header), mapped to
// article fields by name ("title", "headline", "body", "content", ...) or by
// --columns title=headline,body=content,date=published. The separator
// (, ; tab |) and the quote character (" or ') are detected from the first
// line unless given. Quoted fields may span lines; a doubled quote inside one
// is a literal quote. A stray quote is reported ("unterminated quote opened at
// line N") and costs its row only: reading resumes at the next line. Rows
// without an id column get FILE:ROW as id.
#pragma once

#include "corpus/input_stream.h"
#include "corpus/reader.h"

#include <deque>
#include <optional>
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
    struct Line {
        std::string text;
        std::size_t number = 0;
    };
    struct Record {
        std::vector<std::string> fields;
        std::size_t line = 0;
    };

    bool read_line(Line& line);
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
    // Lines read but not yet parsed: the first (read to detect the dialect),
    // or those a stray quote carried into its row, to be read again.
    std::deque<Line> pending_;
    // Fields a row has: the header's, or the first row's.
    std::optional<std::size_t> row_width_;
    bool started_ = false;
    // Column index of each field; nullopt when not mapped.
    std::vector<std::pair<CsvField, std::size_t>> mapping_;
};

}  // namespace gazette
