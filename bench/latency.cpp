#include "bench/latency.h"

#include "common/json.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <thread>
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

namespace {

using Clock = std::chrono::steady_clock;

// Warms the cache with one untimed pass, then appends the time of each
// search; returns the wall time of the timed passes in seconds.
double time_searches(Searcher& searcher, const std::vector<std::string>& queries, const SearchOptions& options,
                     std::size_t rounds, std::vector<double>& samples) {
    for (const auto& query : queries) searcher.search(query, options);
    samples.reserve(samples.size() + queries.size() * rounds);
    auto started = Clock::now();
    for (std::size_t round = 0; round < rounds; ++round) {
        for (const auto& query : queries) {
            auto before = Clock::now();
            searcher.search(query, options);
            samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - before).count());
        }
    }
    return std::chrono::duration<double>(Clock::now() - started).count();
}

LatencyStats summarise(std::vector<double> samples, double total_seconds, std::size_t threads) {
    LatencyStats stats;
    stats.threads = threads;
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

// The `count` queries with the highest median time; each thread's `samples`
// are its rounds' passes over `queries`, one after the other.
std::vector<QueryLatency> slowest_queries(const std::vector<std::string>& queries,
                                          const std::vector<std::vector<double>>& samples, std::size_t count) {
    if (count == 0) return {};
    std::vector<QueryLatency> each;
    for (std::size_t query = 0; query < queries.size(); ++query) {
        std::vector<double> times;
        for (const auto& thread_samples : samples) {
            for (std::size_t at = query; at < thread_samples.size(); at += queries.size()) times.push_back(thread_samples[at]);
        }
        if (times.empty()) continue;
        std::sort(times.begin(), times.end());
        each.push_back({queries[query], percentile(times, 0.50)});
    }
    count = std::min(count, each.size());
    std::partial_sort(each.begin(), each.begin() + static_cast<std::ptrdiff_t>(count), each.end(),
                      [](const QueryLatency& a, const QueryLatency& b) { return a.median_ms > b.median_ms; });
    each.resize(count);
    return each;
}

}  // namespace

LatencyStats measure_latency(const std::vector<std::filesystem::path>& db_dirs, const std::vector<std::string>& queries,
                             const SearchOptions& options, const LatencyRun& run) {
    std::size_t threads = std::max<std::size_t>(run.threads, 1);
    std::vector<std::vector<double>> samples(threads);
    std::vector<double> seconds(threads);
    std::vector<std::exception_ptr> failures(threads);
    {
        std::vector<std::jthread> searchers;  // joined at the end of this block
        for (std::size_t i = 0; i < threads; ++i) {
            searchers.emplace_back([&, i] {
                try {
                    Searcher searcher(db_dirs);
                    seconds[i] = time_searches(searcher, queries, options, run.rounds, samples[i]);
                } catch (...) {
                    failures[i] = std::current_exception();
                }
            });
        }
    }
    for (const auto& failure : failures) {
        if (failure) std::rethrow_exception(failure);
    }
    std::vector<double> all;
    for (const auto& thread_samples : samples) all.insert(all.end(), thread_samples.begin(), thread_samples.end());
    // The threads' timed passes overlap: throughput over the longest.
    LatencyStats stats = summarise(std::move(all), *std::max_element(seconds.begin(), seconds.end()), threads);
    stats.slowest = slowest_queries(queries, samples, run.slowest);
    return stats;
}

std::string describe(const LatencyStats& stats) {
    char text[200];
    std::snprintf(text, sizeof text, "threads %zu  queries %zu  p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  mean %.3f ms  %.0f queries/s\n",
                  stats.threads, stats.queries, stats.p50_ms, stats.p95_ms, stats.p99_ms, stats.mean_ms, stats.queries_per_second);
    std::string out = text;
    for (const auto& query : stats.slowest) {
        std::snprintf(text, sizeof text, "  slow  %8.3f ms  ", query.median_ms);
        out += text + query.query + "\n";
    }
    return out;
}

std::string to_json(const LatencyStats& stats) {
    JsonObject json;
    json.add("threads", static_cast<std::int64_t>(stats.threads))
        .add("queries", static_cast<std::int64_t>(stats.queries))
        .add("p50_ms", stats.p50_ms)
        .add("p95_ms", stats.p95_ms)
        .add("p99_ms", stats.p99_ms)
        .add("mean_ms", stats.mean_ms)
        .add("queries_per_second", stats.queries_per_second);
    if (!stats.slowest.empty()) {
        std::string slowest = "[";
        for (const auto& query : stats.slowest) {
            if (slowest.size() > 1) slowest += ",";
            slowest += JsonObject().add("query", query.query).add("median_ms", query.median_ms).str();
        }
        json.add_raw("slowest", slowest + "]");
    }
    return json.str();
}

}  // namespace gazette
