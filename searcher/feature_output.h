// How a search feature (searcher/search_feature.h) prints what it added to
// the results, so that searcher/output.cpp and csv_output.cpp print every
// feature without naming one. Each feature's lives in its own file and is
// registered beside it in searcher/search_features.cpp; output calls them
// in registry order. Every method prints nothing when the results hold
// nothing of the feature's.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

class JsonObject;
struct Hit;
struct SearchResults;

class FeatureOutput {
public:
    virtual ~FeatureOutput() = default;

    // What a collector found over every match:
    // Whether it counts every copy (facets, the timeline), so that a total
    // of stories says it does not.
    virtual bool counts_every_copy(const SearchResults&) const { return false; }
    // Text below the total and its notes; `beside_stories`: the total counts
    // stories (and counts_every_copy said yes for some feature).
    virtual void print_text(std::ostream&, const SearchResults&, bool /*beside_stories*/) const {}
    // Its keys of the results' JSON object, after "hits".
    virtual void add_json(JsonObject&, const SearchResults&) const {}
    // Its CSV table with a header row (rows made by csv_record, searcher/csv_output.h), or "" for none.
    virtual std::string csv_table(const SearchResults&) const { return {}; }

    // What a decorator added to a hit:
    // Lines below the hit's id line, each starting with five spaces.
    virtual void print_hit_text(std::ostream&, const Hit&) const {}
    // Its keys of the hit's JSON object, after "copies_hidden".
    virtual void add_hit_json(JsonObject&, const Hit&) const {}
    // Its columns of the hits' CSV table when `first` (the table's first
    // hit) has them, and a hit's values for them when it has them.
    virtual void add_hit_csv_columns(const Hit& /*first*/, std::vector<std::string>&) const {}
    virtual void add_hit_csv_fields(const Hit&, std::vector<std::string>&) const {}
};

// How the hits print when a feature lays them out instead of as articles
// (--kwic: a line a keyword in context; OutputOptions::layout names it).
// JSON always prints hits as articles, with each feature's keys.
class HitLayout {
public:
    virtual ~HitLayout() = default;
    // The page's hits for people, its words marked with `highlight` and
    // `reset` (ANSI codes, or empty); output prints the total below.
    virtual std::string text(std::span<const Hit> hits, std::string_view highlight, std::string_view reset) const = 0;
    // Its CSV table's header row, and a hit's rows (csv_record, searcher/csv_output.h).
    virtual std::string csv_header() const = 0;
    virtual std::string csv_records(const Hit& hit) const = 0;
};

// Every registered feature's, in registry order (searcher/search_features.cpp).
std::span<const FeatureOutput* const> feature_outputs();

}  // namespace gazette
