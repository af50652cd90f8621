// The search features newssearch's command line and a spec (searcher/search_spec.h)
// can ask for, and the one place that turns the request into the plug-ins a
// search is given (searcher/search_feature.h).
#pragma once

#include "searcher/concordance.h"
#include "searcher/facets.h"
#include "searcher/search_feature.h"
#include "searcher/timeline.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace gazette {

struct FeatureOptions {
    std::vector<Facet> facets;  // counted over every match (SearchResults::facets)
    bool timeline = false;      // fill SearchResults::timeline
    ChosenTimelineUnit timeline_unit;  // its unit (--timeline-by); none: by the span of the matches
    std::size_t top_terms = 0;  // how many characteristic terms to list (0: none)
    bool explain = false;       // fill Hit::explanation (not with Searcher::for_each_match)
    bool pickup = false;        // fill Hit::pickup (also with SortOrder::pickup); not with for_each_match
    std::optional<ConcordanceOptions> concordance;  // fill Hit::keywords_in_context (HitDetail::full only)
};

// The collectors and decorators `wanted` asks for, for searches with
// `options`, each feature's registered in turn.
SearchFeatures make_features(const FeatureOptions& wanted, const SearchOptions& options);

// The options the registered features declare (their --help sections and
// spec keys), in registry order; searcher/option_table.h puts them in the table.
struct SearchOption;
std::vector<SearchOption> feature_search_options();

}  // namespace gazette
