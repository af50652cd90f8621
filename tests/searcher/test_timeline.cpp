// Timelines: the unit follows the span, gaps are kept, charts drawn.
#include "searcher/timeline.h"

#include <doctest/doctest.h>

using namespace gazette;

TEST_SUITE("searcher") {

namespace {
std::string bars_of(const Timeline& timeline) {
    std::string out;
    for (const auto& bar : timeline.bars) out += bar.period + "=" + std::to_string(bar.count) + " ";
    return out;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}
}  // namespace

TEST_CASE("timeline: days, months or years by the span, with empty periods kept") {
    Timeline days = make_timeline({{"19870226", 3}, {"19870301", 1}, {"19870302", 5}});
    CHECK(days.unit == TimelineUnit::day);
    CHECK(bars_of(days) == "1987-02-26=3 1987-02-27=0 1987-02-28=0 1987-03-01=1 1987-03-02=5 ");

    Timeline months = make_timeline({{"19870226", 3}, {"19870302", 5}, {"19870315", 1}, {"19870601", 2}});
    CHECK(months.unit == TimelineUnit::month);
    CHECK(bars_of(months) == "1987-02=3 1987-03=6 1987-04=0 1987-05=0 1987-06=2 ");

    Timeline years = make_timeline({{"19871231", 1}, {"19950101", 2}});
    CHECK(years.unit == TimelineUnit::year);
    CHECK(years.bars.size() == 9);
    CHECK(bars_of(years).starts_with("1987=1 1988=0 "));

    CHECK(make_timeline({}).bars.empty());
}

TEST_CASE("timeline: a chosen unit gives every period of that unit, whatever the span") {
    // Auto would count these four days by day; a year is one bar.
    const std::vector<FacetCount> four_days{{"19870226", 3}, {"19870301", 1}};
    Timeline years = make_timeline(four_days, TimelineUnit::year);
    CHECK(years.unit == TimelineUnit::year);
    CHECK(bars_of(years) == "1987=4 ");
    CHECK(bars_of(make_timeline(four_days, TimelineUnit::month)) == "1987-02=3 1987-03=1 ");

    // Auto would count eight years by year; by month, every month shows.
    const std::vector<FacetCount> eight_years{{"19871231", 1}, {"19950101", 2}};
    Timeline months = make_timeline(eight_years, TimelineUnit::month);
    CHECK(months.unit == TimelineUnit::month);
    CHECK(months.bars.size() == 7 * 12 + 2);
    CHECK(bars_of(months).starts_with("1987-12=1 1988-01=0 "));
    CHECK(months.bars.back().period == "1995-01");
    CHECK(months.bars.back().count == 2);

    // A day a bar is kept over a long span (--timeline-by day says so).
    Timeline days = make_timeline(eight_years, TimelineUnit::day);
    CHECK(days.unit == TimelineUnit::day);
    CHECK(days.bars.size() == 1 + (7 * 365 + 2) + 1);  // 1987-12-31, 1988 to 1994 (two leap years), 1995-01-01
    CHECK(days.bars.front().period == "1987-12-31");
    CHECK(days.bars.back().period == "1995-01-01");

    // None chosen: by the span, as before.
    CHECK(make_timeline(eight_years, std::nullopt).unit == TimelineUnit::year);
}

TEST_CASE("timeline: text bars scale to the tallest, SVG has one bar per period") {
    Timeline timeline = make_timeline({{"19870226", 10}, {"19870227", 1}, {"19870301", 5}});
    CHECK(render_text(timeline, 10) == "1987-02-26 ########## 10\n"
                                       "1987-02-27 # 1\n"
                                       "1987-02-28 0\n"
                                       "1987-03-01 ##### 5\n");
    std::string svg = render_svg(timeline, "a <b> & c");
    CHECK(occurrences(svg, "class=\"bar\"") == 4);
    CHECK(svg.find("a &lt;b&gt; &amp; c") != std::string::npos);
    CHECK(svg.find("data-period=\"1987-02-26\" data-count=\"10\"") != std::string::npos);
}

TEST_CASE("timeline: shares of all articles per period, in text and SVG") {
    Timeline timeline = make_timeline({{"19870226", 2}, {"19870301", 1}, {"19870315", 3}, {"19870501", 1}});
    REQUIRE(timeline.unit == TimelineUnit::month);
    set_baseline(timeline, {{"19870226", 8}, {"19870301", 4}, {"19870302", 6}, {"19870315", 2}, {"19870501", 4}});
    CHECK(timeline.bars[0].all == 8);
    CHECK(timeline.bars[1].all == 12);
    CHECK(timeline.bars[2].all == 0);
    CHECK(timeline.bars[1].share() == doctest::Approx(4.0 / 12));
    // Regression (issue 17 part 9): a month without any article had a share
    // of 0%, as if nobody had written about the query that month.
    CHECK_FALSE(timeline.bars[2].share());
    CHECK(render_text(timeline, 4) == "1987-02    ## 2 of 8 (25.0%)\n"
                                      "1987-03    #### 4 of 12 (33.3%)\n"
                                      "1987-04    0\n"
                                      "1987-05    # 1 of 4 (25.0%)\n");
    std::string svg = render_svg(timeline, "oil");
    CHECK(svg.find("data-period=\"1987-03\" data-count=\"4\" data-all=\"12\" data-share=\"0.333333\"") !=
          std::string::npos);
    CHECK(svg.find("<polyline class=\"share\"") != std::string::npos);
    CHECK(svg.find("data-period=\"1987-04\" data-count=\"0\" data-all=\"0\" x=") != std::string::npos);
    CHECK(svg.find("<title>1987-04: 0</title>") != std::string::npos);
    // The share line stops at April and starts again in May.
    CHECK(occurrences(svg, "<polyline class=\"share\"") == 2);
}

TEST_CASE("timeline: with no dated match, the SVG says so instead of an empty chart") {
    // Regression (issue 17 part 9): --timeline-svg over undated articles drew
    // an empty chart and said nothing.
    std::string svg = render_svg(make_timeline({}), "oil");
    CHECK(svg.find(std::string(kNoDatedMatches)) != std::string::npos);
    CHECK(svg.find("class=\"bar\"") == std::string::npos);
}

}  // TEST_SUITE
