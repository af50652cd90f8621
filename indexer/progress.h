// Progress of a long indexing run, for people watching a terminal:
//   12,345 articles  120.5 / 2,048.0 MB  45.2 MB/s  ETA 0:42
// Shown on standard error only when it is a terminal, rewritten in place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace gazette {

struct IndexProgress {
    std::size_t articles = 0;
    std::uintmax_t bytes_read = 0;   // of the input files on disk
    std::uintmax_t total_bytes = 0;  // 0 when not known (standard input)
    double seconds = 0;
    bool finished = false;  // the last report of the run
};

using ProgressSink = std::function<void(const IndexProgress&)>;

// 12345 -> "12,345"
std::string with_thousands(std::size_t number);

// One line; the ETA only when the total size is known.
std::string describe_progress(const IndexProgress& progress);

enum class ProgressDisplay {
    automatic,  // on standard error when it is a terminal
    off,        // --quiet
};

// A sink that rewrites one line on standard error and clears it when the run
// has finished; empty (no progress) when `display` is off or standard error
// is not a terminal.
ProgressSink terminal_progress(ProgressDisplay display);

}  // namespace gazette
