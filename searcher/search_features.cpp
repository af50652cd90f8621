#include "searcher/search_features.h"

#include "searcher/characteristic_terms.h"
#include "searcher/concordance.h"
#include "searcher/facets.h"
#include "searcher/explain.h"
#include "searcher/feature_output.h"
#include "searcher/option_table.h"
#include "searcher/pickup.h"
#include "searcher/timeline.h"
#include "searcher/undated_matches.h"

namespace gazette {

namespace {

// A feature: what adds its collector or decorator when `wanted` (its
// settings, which its options write) asks for it, its options (searcher/option_table.h), which this line alone puts
// on the command line and into the spec, and how its results print
// (searcher/feature_output.h).
struct FeaturePlugin {
    void (*add)(const FeatureSettings& wanted, const SearchOptions& options, SearchFeatures& features);
    std::vector<SearchOption> (*options)();
    const FeatureOutput& (*output)();
};

// A feature that only reads other options (the undated note: --sort,
// --recency) declares none of its own.
std::vector<SearchOption> no_options() { return {}; }

// One whose results print as SearchResults::notes (which output prints for
// every feature) prints nothing of its own.
const FeatureOutput& no_output() {
    static const FeatureOutput nothing;
    return nothing;
}

// The registry: one line a feature. Collectors, and decorators, run in this
// order, and their results print in it (in JSON too: keep a feature's place).
constexpr FeaturePlugin kFeatures[] = {
    {add_facet_counts, facet_options, facet_output},                                      // --facet: searcher/facets.h
    {add_timeline, timeline_options, timeline_output},                                    // --timeline: searcher/timeline.h
    {add_characteristic_terms, characteristic_terms_options, characteristic_terms_output}, // --top-terms: searcher/characteristic_terms.h
    {add_undated_notes, no_options, no_output},  // --sort newest or oldest, --recency: searcher/undated_matches.h
    {add_pickup, pickup_options, pickup_output},                          // --pickup, --sort pickup: searcher/pickup.h
    {add_explanations, explanation_options, explanation_output},          // --explain: searcher/explain.h
    {add_keywords_in_context, concordance_options, concordance_output},  // --kwic: searcher/concordance.h
};

}  // namespace

SearchFeatures make_features(const FeatureSettings& wanted, const SearchOptions& options) {
    SearchFeatures features;
    for (const FeaturePlugin& feature : kFeatures) feature.add(wanted, options, features);
    return features;
}

std::span<const FeatureOutput* const> feature_outputs() {
    static const std::vector<const FeatureOutput*> outputs = [] {
        std::vector<const FeatureOutput*> all;
        for (const FeaturePlugin& feature : kFeatures) all.push_back(&feature.output());
        return all;
    }();
    return outputs;
}

std::vector<SearchOption> feature_search_options() {
    std::vector<SearchOption> all;
    for (const FeaturePlugin& feature : kFeatures) {
        for (SearchOption& option : feature.options()) all.push_back(std::move(option));
    }
    return all;
}

}  // namespace gazette
