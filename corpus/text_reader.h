// Plain text, one article per file: the first non-empty line is the title and
// everything after it the body; a file of one line is a body without a title.
#pragma once

#include "corpus/file_article_reader.h"

#include <filesystem>
#include <string>

namespace gazette {

class TextReader : public FileArticleReader {
public:
    using FileArticleReader::FileArticleReader;

private:
    std::optional<Article> read_article() override;
};

// The id of a text file: its path relative to the input root the user named,
// so the same folder indexed from elsewhere keeps its ids.
std::string text_article_id(const std::filesystem::path& file, const std::filesystem::path& root);

}  // namespace gazette
