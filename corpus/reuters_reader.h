// Reuters-21578 SGML (reut2-NNN.sgm): many <REUTERS NEWID="..."> stories per
// file, read one story at a time. Every story becomes an article, those
// without a <BODY> too: a BRIEF story's body is its text (or else its title),
// an UNPROC story's body its raw text. Character references are decoded and
// the control characters they stand for never reach the text.
#pragma once

#include "corpus/reader.h"
#include "corpus/sgml.h"

#include <fstream>
#include <string>

namespace gazette {

class ReutersReader : public ArticleReader {
public:
    // Throws InputError when the file cannot be opened.
    ReutersReader(const std::filesystem::path& file, DiagnosticSink sink);
    std::optional<Article> next() override;

private:
    std::optional<Article> parse_story(const SgmlRecord& story) const;

    std::ifstream in_;
    SgmlRecordReader stories_;
};

}  // namespace gazette
