// Command-line option groups shared by the programs, one function per concern
// (Boost.ProgramOptions), so newsindex, newssearch and newsbench spell each
// option the same way.
#pragma once

#include "common/index_writer.h"
#include "common/output.h"
#include "common/database_set.h"
#include "common/saved_searches.h"
#include "common/searcher.h"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace gazette {

namespace po = boost::program_options;

// A bad command line; main prints it after "PROGRAM: error: " and exits 2.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

po::options_description database_options(std::vector<std::filesystem::path>& db_dirs);
po::options_description input_options(IndexOptions& options);
po::options_description csv_options(CsvOptions& options);
po::options_description progress_options(ProgressDisplay& display);

// --shards N: index into N shards (common/sharded_index.h); 0 = one database.
po::options_description shard_options(std::size_t& shards);

// --remote-timeout and --allow-partial: how newssearch treats shards.
po::options_description shard_search_options(DatabaseSources& sources);

// What newsindex does with its arguments: index the INPUTs (the default),
// remove the articles with the ids given, prune the articles whose files are
// gone from the INPUTs, or check the database.
enum class IndexAction { index, remove, prune, check };
struct MaintenanceOptions {
    IndexAction action = IndexAction::index;
    std::filesystem::path ids_file;  // --delete-from
};
po::options_description maintenance_options(MaintenanceOptions& options);
po::options_description result_options(SearchOptions& options);
po::options_description order_options(SearchOptions& options);
// --pickup: how widely each hit's story was carried (common/pickup.h).
po::options_description pickup_options(SearchOptions& options);
// --facet, --timeline and --timeline-svg FILE (which turns the timeline on).
po::options_description count_options(SearchOptions& options, std::filesystem::path& timeline_svg);

po::options_description ranking_options(RankingOptions& options);

// --fuzzy: OCR-tolerant matching of the query's words (common/fuzzy.h).
po::options_description matching_options(SearchOptions& options);

po::options_description output_options(OutputOptions& options);
// --kwic and --context N: the concordance layout and the keywords it needs.
po::options_description concordance_options(SearchOptions& search, OutputOptions& output);

// What newssearch answers instead of a QUERY: a batch (--topics FILE), the
// articles like one (--like ID), or a comparison of queries (--compare: the
// arguments are LABEL=QUERY each).
struct QuerySource {
    std::filesystem::path topics_file;
    std::string like_id;
    bool compare = false;
};
po::options_description query_source_options(QuerySource& source);

// --save NAME, --saved, --unsave NAME and --alerts (common/saved_searches.h).
po::options_description saved_search_options(SavedSearchRequest& request);

// --spec FILE (a search written as JSON, common/search_spec.h),
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

// Parses argv against `visible` plus the positional arguments named by
// `positional_name` (collected into `positional`). Returns false when --help
// was asked for (and printed `usage` + the options).
bool parse_command_line(int argc, const char* const argv[], const po::options_description& visible,
                        const std::string& positional_name, std::vector<std::string>& positional,
                        const std::string& usage);

}  // namespace gazette
