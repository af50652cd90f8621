#include "bench/index_bench.h"

#include "common/json.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <vector>

#include <sys/resource.h>

namespace gazette {

namespace {

long peak_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;  // kilobytes on Linux
}

std::uintmax_t compacted_size(const std::filesystem::path& db_dir) {
    std::filesystem::path copy = db_dir;
    copy += ".compact";
    std::filesystem::remove_all(copy);
    Xapian::Database(db_dir.string()).compact(copy.string());
    std::uintmax_t bytes = size_on_disk(copy);
    std::filesystem::remove_all(copy);
    return bytes;
}

}  // namespace

std::uintmax_t size_on_disk(const std::filesystem::path& path) {
    if (!std::filesystem::is_directory(path)) return std::filesystem::file_size(path);
    std::uintmax_t bytes = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
        if (entry.is_regular_file()) bytes += entry.file_size();
    }
    return bytes;
}

IndexBenchResult measure_indexing(const IndexOptions& options, std::size_t runs) {
    if (runs == 0) throw std::invalid_argument("--runs must be at least 1");
    if (std::filesystem::exists(options.db_dir)) {
        throw std::runtime_error("'" + options.db_dir.string() + "' exists: give a new folder (each run rebuilds it)");
    }
    IndexBenchResult result;
    result.runs = runs;
    for (const auto& input : options.inputs) {
        if (input == "-") throw std::runtime_error("standard input cannot be indexed more than once: name files");
        result.input_bytes += size_on_disk(input);
    }
    std::vector<double> seconds;
    for (std::size_t run = 0; run < runs; ++run) {
        std::filesystem::remove_all(options.db_dir);
        IndexSummary summary = index_inputs(options, [](const Diagnostic&) {});
        seconds.push_back(summary.seconds);
        result.articles = summary.added + summary.replaced;
    }
    std::sort(seconds.begin(), seconds.end());
    result.median_seconds = seconds[seconds.size() / 2];
    result.articles_per_second = static_cast<double>(result.articles) / result.median_seconds;
    result.mb_per_second = static_cast<double>(result.input_bytes) / 1e6 / result.median_seconds;
    result.peak_rss_kb = peak_rss_kb();
    result.index_bytes = size_on_disk(options.db_dir);
    result.compacted_bytes = compacted_size(options.db_dir);
    return result;
}

std::string describe(const IndexBenchResult& result) {
    char text[400];
    std::snprintf(text, sizeof text,
                  "runs %zu  articles %zu  input %.1f MB\n"
                  "median %.2f s  %.0f articles/s  %.2f MB/s  peak RSS %.0f MB\n"
                  "index %.1f MB  compacted %.1f MB\n",
                  result.runs, result.articles, static_cast<double>(result.input_bytes) / 1e6, result.median_seconds,
                  result.articles_per_second, result.mb_per_second, static_cast<double>(result.peak_rss_kb) / 1024,
                  static_cast<double>(result.index_bytes) / 1e6, static_cast<double>(result.compacted_bytes) / 1e6);
    return text;
}

std::string to_json(const IndexBenchResult& result) {
    JsonObject json;
    json.add("runs", static_cast<std::int64_t>(result.runs))
        .add("articles", static_cast<std::int64_t>(result.articles))
        .add("input_bytes", static_cast<std::int64_t>(result.input_bytes))
        .add("median_seconds", result.median_seconds)
        .add("articles_per_second", result.articles_per_second)
        .add("mb_per_second", result.mb_per_second)
        .add("peak_rss_kb", static_cast<std::int64_t>(result.peak_rss_kb))
        .add("index_bytes", static_cast<std::int64_t>(result.index_bytes))
        .add("compacted_bytes", static_cast<std::int64_t>(result.compacted_bytes));
    return json.str() + "\n";
}

}  // namespace gazette
