// Concordance (keyword in context): every place the query's words were used,
// one line each, with a window of words either side (newssearch --kwic,
// --context N).
//
// The words are found as snippets find them (searcher/snippet.h: the same
// analysis as at index time, so "OPEC's" is found for opec); matched words
// next to each other (a phrase) are one keyword.
#pragma once

#include "searcher/snippet.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

struct KeywordInContext {
    std::string left;   // up to ConcordanceOptions::context_words words before, white space collapsed
    std::string match;  // as written in the article
    std::string right;  // up to context_words words after
};

// What --kwic and --context ask for; held in a spec's FeatureSettings only
// when the concordance is shown.
// What the decorator adds to Hit::features: every keyword of its body, in order.
using KeywordsInContext = std::vector<KeywordInContext>;

struct ConcordanceOptions {
    std::size_t context_words = 8;
};

// Every keyword of `text`, in order; `words` are its words as
// SnippetMaker::split_words finds them.
std::vector<KeywordInContext> keywords_in_context(std::string_view text, const std::vector<SnippetMaker::Word>& words,
                                                  const ConcordanceOptions& options);

// The lines aligned on the keyword, for people: the left contexts
// right-aligned (by characters) to the longest, "id  date  left  MATCH  right".
struct ConcordanceLine {
    std::string label;  // "id 17  1987-03-02"
    KeywordInContext keyword;
};
std::string render_concordance(const std::vector<ConcordanceLine>& lines, std::string_view before = {},
                               std::string_view after = {});

class FeatureOutput;
class HitLayout;
class FeatureSettings;
struct SearchFeatures;
struct SearchOption;
struct SearchOptions;

// Registered in searcher/search_features.cpp: with ConcordanceOptions held,
// a decorator adding each hit's KeywordsInContext (HitDetail::full only).
void add_keywords_in_context(const FeatureSettings& wanted, const SearchOptions& options, SearchFeatures& features);

// --kwic and --context N: its options, registered with add_keywords_in_context.
std::vector<SearchOption> concordance_options();

// How it prints (a hit's keywords in context in JSON), registered with add_keywords_in_context.
const FeatureOutput& concordance_output();

// How --kwic lays the hits out in text (render_concordance: a line a keyword,
// labelled "id  date") and CSV (id,date,source,left,match,right, a row a
// keyword); the spec's OutputOptions::layout when the concordance is on.
const HitLayout& concordance_layout();

}  // namespace gazette
