// What the readers of one-article-per-file formats (text, HTML) share: the
// file is read once, as one article, with the id the caller gives it (from
// standard input, one made from its text: record_id in corpus/reader.h).
#pragma once

#include "corpus/input_stream.h"
#include "corpus/reader.h"

#include <string>

namespace gazette {

class FileArticleReader : public ArticleReader {
public:
    FileArticleReader(InputStream input, std::string id, DiagnosticSink sink);
    // The file's article on the first call, then nullopt.
    std::optional<Article> next() final;
    std::uintmax_t bytes_read() const final { return input_.bytes_read(); }

protected:
    // Reads the whole file; nullopt (after an error diagnostic) when it holds
    // no article.
    virtual std::optional<Article> read_article() = 0;
    // A diagnostic about the whole file.
    void report(Severity severity, std::string message, std::string reason = {}) const;

    InputStream input_;
    const std::string id_;

private:
    DiagnosticSink sink_;
    bool done_ = false;
};

}  // namespace gazette
