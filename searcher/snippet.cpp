#include "searcher/snippet.h"

#include "common/text.h"

#include <algorithm>
#include <cctype>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace gazette {

namespace {

constexpr std::string_view kEllipsis = "\u2026";

bool is_word_char(UChar32 c) {
    // ASCII first: most of a news text, and ICU's property lookup is slower.
    if (c >= 0 && c < 0x80) return std::isalnum(c) != 0;
    return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

// Characters that join two word characters into one word, as Xapian's word
// splitter does: "Duque's", "U.S", "2.27". A hyphen separates ("non-NATO" is
// two words at index time too).
bool is_inner_joiner(UChar32 c) { return c == '\'' || c == 0x2019 || c == '.' || c == ','; }

UChar32 code_point_at(std::string_view text, std::size_t offset, std::size_t& next) {
    int32_t i = static_cast<int32_t>(offset);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
    next = static_cast<std::size_t>(i);
    return c;
}

// A free-text term of the query (unprefixed, or stemmed with "Z"), as opposed
// to a field or filter term such as "Scolombia" or "Q123".
bool is_free_text_term(std::string_view term) {
    if (term.empty()) return false;
    unsigned char first = static_cast<unsigned char>(term[0]);
    if (first == 'Z') return term.size() > 1 && !std::isupper(static_cast<unsigned char>(term[1]));
    return !std::isupper(first);
}

// The word of a free-text term: the term without its "Z".
std::string_view word_of(std::string_view term) { return term[0] == 'Z' ? term.substr(1) : term; }

// Whether the stem of every word that begins with an ASCII letter or digit
// begins with that same character, so that a word can match a query term
// only when the term's word begins with the word's first letter
// (SnippetMaker::may_match). Proved per stemmer, from its Snowball
// algorithm; every other stemmer takes the full path, analysing every word:
// - none (a language without a stemmer): the word is its own stem.
// - english (Porter2): the prelude removes only a leading apostrophe (no
//   such word reaches the stemmer: a word begins with a letter or digit) and
//   marks y as Y, which the postlude turns back; every later step removes or
//   replaces an ending after the first letter (R1 and R2 begin at the
//   second letter at the earliest, and "ies" becomes "ie", "'s" goes), and
//   the exceptional forms keep their first letter ("skies" -> "sky",
//   "dying" -> "die"). The unit tests check such words.
// Not, for example, irish ("bhfear" -> "fear") or indonesian ("membaca" ->
// "baca"), which remove prefixes.
bool stem_keeps_first_letter(const Xapian::Stem& stemmer) {
    static const std::string english = Xapian::Stem("english").get_description();
    return stemmer.is_none() || stemmer.get_description() == english;
}

}  // namespace

SnippetMaker::SnippetMaker(Analyzer& analyzer, const Xapian::Query& query) : analyzer_(analyzer) {
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        if (!is_free_text_term(*it)) continue;
        terms_.push_back(*it);
        term_first_bytes_[static_cast<unsigned char>(word_of(*it)[0])] = true;
    }
}

int SnippetMaker::match(std::string_view folded_word, const Xapian::Stem& stemmer) const {
    std::string word(folded_word);
    std::string stemmed = "Z" + stemmer(word);
    for (std::size_t i = 0; i < terms_.size(); ++i) {
        if (terms_[i] == word || terms_[i] == stemmed) return static_cast<int>(i);
    }
    return -1;
}

int SnippetMaker::match_surface(std::string_view surface, const Xapian::Stem& stemmer) const {
    // Analysis may split one surface word (a Chinese phrase) into several.
    std::string folded = analyzer_.normalise(surface);
    for (std::size_t piece = 0; piece < folded.size();) {
        std::size_t space = std::min(folded.find(' ', piece), folded.size());
        if (space > piece) {
            if (int term = match(std::string_view(folded).substr(piece, space - piece), stemmer); term >= 0) return term;
        }
        piece = space + 1;
    }
    return -1;
}

int SnippetMaker::cached_match(std::string_view surface, const Xapian::Stem& stemmer) const {
    auto known = seen_.find(surface);
    if (known != seen_.end()) return known->second;
    // Bounded: newssearch --all makes a snippet for every match of the archive.
    constexpr std::size_t kMaxRemembered = 1 << 16;
    if (seen_.size() == kMaxRemembered) seen_.clear();
    int term = match_surface(surface, stemmer);
    seen_.emplace(surface, term);
    return term;
}

// An ASCII word is folded by lower-casing it and joining a dotted acronym
// ("U.S." -> "us"): its first letter stays first, lower-cased. Other words
// (accents, other scripts, a Chinese phrase split in several) take the full path.
bool SnippetMaker::may_match(std::string_view surface) const {
    if (!stem_keeps_first_letter_ || !is_ascii(surface)) return true;
    return term_first_bytes_[static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(surface[0])))];
}

std::vector<SnippetMaker::Word> SnippetMaker::split_words(std::string_view text, const Xapian::Stem& stemmer) const {
    if (std::string language = stemmer.get_description(); language != seen_language_) {
        seen_.clear();
        seen_language_ = std::move(language);
        stem_keeps_first_letter_ = stem_keeps_first_letter(stemmer);
    }
    std::vector<Word> words;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t next;
        if (!is_word_char(code_point_at(text, pos, next))) {
            pos = next;
            continue;
        }
        std::size_t end = next;
        while (end < text.size()) {
            std::size_t after;
            UChar32 c = code_point_at(text, end, after);
            if (is_word_char(c)) {
                end = after;
                continue;
            }
            std::size_t after_joiner;
            if (is_inner_joiner(c) && after < text.size() && is_word_char(code_point_at(text, after, after_joiner))) {
                end = after;
                continue;
            }
            break;
        }
        // A dotted acronym keeps its final dot: "U.S." rather than "U.S".
        if (end < text.size() && text[end] == '.' && end - pos >= 3 && text[end - 2] == '.') ++end;
        std::string_view surface = text.substr(pos, end - pos);
        words.push_back({pos, end, may_match(surface) ? cached_match(surface, stemmer) : -1});
        pos = end;
    }
    return words;
}

namespace {

// The start of the window of `width` words with the most distinct matched
// terms; the earliest such window wins.
std::size_t best_window_start(const std::vector<int>& word_terms, std::size_t width, std::size_t term_count) {
    if (word_terms.size() <= width || term_count == 0) return 0;
    std::vector<int> in_window(term_count, 0);
    std::size_t distinct = 0;
    auto enter = [&](int term) {
        if (term >= 0 && in_window[term]++ == 0) ++distinct;
    };
    auto leave = [&](int term) {
        if (term >= 0 && --in_window[term] == 0) --distinct;
    };
    for (std::size_t i = 0; i < width; ++i) enter(word_terms[i]);
    std::size_t best = 0, best_distinct = distinct;
    for (std::size_t start = 1; start + width <= word_terms.size(); ++start) {
        leave(word_terms[start - 1]);
        enter(word_terms[start + width - 1]);
        if (distinct > best_distinct) {
            best_distinct = distinct;
            best = start;
        }
    }
    // Begin the window at its first match rather than mid-way before it.
    for (std::size_t i = best; i < best + width; ++i) {
        if (word_terms[i] >= 0) return best == 0 ? 0 : std::min(i, word_terms.size() - width);
    }
    return best;
}

}  // namespace

Snippet SnippetMaker::make(std::string_view text, const Xapian::Stem& stemmer, const SnippetOptions& options) const {
    std::vector<Word> words = split_words(text, stemmer);
    Snippet snippet;
    if (words.empty()) return snippet;

    std::vector<int> word_terms;
    word_terms.reserve(words.size());
    for (const auto& word : words) word_terms.push_back(word.term);
    std::size_t first = best_window_start(word_terms, options.max_words, terms_.size());
    std::size_t last = std::min(words.size(), first + options.max_words);  // one past the last word

    std::size_t begin = words[first].begin;
    std::size_t end = last == words.size() ? text.size() : words[last - 1].end;
    if (first > 0) snippet.text += kEllipsis;
    std::size_t word = first;
    bool pending_space = false;
    for (std::size_t pos = begin; pos < end; ++pos) {
        if (std::isspace(static_cast<unsigned char>(text[pos]))) {
            pending_space = true;
            continue;
        }
        if (pending_space && !snippet.text.empty()) snippet.text += ' ';
        pending_space = false;
        while (word < last && words[word].end <= pos) ++word;
        if (word < last && pos == words[word].begin && words[word].term >= 0) {
            std::size_t at = snippet.text.size();
            snippet.text.append(text.substr(pos, words[word].end - pos));
            snippet.highlights.emplace_back(at, snippet.text.size());
            pos = words[word].end - 1;
            continue;
        }
        snippet.text += text[pos];
    }
    if (last < words.size()) snippet.text += kEllipsis;
    return snippet;
}

std::string render(const Snippet& snippet, std::string_view before, std::string_view after) {
    std::string out;
    std::size_t pos = 0;
    for (auto [begin, end] : snippet.highlights) {
        out.append(snippet.text, pos, begin - pos);
        out += before;
        out.append(snippet.text, begin, end - begin);
        out += after;
        pos = end;
    }
    out.append(snippet.text, pos);
    return out;
}

}  // namespace gazette
