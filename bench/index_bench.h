// Indexing throughput for benchmarks (newsbench index): the same inputs
// indexed into a new database several times, timed, with peak memory and the
// size of the index before and after Xapian's compaction.
#pragma once

#include "indexer/index_writer.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace gazette {

struct IndexBenchResult {
    std::size_t runs = 0;
    std::size_t articles = 0;       // indexed in each run
    std::uintmax_t input_bytes = 0;  // the inputs' files, as stored (compressed or not)
    double median_seconds = 0;
    double articles_per_second = 0;  // at the median
    double mb_per_second = 0;        // input MB (10^6 bytes) at the median
    long peak_rss_kb = 0;            // of this process, over every run
    std::uintmax_t index_bytes = 0;      // the database as built
    std::uintmax_t compacted_bytes = 0;  // after xapian-compact
};

// Indexes `options.inputs` `runs` times into `options.db_dir`, which must not
// exist yet (it is removed before each run and kept after the last).
IndexBenchResult measure_indexing(const IndexOptions& options, std::size_t runs);

// The total size of the files under `path` (a file or a folder).
std::uintmax_t size_on_disk(const std::filesystem::path& path);

std::string describe(const IndexBenchResult& result);
std::string to_json(const IndexBenchResult& result);

}  // namespace gazette
