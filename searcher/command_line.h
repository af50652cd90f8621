// newssearch's option groups, one function per concern; newsbench's eval
// and query commands take some of them too.
#pragma once

#include "common/command_line.h"
#include "searcher/database_set.h"
#include "searcher/option_table.h"
#include "searcher/output.h"
#include "searcher/saved_searches.h"
#include "searcher/searcher.h"

#include <filesystem>
#include <string>

namespace gazette {

// --remote-timeout and --allow-partial: how newssearch treats shards.
po::options_description shard_search_options(DatabaseSources& sources);

// The search options themselves (--limit, --lang, --facet, --k1...) are the
// table's: search_option_group (searcher/option_table.h).

// --timeline-svg FILE (newssearch turns the timeline on for it, so that
// this parsing does not depend on the timeline's header).
po::options_description chart_options(std::filesystem::path& timeline_svg);

// What newssearch answers instead of a QUERY: a batch (--topics FILE), the
// articles like one (--like ID), articles in full (--show ID...), or a
// comparison of queries (--compare: the arguments are LABEL=QUERY each). A
// batch's topics are plain words unless --topics-syntax query.
struct QuerySource {
    std::filesystem::path topics_file;
    QuerySyntax topics_syntax = QuerySyntax::words;
    std::string like_id;
    bool compare = false;
    std::vector<std::string> show_ids;  // --show ID...: these articles in full
};
po::options_description query_source_options(QuerySource& source);

// --save NAME, --saved, --unsave NAME and --alerts (searcher/saved_searches.h).
po::options_description saved_search_options(SavedSearchRequest& request);

// --spec FILE (a search written as JSON, searcher/search_spec.h),
// --save-spec FILE (the search that ran, with its provenance) and
// --provenance (the same carried by the JSON or CSV output itself).
struct SpecRequest {
    std::filesystem::path spec;       // empty: none
    std::filesystem::path save_spec;  // empty: none
    bool provenance = false;
};
po::options_description spec_options(SpecRequest& request);

// The --spec FILE of the command line, read before the other options: it
// fills the structs whose values the option groups then take as defaults,
// so that options given beside it override it. Empty when there is none.
std::filesystem::path find_spec_file(int argc, const char* const argv[]);

}  // namespace gazette
