// Timelines: how many matching articles appeared per day, month or year
// (newssearch --timeline, --timeline-svg FILE).
//
// The unit follows the span of the matches: days up to two months, months
// up to six years, years beyond; --timeline-by day, month or year chooses
// it instead. Periods without a match are kept (as zero) so that gaps show.
#pragma once

#include "searcher/facets.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace gazette {

enum class TimelineUnit { day, month, year };
std::string_view name_of(TimelineUnit unit);

// The unit --timeline-by asks for; none: by the span of the matches.
using ChosenTimelineUnit = std::optional<TimelineUnit>;

// What --timeline and --timeline-by ask for (a spec's FeatureSettings).
struct TimelineSettings {
    bool shown = false;  // count a Timeline into SearchResults::features
    ChosenTimelineUnit unit;
};

struct TimelineBar {
    std::string period;  // "1987-03-02", "1987-03" or "1987"
    Xapian::doccount count = 0;
    // Every article of the period that passes the query's collection filters
    // (see collection_filters() in searcher/query_tree.h): the share's
    // denominator, so a growing archive does not look like growing interest.
    // 0 when not counted.
    Xapian::doccount all = 0;
    // None for a period without any article (or not counted): no share
    // rather than 0%, which would read as a period nobody wrote about this.
    std::optional<double> share() const {
        if (all == 0) return std::nullopt;
        return static_cast<double>(count) / all;
    }
};

// What the timeline collector adds to SearchResults::features.
struct Timeline {
    TimelineUnit unit = TimelineUnit::day;
    std::vector<TimelineBar> bars;  // in time order, consecutive periods
};

// Every article matching `query` (copies included), by the date slot, with
// the articles matching `baseline` in each period as TimelineBar::all;
// articles without a date are left out; by `unit` when chosen.
Timeline count_timeline(const Xapian::Database& db, const Xapian::Query& query, const Xapian::Query& baseline,
                        ChosenTimelineUnit unit);

// From articles per day ("YYYYMMDD" -> count, in order), by `unit` when
// chosen (every period of it, however many: a day a bar over decades is
// thousands of bars), else by the span of the days.
Timeline make_timeline(const std::vector<FacetCount>& days, ChosenTimelineUnit unit = std::nullopt);

// Articles per day ("YYYYMMDD" -> count) summed into the timeline's
// periods, one count a bar (days outside them are left out).
std::vector<Xapian::doccount> counts_by_period(const Timeline& timeline, const std::vector<FacetCount>& days);

// Sets each bar's `all` from articles per day.
void set_baseline(Timeline& timeline, const std::vector<FacetCount>& days);

// "46.7%" for 0.467, as the charts show shares.
std::string format_percent(double share);

// `text` escaped for XML content and attribute values (the SVG charts).
std::string xml_escaped(std::string_view text);

// What an empty timeline means, where its chart would be.
inline constexpr std::string_view kNoDatedMatches = "no matching article has a date";

// A bar chart for the terminal, one line a period, with the share when the
// baseline is known:
//   1987-03-02 ######################################## 608 of 1302 (46.7%)
std::string render_text(const Timeline& timeline, std::size_t max_bar_width = 50);

// The same chart as a standalone SVG document: one <rect class="bar"> per
// period, with data-period, data-count, data-all and data-share attributes
// and a <title> tooltip; the share is drawn over the bars as a line
// (<polyline class="share">, broken where a period has no share) scaled to
// the largest share. With no bars, it says kNoDatedMatches.
std::string render_svg(const Timeline& timeline, std::string_view caption);

// Writes an SVG document to `file`. Throws std::runtime_error naming the
// file when it cannot be written.
void save_svg(const std::filesystem::path& file, const std::string& svg);

// Writes render_svg() to `file`, as save_svg does.
void write_svg(const std::filesystem::path& file, const Timeline& timeline, std::string_view caption);

class FeatureOutput;
class FeatureSettings;
struct SearchFeatures;
struct SearchOption;
struct SearchOptions;

// Registered in searcher/search_features.cpp: with TimelineSettings::shown,
// a collector of a Timeline (count_timeline) into SearchResults::features, and of a note
// (SearchResults::notes) when articles match but none has a date.
void add_timeline(const FeatureSettings& wanted, const SearchOptions& options, SearchFeatures& features);

// --timeline and --timeline-by: their options, registered with add_timeline.
std::vector<SearchOption> timeline_options();

// How it prints (the timeline's text chart, JSON and CSV table), registered with add_timeline.
const FeatureOutput& timeline_output();

}  // namespace gazette
