// Saved news web pages, one article per file, parsed with a real HTML parser
// (gumbo). Read from the page:
//   title    <meta property="og:title">, else <title>
//   date     <meta property="article:published_time">, else <time datetime>,
//            else JSON-LD "datePublished"
//   byline   <meta name="author">, else JSON-LD "author" (a name or {"name"})
//   source   <meta property="og:site_name">
//   url      <link rel="canonical">, else <meta property="og:url">
//   language <html lang="de-AT"> -> "de"
//   body     the text of <article>, else <main>, else <body>, without
//            scripts, styles, navigation, headers, footers, asides and forms
// The id is the file's path relative to the input root, as for text files.
#pragma once

#include "corpus/file_article_reader.h"

namespace gazette {

class HtmlReader : public FileArticleReader {
public:
    using FileArticleReader::FileArticleReader;

private:
    std::optional<Article> read_article() override;
};

}  // namespace gazette
