// Reuters-21578 SGML (reut2-NNN.sgm): many <REUTERS NEWID="..."> stories per
// file, read one story at a time. Every story becomes an article, those
// without a <BODY> too: a BRIEF story's body is its text (or else its title),
// an UNPROC story's body its raw text. Character references are decoded and
// the control characters they stand for never reach the text.
#pragma once

#include "corpus/reader.h"
#include "corpus/sgml.h"

#include "corpus/input_stream.h"

namespace gazette {

class ReutersReader : public ArticleReader {
public:
    ReutersReader(InputStream input, DiagnosticSink sink);
    std::optional<Article> next() override;
    std::uintmax_t bytes_read() const override { return input_.bytes_read(); }

private:
    std::optional<Article> parse_story(const SgmlRecord& story) const;

    InputStream input_;
    SgmlRecordReader stories_;
};

}  // namespace gazette
