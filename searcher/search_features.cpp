#include "searcher/search_features.h"

#include "searcher/characteristic_terms.h"
#include "searcher/explain.h"
#include "searcher/pickup.h"
#include "searcher/timeline.h"

namespace gazette {

namespace {

// Adds a feature's collector or decorator when `wanted` asks for it.
using AddFeature = void (*)(const FeatureOptions& wanted, const SearchOptions& options, SearchFeatures& features);

// The registry: one line a feature. Collectors, and decorators, run in this order.
constexpr AddFeature kFeatures[] = {
    add_facet_counts, add_timeline, add_characteristic_terms, add_explanations, add_pickup, add_keywords_in_context,
};

}  // namespace

SearchFeatures make_features(const FeatureOptions& wanted, const SearchOptions& options) {
    SearchFeatures features;
    for (AddFeature add : kFeatures) add(wanted, options, features);
    return features;
}

}  // namespace gazette
