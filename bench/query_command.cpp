// newsbench query: latency of a query set through the searcher.
#include "bench/commands.h"
#include "common/latency.h"
#include "common/options.h"

#include <iostream>

namespace gazette::bench {

namespace {
constexpr const char* kUsage = R"(Usage: newsbench query --db DIR --queries FILE [options]

Runs every query of FILE (one a line) once to warm the cache, then --rounds
times more, timing each search (top --limit, one thread), and prints the
median, 95th and 99th percentile and mean latency and the throughput.
--detail ids fetches ids and scores only; full also reads titles and makes
snippets, as newssearch does.)";
}  // namespace

int query_command(int argc, const char* const argv[]) {
    std::vector<std::filesystem::path> db_dirs;
    std::string queries_file, detail = "ids";
    std::size_t rounds = 3;
    SearchOptions search;
    po::options_description timing("Timing");
    timing.add_options()("queries", po::value(&queries_file)->required(), "query set: one query a line")(
        "rounds", po::value(&rounds)->default_value(rounds), "timed passes over the set")(
        "detail", po::value(&detail)->default_value(detail), "ids (ids and scores) or full (titles and snippets)");
    po::options_description visible;
    visible.add(database_options(db_dirs)).add(result_options(search)).add(timing).add(ranking_options(search.ranking));
    std::vector<std::string> extra;
    if (!parse_command_line(argc, argv, visible, "extra", extra, kUsage)) return 0;
    if (!extra.empty()) throw UsageError("unexpected argument '" + extra.front() + "'");
    if (detail != "ids" && detail != "full") throw UsageError("--detail: unknown value '" + detail + "' (choose ids or full)");
    search.detail = detail == "ids" ? HitDetail::ids : HitDetail::full;

    Searcher searcher(db_dirs);
    std::cout << describe(measure_latency(searcher, read_queries(queries_file), search, rounds));
    return 0;
}

}  // namespace gazette::bench
