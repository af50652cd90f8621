// Plain text, one article per file: the first non-empty line is the title and
// everything after it the body. The id is the file's path relative to the
// input root, so the same folder indexed from elsewhere keeps its ids.
#pragma once

#include "corpus/reader.h"

#include <fstream>
#include <string>

namespace gazette {

class TextReader : public ArticleReader {
public:
    // Throws InputError when the file cannot be opened.
    TextReader(const std::filesystem::path& file, const std::filesystem::path& root, DiagnosticSink sink);
    std::optional<Article> next() override;

private:
    std::optional<Article> read_article();
    void report(Severity severity, std::string message) const;

    std::string file_;  // as named in diagnostics
    std::string id_;
    std::ifstream in_;
    DiagnosticSink sink_;
    bool done_ = false;
};

}  // namespace gazette
