#include "searcher/fuzzy.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include <unicode/utf8.h>

namespace gazette {

namespace {

// The confusions of OCR: what is printed (as the query spells it) and what
// the scanner may have read. Both directions unless `one_way`: a query for
// "rnarket" finds "market" too, but "f" is not read as a long s.
struct OcrConfusion {
    std::string_view printed;
    std::string_view read;
    bool one_way = false;
};

constexpr OcrConfusion kOcrConfusions[] = {
    {"m", "rn"}, {"d", "cl"}, {"h", "li"}, {"w", "vv"}, {"o", "0"}, {"l", "1"},
    // Long s (ſ) looks like f; the analyzer already folds a recognised ſ to s.
    {"s", "f", true},
};

std::u32string code_points(std::string_view text) {
    std::u32string out;
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        out += c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
    }
    return out;
}

std::size_t letter_count(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Every copy of `word` with one occurrence of `from` replaced by `to`.
void add_replacements(std::string_view word, std::string_view from, std::string_view to, std::vector<std::string>& out) {
    for (std::size_t at = word.find(from); at != std::string_view::npos; at = word.find(from, at + 1)) {
        std::string variant = std::string(word.substr(0, at)) + std::string(to) + std::string(word.substr(at + from.size()));
        if (variant != word && std::find(out.begin(), out.end(), variant) == out.end()) out.push_back(std::move(variant));
    }
}

// A query word being expanded, and the index words found for it.
struct FuzzyWord {
    std::string word;
    std::u32string letters;
    std::size_t edits;
    std::vector<std::string> ocr;
    std::vector<std::pair<Xapian::doccount, std::string>> found;  // termfreq, term
};

// One pass over the unprefixed terms (prefixed ones start with a capital:
// common/schema.h) finds the variants of every word.
void find_variants(const Xapian::Database& vocabulary, std::vector<FuzzyWord>& words) {
    if (words.empty()) return;
    const auto end = vocabulary.allterms_end();
    for (auto it = vocabulary.allterms_begin(); it != end;) {
        const std::string term = *it;
        if (!term.empty() && term.front() >= 'A' && term.front() <= 'Z') {
            it.skip_to("[");  // '[' is the byte after 'Z': past every prefixed term
            continue;
        }
        const std::size_t letters = letter_count(term);
        std::u32string term_letters;  // decoded when a word is near enough in length
        for (FuzzyWord& word : words) {
            if (term == word.word) continue;
            bool match = std::find(word.ocr.begin(), word.ocr.end(), term) != word.ocr.end();
            std::size_t gap = std::max(letters, word.letters.size()) - std::min(letters, word.letters.size());
            if (!match && gap <= word.edits) {
                if (term_letters.empty()) term_letters = code_points(term);
                match = edit_distance(word.letters, term_letters) <= word.edits;
            }
            if (match) word.found.emplace_back(it.get_termfreq(), term);
        }
        ++it;
    }
}

}  // namespace

std::size_t edit_distance(std::u32string_view a, std::u32string_view b) {
    std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
    std::iota(previous.begin(), previous.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t replace = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, replace});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::size_t allowed_edits(std::size_t letters) { return letters < 4 ? 0 : letters < 8 ? 1 : 2; }

std::vector<std::string> ocr_variants(std::string_view word) {
    std::vector<std::string> out;
    for (const OcrConfusion& confusion : kOcrConfusions) {
        add_replacements(word, confusion.printed, confusion.read, out);
        if (!confusion.one_way) add_replacements(word, confusion.read, confusion.printed, out);
    }
    return out;
}

bool may_have_variants(std::string_view word) {
    return letter_count(word) >= 4 && word.find_first_of("\"():+-*/") == std::string_view::npos &&
           std::none_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

FuzzyVariants find_fuzzy_variants(const std::vector<std::string>& words, const Xapian::Database& vocabulary) {
    std::vector<FuzzyWord> fuzzy;
    for (const std::string& word : words) {
        if (std::any_of(fuzzy.begin(), fuzzy.end(), [&word](const FuzzyWord& known) { return known.word == word; })) continue;
        std::u32string letters = code_points(word);
        std::size_t edits = allowed_edits(letters.size());
        fuzzy.push_back({word, std::move(letters), edits, ocr_variants(word), {}});
    }
    find_variants(vocabulary, fuzzy);
    FuzzyVariants out;
    for (FuzzyWord& word : fuzzy) {
        auto& found = word.found;
        if (found.empty()) continue;
        std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        found.resize(std::min(found.size(), kMaxVariantsPerWord));
        std::vector<std::string>& variants = out[word.word];
        for (auto& variant : found) variants.push_back(std::move(variant.second));
    }
    return out;
}

std::string with_variants(const std::string& word, const FuzzyVariants& variants) {
    const auto found = variants.find(word);
    if (found == variants.end()) return word;
    std::string group = "(" + word;
    for (const std::string& variant : found->second) group += " OR " + variant;
    return group + ")";
}

}  // namespace gazette
