// --explain: how much each query term adds to a hit's score.
//
// Xapian's weights are sums over the query's terms, and each term's part
// depends only on the term and the document (BM25), so running each term
// alone over the hits shows its part. Filters (fields, dates) weigh nothing;
// a phrase's part is its words' parts.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

namespace gazette {

struct TermContribution {
    std::string term;  // as people write it: "cocoa", "title:cocoa"
    double weight = 0;
};

// What the decorator adds to Hit::features: the non-zero parts of its
// score, largest first.
using Explanation = std::vector<TermContribution>;

// For each document of `docids`, the non-zero parts of its score, largest
// first, one per readable term (see readable_term).
std::map<Xapian::docid, std::vector<TermContribution>> explain_scores(const Xapian::Database& db,
                                                                      const Xapian::Query& query,
                                                                      const Xapian::Weight& weighting,
                                                                      const std::vector<Xapian::docid>& docids);

// An index term as people write it: "Zcocoa" -> "cocoa", "ZScocoa" ->
// "title:cocoa", "XLsalvador" -> "location:salvador".
std::string readable_term(std::string_view term);

// What --explain asks for (a spec's FeatureSettings).
struct ExplainSettings {
    bool shown = false;  // add each hit's Explanation
};

class FeatureOutput;
class FeatureSettings;
struct SearchFeatures;
struct SearchOption;
struct SearchOptions;

// Registered in searcher/search_features.cpp: with ExplainSettings::shown, a
// decorator adding each hit's Explanation for a whole page at once (so not for
// Searcher::for_each_match), weighed as SearchOptions::ranking says.
void add_explanations(const FeatureSettings& wanted, const SearchOptions& options, SearchFeatures& features);

// --explain: its option, registered with add_explanations.
std::vector<SearchOption> explanation_options();

// How it prints (a hit's explanation in text and JSON), registered with add_explanations.
const FeatureOutput& explanation_output();

}  // namespace gazette
