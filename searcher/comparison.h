// Comparing queries (newssearch --compare 'LABEL=QUERY' ...): for each, the
// articles it matches, their share of the archive, how many it shares with
// each other query, and the timelines side by side.
//
// Counts are of articles, copies included (as facets and timelines count);
// a query's share is of the articles that pass its own source:, lang: and
// date filters (see collection_filters() in searcher/query_tree.h).
#pragma once

#include "searcher/timeline.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace gazette {

// "LABEL=QUERY" from the command line.
struct LabelledQuery {
    std::string label;
    std::string query;
};

// Splits at the first '='. Throws std::invalid_argument naming the argument
// when there is no '=', or the label or the query is empty.
LabelledQuery parse_labelled_query(std::string_view argument);

struct ComparedQuery {
    LabelledQuery labelled;
    Xapian::doccount count = 0;  // matching articles
    Xapian::doccount all = 0;    // articles passing the query's collection filters
    std::vector<Xapian::doccount> overlaps;  // articles matching this and each query, in order
    std::vector<Xapian::doccount> per_period;  // matches in each period of Comparison::periods
    double share() const { return all == 0 ? 0.0 : static_cast<double>(count) / all; }
};

struct Comparison {
    std::vector<ComparedQuery> queries;
    TimelineUnit unit = TimelineUnit::day;
    std::vector<std::string> periods;  // consecutive, covering every query's matches
};

// The matches and collection baselines of each query, as Searcher builds them.
struct ComparedMatches {
    LabelledQuery labelled;
    Xapian::Query matches;
    Xapian::Query baseline;
};
Comparison compare(const Xapian::Database& db, const std::vector<ComparedMatches>& queries,
                   ChosenTimelineUnit unit = std::nullopt);

// For people: a table of counts, shares and overlaps, then one line a period
// with each query's matches.
std::string render_text(const Comparison& comparison);
// One JSON object: {"compare":[{"label","query","count","all","share","overlaps":{LABEL:N}}],
// "timeline":{"unit","periods":[...],"counts":{LABEL:[...]}}}
std::string render_json(const Comparison& comparison);
// A standalone SVG: one line a query over the periods (<polyline class="series"
// data-label=...>), with a legend.
std::string render_svg(const Comparison& comparison);

}  // namespace gazette
