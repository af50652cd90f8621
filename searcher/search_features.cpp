#include "searcher/search_features.h"

#include "searcher/characteristic_terms.h"
#include "searcher/explain.h"
#include "searcher/pickup.h"
#include "searcher/timeline.h"
#include "searcher/undated_matches.h"

namespace gazette {

namespace {

// Adds a feature's collector or decorator when `wanted` asks for it.
using AddFeature = void (*)(const FeatureOptions& wanted, const SearchOptions& options, SearchFeatures& features);

// The registry: one line a feature. Collectors, and decorators, run in this order.
constexpr AddFeature kFeatures[] = {
    add_facet_counts,          // --facet: searcher/facets.h
    add_timeline,              // --timeline: searcher/timeline.h
    add_characteristic_terms,  // --top-terms: searcher/characteristic_terms.h
    add_undated_notes,         // --sort newest or oldest, --recency: searcher/undated_matches.h
    add_explanations,          // --explain: searcher/explain.h
    add_pickup,                // --pickup, --sort pickup: searcher/pickup.h
    add_keywords_in_context,   // --kwic: searcher/concordance.h
};

}  // namespace

SearchFeatures make_features(const FeatureOptions& wanted, const SearchOptions& options) {
    SearchFeatures features;
    for (AddFeature add : kFeatures) add(wanted, options, features);
    return features;
}

}  // namespace gazette
