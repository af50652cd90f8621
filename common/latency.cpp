#include "common/latency.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace gazette {

namespace {

// The value below which `fraction` of the sorted samples fall (nearest rank).
double percentile(const std::vector<double>& sorted, double fraction) {
    std::size_t rank = static_cast<std::size_t>(fraction * static_cast<double>(sorted.size()) + 0.5);
    return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

}  // namespace

std::vector<std::string> read_queries(const std::string& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file + ": cannot open the file");
    std::vector<std::string> queries;
    for (std::string line; std::getline(in, line);) {
        if (line.find_first_not_of(" \t\r") != std::string::npos) queries.push_back(line);
    }
    return queries;
}

LatencyStats measure_latency(Searcher& searcher, const std::vector<std::string>& queries, const SearchOptions& options,
                             std::size_t rounds) {
    using clock = std::chrono::steady_clock;
    for (const auto& query : queries) searcher.search(query, options);

    std::vector<double> samples;
    samples.reserve(queries.size() * rounds);
    auto started = clock::now();
    for (std::size_t round = 0; round < rounds; ++round) {
        for (const auto& query : queries) {
            auto before = clock::now();
            searcher.search(query, options);
            samples.push_back(std::chrono::duration<double, std::milli>(clock::now() - before).count());
        }
    }
    double total_seconds = std::chrono::duration<double>(clock::now() - started).count();
    LatencyStats stats;
    if (samples.empty()) return stats;
    std::sort(samples.begin(), samples.end());
    stats.queries = samples.size();
    stats.p50_ms = percentile(samples, 0.50);
    stats.p95_ms = percentile(samples, 0.95);
    stats.p99_ms = percentile(samples, 0.99);
    for (double sample : samples) stats.mean_ms += sample / static_cast<double>(samples.size());
    stats.queries_per_second = static_cast<double>(samples.size()) / total_seconds;
    return stats;
}

std::string describe(const LatencyStats& stats) {
    char text[200];
    std::snprintf(text, sizeof text, "queries %zu  p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  mean %.3f ms  %.0f queries/s\n",
                  stats.queries, stats.p50_ms, stats.p95_ms, stats.p99_ms, stats.mean_ms, stats.queries_per_second);
    return text;
}

}  // namespace gazette
