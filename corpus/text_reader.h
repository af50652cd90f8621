// Plain text, one article per file: the first non-empty line is the title and
// everything after it the body.
#pragma once

#include "corpus/reader.h"

#include "corpus/input_stream.h"

#include <string>

namespace gazette {

class TextReader : public ArticleReader {
public:
    TextReader(InputStream input, std::string id, DiagnosticSink sink);
    std::optional<Article> next() override;
    std::uintmax_t bytes_read() const override { return input_.bytes_read(); }

private:
    std::optional<Article> read_article();
    void report(Severity severity, std::string message, std::string reason = {}) const;

    InputStream input_;
    std::string id_;
    DiagnosticSink sink_;
    bool done_ = false;
};

// The id of a text file: its path relative to the input root the user named,
// so the same folder indexed from elsewhere keeps its ids.
std::string text_article_id(const std::filesystem::path& file, const std::filesystem::path& root);

}  // namespace gazette
