#include "searcher/search_features.h"

#include "searcher/characteristic_terms.h"
#include "searcher/explain.h"
#include "searcher/option_table.h"
#include "searcher/pickup.h"
#include "searcher/timeline.h"
#include "searcher/undated_matches.h"

namespace gazette {

namespace {

// A feature: what adds its collector or decorator when `wanted` asks for
// it, and its options (searcher/option_table.h), which this line alone puts
// on the command line and into the spec.
struct FeaturePlugin {
    void (*add)(const FeatureOptions& wanted, const SearchOptions& options, SearchFeatures& features);
    std::vector<SearchOption> (*options)();
};

// A feature that only reads other options (the undated note: --sort,
// --recency) declares none of its own.
std::vector<SearchOption> no_options() { return {}; }

// The registry: one line a feature. Collectors, and decorators, run in this order.
constexpr FeaturePlugin kFeatures[] = {
    {add_facet_counts, facet_options},                          // --facet: searcher/facets.h
    {add_timeline, timeline_options},                           // --timeline: searcher/timeline.h
    {add_characteristic_terms, characteristic_terms_options},  // --top-terms: searcher/characteristic_terms.h
    {add_undated_notes, no_options},                            // --sort newest or oldest, --recency: searcher/undated_matches.h
    {add_explanations, explanation_options},                    // --explain: searcher/explain.h
    {add_pickup, pickup_options},                               // --pickup, --sort pickup: searcher/pickup.h
    {add_keywords_in_context, concordance_options},             // --kwic: searcher/concordance.h
};

}  // namespace

SearchFeatures make_features(const FeatureOptions& wanted, const SearchOptions& options) {
    SearchFeatures features;
    for (const FeaturePlugin& feature : kFeatures) feature.add(wanted, options, features);
    return features;
}

std::vector<SearchOption> feature_search_options() {
    std::vector<SearchOption> all;
    for (const FeaturePlugin& feature : kFeatures) {
        for (SearchOption& option : feature.options()) all.push_back(std::move(option));
    }
    return all;
}

}  // namespace gazette
