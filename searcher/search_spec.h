// A search written down as JSON, so that a published figure can be re-run:
// newssearch --spec FILE reads one, --save-spec FILE writes the one a search
// ran (with its provenance: the databases' UUIDs and the time it ran).
//
//   {"query": "oil",
//    "filters": {"sources": ["reuters"], "languages": ["en"],
//                "from": "1987-03-01", "to": "1987-03-31"},
//    "options": {"limit": 10, "offset": 0, "lang": "", "sort": "relevance", "recency": null,
//                "no_collapse": false, "facet": ["month"], "timeline": true, "timeline_by": "auto", "top_terms": 0,
//                "kwic": false, "context": null, "explain": false, "fuzzy": false, "format": "json",
//                "all": false, "count": false, "ranking": {"weighting": "bm25", ...}},
//    "provenance": {...}}
//
// The option keys and their checks come from the table of search options
// (searcher/option_table.h): a key is the option's name with _ for -. Every
// key is optional (a missing one, or null, keeps newssearch's default); an
// unknown key or a bad value is a SpecError naming the file, the key and the
// value. "provenance" is what --save-spec adds; reading skips it. The spec
// fills the same structs as the command line (SearchOptions, FeatureSettings,
// OutputOptions): newssearch reads it first, and options given beside --spec
// override it.
#pragma once

#include "searcher/output.h"
#include "searcher/search_features.h"
#include "searcher/searcher.h"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

// A spec that cannot be read; what() is one line: "FILE: KEY: reason 'VALUE'".
class SpecError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Which part of the archive is searched, written into the query as the
// query language's filters (so the timeline's shares respect them too).
struct SearchFilters {
    std::vector<std::string> sources;    // source:VALUE, any of them
    std::vector<std::string> languages;  // lang:CODE, any of them
    std::string from;                    // first day, month or year (date:FROM..TO)
    std::string to;                      // last one
};

struct SearchSpec {
    std::string query;
    SearchFilters filters;
    SearchOptions options;
    FeatureSettings features;  // each feature's own: FacetSettings, TimelineSettings, ... (as its options write them)
    OutputOptions output;  // format, run tag, --all or --count; the layout follows the concordance's settings
};

// Throws SpecError; `origin` (the file name) starts each message.
SearchSpec parse_search_spec(std::string_view json, const std::string& origin);

// Throws SpecError when the file cannot be read or is not a valid spec.
SearchSpec read_search_spec(const std::filesystem::path& file);

// The query newssearch runs: the spec's query with its filters added, e.g.
// "oil source:reuters date:1987-03-01..1987-03-31", the same query as typed on
// the command line. Filters standing at the end apply to all of a query with
// operators ("oil OR gas source:reuters", see QueryBuilder).
std::string query_with_filters(const SearchSpec& spec);

// Where and when a search ran.
struct Provenance {
    std::vector<std::string> database_uuids;  // one per database or shard
    std::string ran_at;                       // UTC, ISO 8601: "2026-11-29T07:04:30Z"
};

// The current time as Provenance::ran_at spells it.
std::string utc_now_iso8601();

// The spec as JSON (one line), every key written out (the effective values,
// defaults included), so that reading it back gives the same search; with
// "provenance" when `provenance` is given.
std::string to_json(const SearchSpec& spec, const Provenance* provenance = nullptr);

// Writes to_json(spec, &provenance) and a newline to `file`. Throws
// std::runtime_error naming the file when it cannot be written.
void save_search_spec(const std::filesystem::path& file, const SearchSpec& spec, const Provenance& provenance);

}  // namespace gazette
