// TREC SGML, as the TREC news collections (Robust04, AQUAINT) and the TIME
// collection are distributed: many <DOC> ... </DOC> documents per file.
//   <DOC>
//   <DOCNO> LA010189-0001 </DOCNO>
//   <HEADLINE> ... </HEADLINE>  (or HL, HEAD, TITLE)
//   <DATE> ... </DATE>          (or DD, DATE_TIME)
//   <TEXT> <P> ... </P> </TEXT> (LEADPARA, P and unknown tags inside keep their text)
//   </DOC>
// DOCNO is the id. The body is the text of every TEXT element; a document
// without one is indexed with the text of all its other elements. A document
// without a date element takes the date that starts its TEXT, if any: TIME's
// TEXT begins "01/04/63 PAGE 020".
#pragma once

#include "corpus/reader.h"
#include "corpus/sgml.h"

#include "corpus/input_stream.h"

namespace gazette {

class TrecReader : public ArticleReader {
public:
    TrecReader(InputStream input, DiagnosticSink sink);
    std::optional<Article> next() override;
    std::uintmax_t bytes_read() const override { return input_.bytes_read(); }

private:
    std::optional<Article> parse_document(const SgmlRecord& document) const;

    InputStream input_;
    SgmlRecordReader documents_;
};

}  // namespace gazette
