// The search features newssearch's command line and a spec (searcher/search_spec.h)
// can ask for, and the one place that turns the request into the plug-ins a
// search is given (searcher/search_feature.h).
#pragma once

#include "searcher/feature_slots.h"
#include "searcher/search_feature.h"

#include <vector>

namespace gazette {

// The collectors and decorators `wanted` asks for (each feature's settings,
// as its options wrote them), for searches with `options`, each feature's
// registered in turn.
SearchFeatures make_features(const FeatureSettings& wanted, const SearchOptions& options);

// The options the registered features declare (their --help sections and
// spec keys), in registry order; searcher/option_table.h puts them in the table.
struct SearchOption;
std::vector<SearchOption> feature_search_options();

}  // namespace gazette
