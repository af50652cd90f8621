// The title an article is shown under. Some have none (CSV rows, TIME, many
// Reuters items): they are shown under their first sentence instead, chosen
// when the article is displayed; the index keeps the title as it was given.
#pragma once

#include "common/article.h"

#include <cstddef>
#include <string>

namespace gazette {

struct DisplayTitle {
    std::string text;
    bool is_fallback = false;  // made from the body: the article has no title
};

// Fallback titles are cut, at a word, to this many bytes, with "…".
inline constexpr std::size_t kFallbackTitleBytes = 80;

// The article's title, or else its body's first sentence (up to ". ", "! "
// or "? ", not after an initial such as "N.Y.", and of 12 bytes at least),
// white space collapsed, cut to kFallbackTitleBytes.
DisplayTitle display_title(const Article& article);

}  // namespace gazette
