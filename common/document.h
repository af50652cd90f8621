// What each Xapian document stores for the searcher to show: the article's
// fields as one JSON object in the document data (readable with xapian-delve).
#pragma once

#include "common/article.h"

#include <memory>
#include <string>
#include <string_view>

namespace gazette {

std::string encode_document_data(const Article& article);

// Reads document data back. Holds a reusable simdjson parser, so keep one per
// thread rather than building one per document.
class DocumentDataDecoder {
public:
    DocumentDataDecoder();
    ~DocumentDataDecoder();
    DocumentDataDecoder(const DocumentDataDecoder&) = delete;
    DocumentDataDecoder& operator=(const DocumentDataDecoder&) = delete;

    // Throws std::runtime_error when the data is not what encode_document_data wrote.
    Article decode(std::string_view data);

private:
    class Parser;
    std::unique_ptr<Parser> parser_;
};

}  // namespace gazette
