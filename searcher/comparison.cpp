#include "searcher/comparison.h"

#include "searcher/facets.h"
#include "common/json.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <stdexcept>

namespace gazette {

namespace {

std::string padded_left(const std::string& text, std::size_t width) {
    return std::string(width > text.size() ? width - text.size() : 0, ' ') + text;
}

std::string padded_right(const std::string& text, std::size_t width) {
    return text + std::string(width > text.size() ? width - text.size() : 0, ' ');
}


// Every query's days summed: the span that chooses the unit and periods.
std::vector<FacetCount> combined_days(const std::vector<std::vector<FacetCount>>& days) {
    std::map<std::string, Xapian::doccount> sum;
    for (const auto& one : days) {
        for (const auto& day : one) sum[day.value] += day.count;
    }
    std::vector<FacetCount> out;
    for (const auto& [value, count] : sum) out.push_back({value, count});
    return out;
}

}  // namespace

LabelledQuery parse_labelled_query(std::string_view argument) {
    std::size_t equals = argument.find('=');
    if (equals == std::string_view::npos || equals == 0 || equals + 1 == argument.size()) {
        throw std::invalid_argument("'" + std::string(argument) + "' is not LABEL=QUERY");
    }
    return {std::string(argument.substr(0, equals)), std::string(argument.substr(equals + 1))};
}

Comparison compare(const Xapian::Database& db, const std::vector<ComparedMatches>& queries, ChosenTimelineUnit unit) {
    Comparison comparison;
    std::vector<std::vector<FacetCount>> days;
    for (const auto& query : queries) {
        ComparedQuery compared{query.labelled, count_matches(db, query.matches), count_matches(db, query.baseline), {}, {}};
        for (const auto& other : queries) {
            compared.overlaps.push_back(
                count_matches(db, Xapian::Query(Xapian::Query::OP_AND, query.matches, other.matches)));
        }
        comparison.queries.push_back(std::move(compared));
        days.push_back(count_days(db, query.matches));
    }
    Timeline combined = make_timeline(combined_days(days), unit);
    comparison.unit = combined.unit;
    for (const auto& bar : combined.bars) comparison.periods.push_back(bar.period);
    for (std::size_t i = 0; i < queries.size(); ++i) {
        comparison.queries[i].per_period = counts_by_period(combined, days[i]);
    }
    return comparison;
}

std::string render_text(const Comparison& comparison) {
    std::size_t width = 8;
    for (const auto& query : comparison.queries) width = std::max(width, query.labelled.label.size());
    std::string out = padded_right("", width) + "  matches       all   share  overlap:";
    for (const auto& query : comparison.queries) out += "  " + padded_left(query.labelled.label, width);
    out += "\n";
    for (const auto& query : comparison.queries) {
        out += padded_right(query.labelled.label, width) + "  " + padded_left(std::to_string(query.count), 7) + "  " +
               padded_left(std::to_string(query.all), 8) + "  " + padded_left(format_percent(query.share()), 6) + "          ";
        for (auto overlap : query.overlaps) out += "  " + padded_left(std::to_string(overlap), width);
        out += "\n";
    }
    out += "\ntimeline (articles per " + std::string(name_of(comparison.unit)) + ")\n" + padded_right("", 10);
    for (const auto& query : comparison.queries) out += "  " + padded_left(query.labelled.label, width);
    out += "\n";
    for (std::size_t p = 0; p < comparison.periods.size(); ++p) {
        out += padded_right(comparison.periods[p], 10);
        for (const auto& query : comparison.queries) out += "  " + padded_left(std::to_string(query.per_period[p]), width);
        out += "\n";
    }
    return out;
}

std::string render_json(const Comparison& comparison) {
    std::vector<std::string> queries;
    JsonObject counts;
    for (const auto& query : comparison.queries) {
        JsonObject overlaps;
        for (std::size_t j = 0; j < comparison.queries.size(); ++j) {
            overlaps.add(comparison.queries[j].labelled.label, static_cast<std::int64_t>(query.overlaps[j]));
        }
        queries.push_back(JsonObject()
                              .add("label", query.labelled.label)
                              .add("query", query.labelled.query)
                              .add("count", static_cast<std::int64_t>(query.count))
                              .add("all", static_cast<std::int64_t>(query.all))
                              .add("share", query.share())
                              .add_raw("overlaps", overlaps.str())
                              .str());
        std::vector<std::string> per_period;
        for (auto count : query.per_period) per_period.push_back(std::to_string(count));
        counts.add_raw(query.labelled.label, json_array(per_period));
    }
    JsonObject timeline;
    timeline.add("unit", name_of(comparison.unit)).add("periods", comparison.periods).add_raw("counts", counts.str());
    return JsonObject().add_raw("compare", json_array(queries)).add_raw("timeline", timeline.str()).str();
}

std::string render_svg(const Comparison& comparison) {
    constexpr int kPlotHeight = 300, kTop = 40, kLeft = 60, kBottom = 50, kLegendWidth = 160;
    constexpr const char* kColours[] = {"#3b6ea5", "#c0392b", "#27ae60", "#8e44ad", "#d35400", "#2c3e50"};
    const int n = static_cast<int>(comparison.periods.size());
    const int step = std::clamp(n <= 1 ? 40 : 900 / (n - 1), 2, 40);
    const int width = kLeft + std::max(1, n - 1) * step + kLegendWidth;
    Xapian::doccount most = 1;
    for (const auto& query : comparison.queries) {
        for (auto count : query.per_period) most = std::max(most, count);
    }
    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                      std::to_string(width) + "\" height=\"" + std::to_string(kTop + kPlotHeight + kBottom) +
                      "\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    svg += "<text x=\"" + std::to_string(kLeft) + "\" y=\"20\" font-size=\"14\">articles per " +
           std::string(name_of(comparison.unit)) + "</text>\n<text x=\"" + std::to_string(kLeft - 6) + "\" y=\"" +
           std::to_string(kTop + 4) + "\" text-anchor=\"end\">" + std::to_string(most) + "</text>\n";
    char point[64];
    for (std::size_t q = 0; q < comparison.queries.size(); ++q) {
        const ComparedQuery& query = comparison.queries[q];
        const char* colour = kColours[q % std::size(kColours)];
        std::string label = xml_escaped(query.labelled.label);
        svg += "<polyline class=\"series\" data-label=\"" + label + "\" fill=\"none\" stroke-width=\"2\" stroke=\"" +
               colour + "\" points=\"";
        for (int p = 0; p < n; ++p) {
            double y = kTop + kPlotHeight - static_cast<double>(query.per_period[static_cast<std::size_t>(p)]) * kPlotHeight / most;
            std::snprintf(point, sizeof point, "%s%d,%.2f", p == 0 ? "" : " ", kLeft + p * step, y);
            svg += point;
        }
        svg += "\"/>\n<text x=\"" + std::to_string(width - kLegendWidth + 20) + "\" y=\"" +
               std::to_string(kTop + 16 * static_cast<int>(q)) + "\" fill=\"" + colour + "\">" + label + " (" +
               std::to_string(query.count) + ")</text>\n";
    }
    if (n > 0) {
        svg += "<text x=\"" + std::to_string(kLeft) + "\" y=\"" + std::to_string(kTop + kPlotHeight + 20) + "\">" +
               comparison.periods.front() + "</text>\n<text x=\"" + std::to_string(kLeft + (n - 1) * step) + "\" y=\"" +
               std::to_string(kTop + kPlotHeight + 20) + "\" text-anchor=\"end\">" + comparison.periods.back() + "</text>\n";
    }
    return svg + "</svg>\n";
}

}  // namespace gazette
