// newsbench query: latency of a query set through the searcher.
#include "bench/commands.h"
#include "common/json.h"
#include "bench/latency.h"
#include "searcher/command_line.h"
#include "searcher/search_spec.h"

#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

namespace gazette::bench {

namespace {
constexpr const char* kUsage = R"(Usage: newsbench query --db DIR --queries FILE [options]

Runs every query of FILE (one a line) once to warm the cache, then --rounds
times more, timing each search (top --limit), and prints the median, 95th and
99th percentile and mean latency and the throughput. --threads 1,2,4 measures
with each number of threads searching at once (each its own searcher, each the
whole set). --detail ids fetches ids and scores only; full also reads titles
and makes snippets, as newssearch does; ids,full measures both. --slowest N
names the N queries with the highest median time (what makes the p99). --json
prints one JSON object a measurement.)";

std::vector<std::string> split_list(const std::string& list) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t comma = std::min(list.find(',', start), list.size());
        if (comma > start) items.push_back(list.substr(start, comma - start));
        start = comma + 1;
    }
    return items;
}

std::size_t thread_count(const std::string& text) {
    std::size_t used = 0;
    unsigned long count = 0;
    try {
        count = std::stoul(text, &used);
    } catch (const std::exception&) {
    }
    if (used != text.size() || count == 0) throw UsageError("--threads: '" + text + "' is not a positive number");
    return count;
}
}  // namespace

int query_command(int argc, const char* const argv[]) {
    std::vector<std::filesystem::path> db_dirs;
    std::string queries_file, details = "ids", thread_counts = "1";
    bool json = false;
    LatencyRun run;
    SearchSpec spec;  // the result and ranking options fill it
    SearchOptions& search = spec.options;
    FeatureSettings& features = spec.features;
    po::options_description timing("Timing");
    timing.add_options()("queries", po::value(&queries_file)->required(), "query set: one query a line")(
        "rounds", po::value(&run.rounds)->default_value(run.rounds), "timed passes over the set")(
        "detail", po::value(&details)->default_value(details),
        "ids (ids and scores), full (titles and snippets) or both: ids,full")(
        "threads", po::value(&thread_counts)->default_value(thread_counts), "threads searching at once, e.g. 1,2,4")(
        "slowest", po::value(&run.slowest)->default_value(run.slowest),
        "name this many of the slowest queries (by their median time), slowest first")(
        "json", po::bool_switch(&json), "one JSON object a measurement instead of the table");
    po::options_description visible;
    visible.add(database_options(db_dirs))
        .add(search_option_group(spec, kResultsGroup))
        .add(timing)
        .add(search_option_group(spec, kRankingGroup));
    std::vector<std::string> extra;
    if (!parse_command_line(argc, argv, visible, "extra", extra, kUsage)) return 0;
    if (!extra.empty()) throw UsageError("unexpected argument '" + extra.front() + "'");
    search.features = make_features(features, search);
    std::vector<std::size_t> threads;
    for (const auto& count : split_list(thread_counts)) threads.push_back(thread_count(count));
    const auto queries = read_queries(queries_file);
    for (const auto& detail : split_list(details)) {
        if (detail != "ids" && detail != "full") throw UsageError("--detail: unknown value '" + detail + "' (choose ids or full)");
        search.detail = detail == "ids" ? HitDetail::ids : HitDetail::full;
        for (std::size_t count : threads) {
            run.threads = count;
            LatencyStats stats = measure_latency(db_dirs, queries, search, run);
            if (json) std::cout << JsonObject().add("detail", detail).add_raw("latency", to_json(stats)).str() << "\n";
            else std::cout << "detail " << detail << "  " << describe(stats);
        }
    }
    return 0;
}

}  // namespace gazette::bench
