#include "indexer/progress.h"

#include <cstdio>
#include <iostream>

#include <unistd.h>

namespace gazette {

namespace {

constexpr double megabyte = 1024.0 * 1024.0;

// 42 -> "0:42", 3725 -> "1:02:05"
std::string duration(double seconds) {
    const auto total = static_cast<long>(seconds + 0.5);
    char text[32];
    if (total >= 3600) {
        std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
    } else {
        std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
    }
    return text;
}

}  // namespace

std::string with_thousands(std::size_t number) {
    std::string digits = std::to_string(number);
    for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3) {
        digits.insert(static_cast<std::size_t>(at), ",");
    }
    return digits;
}

std::string describe_progress(const IndexProgress& progress) {
    std::string line = with_thousands(progress.articles) + " articles";
    char text[96];
    const double read = static_cast<double>(progress.bytes_read) / megabyte;
    if (progress.total_bytes > 0) {
        std::snprintf(text, sizeof text, "  %.1f / %.1f MB", read, static_cast<double>(progress.total_bytes) / megabyte);
    } else {
        std::snprintf(text, sizeof text, "  %.1f MB", read);
    }
    line += text;
    if (progress.seconds <= 0) {
        return line;
    }
    const double rate = read / progress.seconds;
    std::snprintf(text, sizeof text, "  %.1f MB/s", rate);
    line += text;
    if (progress.total_bytes > 0 && progress.bytes_read > 0 && progress.bytes_read <= progress.total_bytes) {
        const double left = static_cast<double>(progress.total_bytes - progress.bytes_read) /
                            static_cast<double>(progress.bytes_read) * progress.seconds;
        line += "  ETA " + duration(left);
    }
    return line;
}

ProgressSink terminal_progress(ProgressDisplay display) {
    if (display == ProgressDisplay::off || isatty(STDERR_FILENO) != 1) {
        return {};
    }
    return [](const IndexProgress& progress) {
        // "\r" returns to the start of the line, "\033[K" clears what is left of it.
        std::cerr << '\r' << (progress.finished ? "" : describe_progress(progress)) << "\033[K" << std::flush;
    };
}

}  // namespace gazette
