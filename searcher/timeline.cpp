#include "searcher/timeline.h"

#include "common/json.h"
#include "searcher/csv_output.h"
#include "searcher/date_query.h"
#include "searcher/feature_output.h"
#include "searcher/option_table.h"
#include "searcher/recency.h"
#include "searcher/search_features.h"
#include "searcher/search_spec.h"
#include "searcher/searcher.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <map>

namespace gazette {

namespace {

constexpr long kMaxDaysForDayUnit = 62;
constexpr long kMaxMonthsForMonthUnit = 72;

std::string two_digits(int value) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d", value);
    return buffer;
}

// The label of the period of `unit` that holds `date`.
std::string period_of(const Date& date, TimelineUnit unit) {
    std::string year = std::to_string(date.year);
    if (unit == TimelineUnit::year) return year;
    if (unit == TimelineUnit::month) return year + "-" + two_digits(date.month);
    return year + "-" + two_digits(date.month) + "-" + two_digits(date.day);
}

// The first day of the period after the one that holds `date`.
Date next_period(Date date, TimelineUnit unit) {
    switch (unit) {
    case TimelineUnit::day: return next_day(date);
    case TimelineUnit::month: return date.month == 12 ? Date{date.year + 1, 1, 1} : Date{date.year, date.month + 1, 1};
    case TimelineUnit::year: break;
    }
    return {date.year + 1, 1, 1};
}

TimelineUnit unit_for(const Date& first, const Date& last) {
    long days = day_number(to_value(last)).value_or(0) - day_number(to_value(first)).value_or(0);
    long months = (last.year - first.year) * 12L + (last.month - first.month);
    if (days <= kMaxDaysForDayUnit) return TimelineUnit::day;
    if (months <= kMaxMonthsForMonthUnit) return TimelineUnit::month;
    return TimelineUnit::year;
}



Xapian::doccount tallest(const Timeline& timeline) {
    Xapian::doccount most = 0;
    for (const auto& bar : timeline.bars) most = std::max(most, bar.count);
    return most;
}

}  // namespace

std::string_view name_of(TimelineUnit unit) {
    switch (unit) {
    case TimelineUnit::day: return "day";
    case TimelineUnit::month: return "month";
    case TimelineUnit::year: break;
    }
    return "year";
}

Timeline make_timeline(const std::vector<FacetCount>& days, ChosenTimelineUnit unit) {
    std::vector<std::pair<Date, Xapian::doccount>> dated;
    for (const auto& day : days) {
        if (auto date = from_value(day.value)) dated.emplace_back(*date, day.count);
    }
    Timeline timeline;
    if (dated.empty()) return timeline;
    timeline.unit = unit.value_or(unit_for(dated.front().first, dated.back().first));
    std::map<std::string, Xapian::doccount> counts;
    for (const auto& [date, count] : dated) counts[period_of(date, timeline.unit)] += count;
    std::string last = period_of(dated.back().first, timeline.unit);
    for (Date date = dated.front().first;; date = next_period(date, timeline.unit)) {
        std::string period = period_of(date, timeline.unit);
        timeline.bars.push_back({period, counts[period]});
        if (period == last) break;
    }
    return timeline;
}

std::vector<Xapian::doccount> counts_by_period(const Timeline& timeline, const std::vector<FacetCount>& days) {
    std::map<std::string, Xapian::doccount> counts;
    for (const auto& day : days) {
        if (auto date = from_value(day.value)) counts[period_of(*date, timeline.unit)] += day.count;
    }
    std::vector<Xapian::doccount> out;
    for (const auto& bar : timeline.bars) out.push_back(counts[bar.period]);
    return out;
}

void set_baseline(Timeline& timeline, const std::vector<FacetCount>& days) {
    std::vector<Xapian::doccount> counts = counts_by_period(timeline, days);
    for (std::size_t i = 0; i < timeline.bars.size(); ++i) timeline.bars[i].all = counts[i];
}

std::string format_percent(double share) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", share * 100);
    return buffer;
}

std::string xml_escaped(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}


Timeline count_timeline(const Xapian::Database& db, const Xapian::Query& query, const Xapian::Query& baseline,
                        ChosenTimelineUnit unit) {
    Timeline timeline = make_timeline(count_days(db, query), unit);
    if (!timeline.bars.empty()) set_baseline(timeline, count_days(db, baseline));
    return timeline;
}

std::string render_text(const Timeline& timeline, std::size_t max_bar_width) {
    Xapian::doccount most = tallest(timeline);
    std::string out;
    for (const auto& bar : timeline.bars) {
        std::size_t width = most == 0 ? 0 : (bar.count * max_bar_width + most - 1) / most;  // rounded up: 1 shows
        out += bar.period + std::string(11 - std::min<std::size_t>(bar.period.size(), 10), ' ');
        out += std::string(width, '#') + (width > 0 ? " " : "") + std::to_string(bar.count);
        if (auto share = bar.share()) out += " of " + std::to_string(bar.all) + " (" + format_percent(*share) + ")";
        out += "\n";
    }
    return out;
}

namespace {

// The SVG chart's layout, in pixels.
constexpr int kPlotHeight = 300, kTop = 40, kLeft = 60, kBottom = 50;

// One period's bar, `most` articles high at the full plot; a period without
// any article has no share (no data-share, no percentage).
std::string bar_rect(const TimelineBar& bar, int x, int bar_width, Xapian::doccount most) {
    const std::optional<double> share = bar.share();
    const double bar_height = static_cast<double>(bar.count) * kPlotHeight / most;
    std::string share_attribute, share_title;
    char buffer[512];
    if (share) {
        std::snprintf(buffer, sizeof buffer, " data-share=\"%.6f\"", *share);
        share_attribute = buffer;
        share_title = " of " + std::to_string(bar.all) + " (" + format_percent(*share) + ")";
    }
    std::snprintf(buffer, sizeof buffer,
                  "<rect class=\"bar\" data-period=\"%s\" data-count=\"%u\" data-all=\"%u\"%s "
                  "x=\"%d\" y=\"%.2f\" width=\"%d\" height=\"%.2f\" fill=\"#3b6ea5\"><title>%s: %u%s</title></rect>\n",
                  bar.period.c_str(), bar.count, bar.all, share_attribute.c_str(), x, kTop + kPlotHeight - bar_height,
                  std::max(1, bar_width - 1), bar_height, bar.period.c_str(), bar.count, share_title.c_str());
    return buffer;
}

// The share drawn over the bars, scaled to the largest: one <polyline> a run
// of periods that have a share, so that a period without any article breaks
// the line rather than drops it to 0; and its legend.
std::string share_lines(const Timeline& timeline, int bar_width) {
    double most_share = 0;
    for (const auto& bar : timeline.bars) most_share = std::max(most_share, bar.share().value_or(0));
    if (most_share <= 0) return {};
    std::vector<std::string> runs(1);
    char buffer[64];
    for (std::size_t i = 0; i < timeline.bars.size(); ++i) {
        const std::optional<double> share = timeline.bars[i].share();
        if (!share) {
            if (!runs.back().empty()) runs.emplace_back();
            continue;
        }
        std::snprintf(buffer, sizeof buffer, "%s%.2f,%.2f", runs.back().empty() ? "" : " ",
                      kLeft + (static_cast<double>(i) + 0.5) * bar_width,
                      kTop + kPlotHeight - *share * kPlotHeight / most_share);
        runs.back() += buffer;
    }
    std::string svg;
    for (const std::string& points : runs) {
        if (points.empty()) continue;
        svg += "<polyline class=\"share\" points=\"" + points + "\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\"/>\n";
    }
    return svg + "<text x=\"" + std::to_string(kLeft) + "\" y=\"34\" fill=\"#c0392b\">line: share of all articles " +
           "(top " + format_percent(most_share) + ")</text>\n";
}

}  // namespace

std::string render_svg(const Timeline& timeline, std::string_view caption) {
    const int n = static_cast<int>(timeline.bars.size());
    const int bar_width = std::clamp(n == 0 ? 40 : 900 / n, 2, 40);
    const int width = kLeft + std::max(1, n) * bar_width + 20;
    const int height = kTop + kPlotHeight + kBottom;
    const Xapian::doccount most = std::max<Xapian::doccount>(tallest(timeline), 1);
    char buffer[512];
    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    std::snprintf(buffer, sizeof buffer,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                  "font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
                  width, height, width, height);
    svg += buffer;
    svg += "<text x=\"" + std::to_string(kLeft) + "\" y=\"20\" font-size=\"14\">" + xml_escaped(caption) +
           " (articles per " + std::string(name_of(timeline.unit)) + ")</text>\n";
    std::snprintf(buffer, sizeof buffer,
                  "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%u</text>\n<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                  "stroke=\"black\"/>\n",
                  kLeft - 6, kTop + 4, most, kLeft, kTop + kPlotHeight, width - 10, kTop + kPlotHeight);
    svg += buffer;
    for (int i = 0; i < n; ++i) {
        svg += bar_rect(timeline.bars[static_cast<std::size_t>(i)], kLeft + i * bar_width, bar_width, most);
    }
    svg += share_lines(timeline, bar_width);
    if (n == 0) {
        svg += "<text x=\"" + std::to_string(kLeft + 10) + "\" y=\"" + std::to_string(kTop + kPlotHeight / 2) + "\">" +
               std::string(kNoDatedMatches) + "</text>\n";
    } else {
        std::snprintf(buffer, sizeof buffer,
                      "<text x=\"%d\" y=\"%d\">%s</text>\n<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", kLeft,
                      kTop + kPlotHeight + 20, timeline.bars.front().period.c_str(), kLeft + n * bar_width,
                      kTop + kPlotHeight + 20, timeline.bars.back().period.c_str());
        svg += buffer;
    }
    return svg + "</svg>\n";
}

void save_svg(const std::filesystem::path& file, const std::string& svg) {
    std::ofstream out(file);
    out << svg;
    if (!out.flush()) throw std::runtime_error("cannot write the chart to '" + file.string() + "'");
}

void write_svg(const std::filesystem::path& file, const Timeline& timeline, std::string_view caption) {
    save_svg(file, render_svg(timeline, caption));
}

namespace {

class TimelineCounter : public MatchCollector {
public:
    explicit TimelineCounter(ChosenTimelineUnit unit) : unit_(unit) {}

    void collect(const MatchScope& scope, SearchResults& results) const override {
        const Timeline& timeline =
            results.features.set(count_timeline(scope.db, scope.matches, scope.baseline, unit_));
        if (timeline.bars.empty() && results.total > 0) {
            results.notes.push_back(std::string(kNoDatedMatches) + ": the timeline is empty");
        }
    }

private:
    ChosenTimelineUnit unit_;
};

constexpr std::array<NamedChoice<ChosenTimelineUnit>, 4> kTimelineUnits{{
    {std::nullopt, "auto", "by the span of the matches: days up to two months, months up to six years, years beyond"},
    {TimelineUnit::day, "day", "a bar a day, however long the span (over decades, thousands of bars)"},
    {TimelineUnit::month, "month", "a bar a month"},
    {TimelineUnit::year, "year", "a bar a year"},
}};

}  // namespace

void add_timeline(const FeatureSettings& wanted, const SearchOptions&, SearchFeatures& features) {
    const TimelineSettings& timeline = settings_of<TimelineSettings>(wanted);
    if (timeline.shown) features.collectors.push_back(std::make_shared<TimelineCounter>(timeline.unit));
}

std::vector<SearchOption> timeline_options() {
    const std::string group(kCountsGroup);
    return {flag_option("timeline", group,
                        "draw how many matches appeared per day, month or year (by the span of the matches, or "
                        "--timeline-by) as a bar chart, each with its share of all the articles of that period that "
                        "pass the query's source:, lang: and date filters",
                        [](auto& spec) -> auto& { return settings_of<TimelineSettings>(spec.features).shown; }),
            choice_option("timeline-by", group, "the unit of --timeline and --timeline-svg:", kTimelineUnits,
                          [](auto& spec) -> auto& { return settings_of<TimelineSettings>(spec.features).unit; })};
}

namespace {

class TimelineOutput : public FeatureOutput {
public:
    bool counts_every_copy(const SearchResults& results) const override {
        return results.features.find<Timeline>() != nullptr;
    }

    // An empty timeline is a note (SearchResults::notes), not an empty chart.
    void print_text(std::ostream& out, const SearchResults& results, bool) const override {
        const Timeline* timeline = results.features.find<Timeline>();
        if (!timeline || timeline->bars.empty()) return;
        out << "\ntimeline (articles per " << name_of(timeline->unit) << ")\n" << render_text(*timeline);
    }

    // "timeline":{"unit":"day","bars":[{"period":"1987-03-02","count":608,"all":1302,"share":0.466974},...]}
    // ("share":null for a period without any article)
    void add_json(JsonObject& json, const SearchResults& results) const override {
        const Timeline* timeline = results.features.find<Timeline>();
        if (!timeline) return;
        std::vector<std::string> bars;
        for (const auto& bar : timeline->bars) {
            JsonObject item;
            item.add("period", bar.period)
                .add("count", static_cast<std::int64_t>(bar.count))
                .add("all", static_cast<std::int64_t>(bar.all));
            if (auto share = bar.share()) item.add("share", *share);
            else item.add_raw("share", "null");  // no article at all in the period
            bars.push_back(item.str());
        }
        json.add_raw("timeline",
                     JsonObject().add("unit", name_of(timeline->unit)).add_raw("bars", json_array(bars)).str());
    }

    // UNIT,count,all,share (the share left empty, not 0, for a period without any article)
    std::string csv_table(const SearchResults& results) const override {
        const Timeline* timeline = results.features.find<Timeline>();
        if (!timeline) return {};
        std::string table = csv_record({std::string(name_of(timeline->unit)), "count", "all", "share"});
        for (const auto& bar : timeline->bars) {
            std::optional<double> share = bar.share();
            table += csv_record({bar.period, std::to_string(bar.count), std::to_string(bar.all),
                                 share ? csv_decimal(*share, "%.6f") : std::string()});
        }
        return table;
    }
};

}  // namespace

const FeatureOutput& timeline_output() {
    static const TimelineOutput output;
    return output;
}

}  // namespace gazette
