// OCR-tolerant matching (newssearch --fuzzy): a query word also matches the
// index words that a digitised page may have made of it.
//
// Xapian 1.4 has no fuzzy query, so each plain query word is expanded
// against the index's vocabulary (its unprefixed terms, one scan per query)
// and the variants are ORed in: "market" becomes
// "(market OR rnarket OR markets)". QueryBuilder chooses the words from the
// query tree (searcher/query_tree.h) and writes each with its variants as it
// folds the query; this file finds the variants. The rule:
//   - words of 1-3 letters are matched exactly;
//   - words of 4-7 letters also match index words one edit away
//     (Levenshtein: a letter inserted, deleted or replaced), 8 letters or
//     more two edits away;
//   - words of 4 letters or more also match the spellings that one common OCR
//     confusion makes of them (ocr_variants): rn<->m, cl<->d, li<->h,
//     vv<->w, 0<->o, 1<->l, and long s read as f (s->f).
// Letters are Unicode code points of the folded word (common/analyzer.h).
// QueryBuilder ranks the expansion below the exact query (see
// kFuzzyWeight there).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace gazette {

// Levenshtein distance between two strings of code points.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b);

// How many edits a word of `letters` code points may be from an index word
// it matches: 0 below 4, 1 for 4-7, 2 from 8.
std::size_t allowed_edits(std::size_t letters);

// The spellings one OCR confusion makes of `word` (folded), each once, in
// the order of the confusion table and then of position; not `word` itself.
std::vector<std::string> ocr_variants(std::string_view word);

// Whether fuzzy matching widens `word` (one word of the folded query, from a
// part QueryBuilder found plain: not in a phrase, a field, brackets, after +
// or -, nor next to NEAR or ADJ): it has 4 letters or more and no query
// syntax in it (oil*, 1/2, re:, e-mail are left alone).
bool may_have_variants(std::string_view word);

// The variants of each of `words` (folded) in `vocabulary`'s unprefixed
// terms, found in one pass over them: at most kMaxVariantsPerWord a word, the
// most frequent first. A word with none has no entry.
using FuzzyVariants = std::map<std::string, std::vector<std::string>, std::less<>>;
FuzzyVariants find_fuzzy_variants(const std::vector<std::string>& words, const Xapian::Database& vocabulary);

// `word` with its variants ORed in brackets, as the query builder writes it:
// "(market OR markets OR rnarket)"; `word` alone when it has none.
std::string with_variants(const std::string& word, const FuzzyVariants& variants);

inline constexpr std::size_t kMaxVariantsPerWord = 20;

}  // namespace gazette
