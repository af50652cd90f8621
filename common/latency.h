// Query latency measurement for benchmarks: every query of a set, timed one
// at a time through the searcher, after a warm-up pass.
#pragma once

#include "common/searcher.h"

#include <string>
#include <vector>

namespace gazette {

struct LatencyStats {
    std::size_t threads = 1;  // searching at once, each with its own Searcher
    std::size_t queries = 0;  // timed searches (queries x rounds)
    double p50_ms = 0, p95_ms = 0, p99_ms = 0, mean_ms = 0;
    double queries_per_second = 0;
};

// Reads one query a line (blank lines skipped).
std::vector<std::string> read_queries(const std::string& file);

// Runs every query once untimed (warm cache), then `rounds` times timed, in
// each of `threads` threads at once, each with its own Searcher over
// `db_dirs`: latency over every search of every thread, throughput over the
// wall time of the timed passes.
LatencyStats measure_latency(const std::vector<std::filesystem::path>& db_dirs, const std::vector<std::string>& queries,
                             const SearchOptions& options, std::size_t rounds, std::size_t threads);

std::string describe(const LatencyStats& stats);
std::string to_json(const LatencyStats& stats);

}  // namespace gazette
