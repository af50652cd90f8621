// Query latency measurement for benchmarks: every query of a set, timed one
// at a time through the searcher, after a warm-up pass.
#pragma once

#include "searcher/searcher.h"

#include <string>
#include <vector>

namespace gazette {

struct QueryLatency {
    std::string query;
    double median_ms = 0;  // over its timed searches: every round, every thread
};

struct LatencyStats {
    std::size_t threads = 1;  // searching at once, each with its own Searcher
    std::size_t queries = 0;  // timed searches (queries x rounds)
    double p50_ms = 0, p95_ms = 0, p99_ms = 0, mean_ms = 0;
    double queries_per_second = 0;
    std::vector<QueryLatency> slowest;  // LatencyRun::slowest of them, slowest first
};

struct LatencyRun {
    std::size_t rounds = 3;   // timed passes over the query set
    std::size_t threads = 1;  // searching at once
    std::size_t slowest = 0;  // how many of the slowest queries to name (what makes the p99)
};

// Reads one query a line (blank lines skipped).
std::vector<std::string> read_queries(const std::string& file);

// Runs every query once untimed (warm cache), then `run.rounds` times timed,
// in each of `run.threads` threads at once, each with its own Searcher over
// `db_dirs`: latency over every search of every thread, throughput over the
// wall time of the timed passes.
LatencyStats measure_latency(const std::vector<std::filesystem::path>& db_dirs, const std::vector<std::string>& queries,
                             const SearchOptions& options, const LatencyRun& run);

std::string describe(const LatencyStats& stats);
std::string to_json(const LatencyStats& stats);

}  // namespace gazette
