#include "searcher/display_title.h"

#include "common/text.h"

#include <string_view>

namespace gazette {

namespace {

// Where the first sentence of collapsed `text` ends (just after its ".", "!"
// or "?" followed by a space), or npos. A full stop after a lone capital
// ("N.Y. GRAIN FREIGHTS", "U.S. Gulf") is an initial, and a sentence has at
// least kMinSentenceBytes.
constexpr std::size_t kMinSentenceBytes = 12;

bool is_initial(std::string_view text, std::size_t stop) {
    if (text[stop] != '.' || stop == 0 || text[stop - 1] < 'A' || text[stop - 1] > 'Z') return false;
    return stop == 1 || text[stop - 2] == ' ' || text[stop - 2] == '.';
}

std::size_t first_sentence_end(std::string_view text) {
    for (std::size_t stop = text.find_first_of(".!?"); stop != std::string_view::npos;
         stop = text.find_first_of(".!?", stop + 1)) {
        if (stop + 1 < text.size() && text[stop + 1] == ' ' && stop + 1 >= kMinSentenceBytes && !is_initial(text, stop)) {
            return stop + 1;
        }
    }
    return std::string_view::npos;
}

}  // namespace

DisplayTitle display_title(const Article& article) {
    if (!article.title.empty()) return {article.title, false};
    std::string text = collapse_whitespace(article.body);
    std::size_t end = first_sentence_end(text);
    if (end != std::string::npos) text.resize(end);  // keeps the full stop
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
