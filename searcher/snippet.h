// Snippets: the passage of an article that best shows why it matched, with
// the matching words marked.
#pragma once

#include "common/analyzer.h"

#include <array>
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

namespace gazette {

struct Snippet {
    std::string text;  // white space collapsed; "…" where the article was cut
    std::vector<std::pair<std::size_t, std::size_t>> highlights;  // byte ranges [begin, end) in text
};

struct SnippetOptions {
    std::size_t max_words = 32;
};

// Finds the window of `text` with the most distinct query terms, preferring
// the earliest. Each word of the text goes through the same analysis as at
// index time, so "Bogotá" is marked for the query "bogota" and "Duque's" for
// "Duque". `stemmer` is the article's language's. One per thread: it
// remembers the words it has matched, since analysing and stemming them was
// most of a snippet's cost, and an article (and the hits of one query)
// repeats many of its words.
class SnippetMaker {
public:
    SnippetMaker(Analyzer& analyzer, const Xapian::Query& query);

    Snippet make(std::string_view text, const Xapian::Stem& stemmer, const SnippetOptions& options = {}) const;

    struct Word {
        std::size_t begin, end;  // byte range in the source text
        int term = -1;           // index of the query term it matches, or -1
    };
    // The words of `text` in order, each with the query term it matches (the
    // concordance's input too: searcher/concordance.h).
    std::vector<Word> split_words(std::string_view text, const Xapian::Stem& stemmer) const;

private:
    int match(std::string_view folded_word, const Xapian::Stem& stemmer) const;
    // The query term a word of the text (as written) matches, or -1.
    int match_surface(std::string_view surface, const Xapian::Stem& stemmer) const;
    // match_surface, remembered.
    int cached_match(std::string_view surface, const Xapian::Stem& stemmer) const;
    // False only when `surface` provably matches no query term (see
    // stem_keeps_first_letter in snippet.cpp): most words of a text are
    // then passed over without being analysed, stemmed or looked up.
    bool may_match(std::string_view surface) const;

    struct StringHash {
        using is_transparent = void;  // find() by string_view, without a copy
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };

    Analyzer& analyzer_;
    std::vector<std::string> terms_;  // the query's free-text terms, unstemmed or "Z"-stemmed
    std::array<bool, 256> term_first_bytes_{};  // the first byte of each term's word (after the "Z")
    // What match_surface said of each word seen with the stemmer of
    // `seen_language_` (its description): a cache, hence mutable.
    mutable std::unordered_map<std::string, int, StringHash, std::equal_to<>> seen_;
    mutable std::string seen_language_;
    // Whether the stemmer of `seen_language_` keeps a word's first letter,
    // so that may_match can rule words out.
    mutable bool stem_keeps_first_letter_ = false;
};

// The snippet with each highlight wrapped in `before` and `after`.
std::string render(const Snippet& snippet, std::string_view before, std::string_view after);

}  // namespace gazette
