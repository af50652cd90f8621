#include "searcher/display_title.h"

#include "common/text.h"

#include <algorithm>

namespace gazette {

DisplayTitle display_title(const Article& article) {
    if (!article.title.empty()) return {article.title, false};
    std::string text = collapse_whitespace(article.body);
    std::size_t end = text.size();
    for (std::string_view stop : {". ", "! ", "? "}) end = std::min(end, text.find(stop));
    if (end < text.size()) text.resize(end + 1);  // keeps the full stop
    if (text.size() > kFallbackTitleBytes) {
        std::size_t cut = text.rfind(' ', kFallbackTitleBytes);
        text.resize(cut == std::string::npos || cut == 0 ? kFallbackTitleBytes : cut);
        // Never half a UTF-8 sequence: drop continuation bytes and their lead.
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
        if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) text.pop_back();
        text += "…";
    }
    return {text, true};
}

}  // namespace gazette
