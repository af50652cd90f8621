// Facet counts: how the whole match set (not only the page shown) spreads
// over sources, years, months, topics, places and languages (newssearch --facet).
//
// Counted by Xapian match spies over value slots (schema.h): the date slot
// gives years and months, the source slot the outlets, and the topic and
// place slots hold each article's tags, one per line; the language slot its
// ISO 639-1 code. A tag's spellings that fold alike ("Reuters", "REUTERS")
// are one value, counted once an article, as their one filter finds them.
#pragma once

#include "common/named_choice.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace gazette {

enum class Facet { source, year, month, topic, place, language };

using FacetName = NamedChoice<Facet>;

// The one table of facets, for --help, parsing and output.
std::span<const FacetName> facet_names();
std::string_view name_of(Facet facet);

struct FacetCount {
    std::string value;  // as shown: "Reuters", "1987", "1987-03", "usa"
    Xapian::doccount count = 0;
};

// What --facet asks for (a spec's FeatureSettings): count every match by these.
struct FacetSettings {
    std::vector<Facet> facets;
};

struct FacetResult {
    Facet facet;
    // Years and months in time order; sources, topics and places by count,
    // most first, at most kMaxFacetValues of them.
    std::vector<FacetCount> counts;
};

// What the facet collector adds to SearchResults::features: one a facet, in
// the order asked for.
using FacetResults = std::vector<FacetResult>;

inline constexpr std::size_t kMaxFacetValues = 20;

// Counts every article that matches `query`.
std::vector<FacetResult> count_facets(const Xapian::Database& db, const Xapian::Query& query,
                                      std::span<const Facet> facets);

// The number of articles matching `query`, exactly.
Xapian::doccount count_matches(const Xapian::Database& db, const Xapian::Query& query);

// Articles per day over every match of `query`: "YYYYMMDD" and count, in
// date order (the timeline's data).
std::vector<FacetCount> count_days(const Xapian::Database& db, const Xapian::Query& query);

class FeatureOutput;
class FeatureSettings;
struct SearchFeatures;
struct SearchOption;
struct SearchOptions;

// Registered in searcher/search_features.cpp: a collector of
// FacetSettings::facets over every match, into SearchResults::features (FacetResults).
void add_facet_counts(const FeatureSettings& wanted, const SearchOptions& options, SearchFeatures& features);

// --facet LIST: its option, registered with add_facet_counts.
std::vector<SearchOption> facet_options();

// How it prints (the facets' text, JSON and CSV table), registered with add_facet_counts.
const FeatureOutput& facet_output();

}  // namespace gazette
