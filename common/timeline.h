// Timelines: how many matching articles appeared per day, month or year
// (newssearch --timeline, --timeline-svg FILE).
//
// The unit follows the span of the matches: days up to two months, months
// up to six years, years beyond. Periods without a match are kept (as zero)
// so that gaps show.
#pragma once

#include "common/facets.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace gazette {

enum class TimelineUnit { day, month, year };
std::string_view name_of(TimelineUnit unit);

struct TimelineBar {
    std::string period;  // "1987-03-02", "1987-03" or "1987"
    Xapian::doccount count = 0;
};

struct Timeline {
    TimelineUnit unit = TimelineUnit::day;
    std::vector<TimelineBar> bars;  // in time order, consecutive periods
};

// Every article matching `query` (copies included), by the date slot;
// articles without a date are left out.
Timeline count_timeline(const Xapian::Database& db, const Xapian::Query& query);

// From articles per day ("YYYYMMDD" -> count, in order).
Timeline make_timeline(const std::vector<FacetCount>& days);

// A bar chart for the terminal, one line a period:
//   1987-03-02 ######################################## 608
std::string render_text(const Timeline& timeline, std::size_t max_bar_width = 50);

// The same chart as a standalone SVG document: one <rect class="bar"> per
// period, with data-period and data-count attributes and a <title> tooltip.
std::string render_svg(const Timeline& timeline, std::string_view caption);

// Writes render_svg() to `file`. Throws std::runtime_error naming the file
// when it cannot be written.
void write_svg(const std::filesystem::path& file, const Timeline& timeline, std::string_view caption);

}  // namespace gazette
