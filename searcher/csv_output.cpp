#include "searcher/csv_output.h"

#include "searcher/display_title.h"

#include <cstdio>
#include <optional>

namespace gazette {

namespace {

std::string decimal(double value, const char* format) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

void print_facets_csv(std::ostream& out, const std::vector<FacetResult>& facets) {
    out << csv_record({"facet", "value", "count"});
    for (const auto& facet : facets) {
        for (const auto& count : facet.counts) {
            out << csv_record({std::string(name_of(facet.facet)), count.value, std::to_string(count.count)});
        }
    }
}

void print_timeline_csv(std::ostream& out, const Timeline& timeline) {
    out << csv_record({std::string(name_of(timeline.unit)), "count", "all", "share"});
    for (const auto& bar : timeline.bars) {
        std::optional<double> share = bar.share();  // none, not 0, for a period without any article
        out << csv_record({bar.period, std::to_string(bar.count), std::to_string(bar.all),
                           share ? decimal(*share, "%.6f") : std::string()});
    }
}

void print_top_terms_csv(std::ostream& out, const std::vector<CharacteristicTerm>& terms) {
    out << csv_record({"term", "weight", "matches", "archive"});
    for (const auto& term : terms) {
        out << csv_record({term.term, decimal(term.weight, "%.6g"), std::to_string(term.in_matches),
                           std::to_string(term.in_archive)});
    }
}

}  // namespace

std::string csv_record(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        const std::string& field = fields[i];
        if (field.find_first_of(",\"\r\n") == std::string::npos) {
            out += field;
            continue;
        }
        out += '"';
        for (char c : field) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
    }
    return out + "\r\n";
}

std::string hits_csv_header(HitColumns columns) {
    std::vector<std::string> names{"rank", "id", "score", "date", "source", "title", "copies_hidden", "snippet"};
    if (columns == HitColumns::with_pickup) names.insert(names.end(), {"copies", "first_date", "outlets"});
    return csv_record(names);
}

std::string hit_csv_record(const Hit& hit) {
    const Article& article = hit.article;
    std::vector<std::string> fields{std::to_string(hit.rank), article.id, decimal(hit.score, "%.6g"),
                                    article.date ? to_iso(*article.date) : std::string(), article.source,
                                    display_title(article).text,
                                    std::to_string(hit.hidden_copies), hit.snippet.text};
    if (hit.pickup) {
        std::string outlets;
        for (const auto& outlet : hit.pickup->outlets) outlets += (outlets.empty() ? "" : "; ") + outlet;
        fields.insert(fields.end(), {std::to_string(hit.pickup->copies),
                                     hit.pickup->first_date ? to_iso(*hit.pickup->first_date) : std::string(), outlets});
    }
    return csv_record(fields);
}

std::string concordance_csv_header() { return csv_record({"id", "date", "source", "left", "match", "right"}); }

std::string concordance_csv_records(const Hit& hit) {
    const Article& article = hit.article;
    std::string date = article.date ? to_iso(*article.date) : std::string();
    std::string out;
    for (const auto& keyword : hit.keywords_in_context) {
        out += csv_record({article.id, date, article.source, keyword.left, keyword.match, keyword.right});
    }
    return out;
}

void print_comparison_csv(std::ostream& out, const Comparison& comparison) {
    std::vector<std::string> header{"label", "query", "count", "all", "share"};
    std::vector<std::string> timeline_header{std::string(name_of(comparison.unit))};
    for (const auto& query : comparison.queries) {
        header.push_back("overlap:" + query.labelled.label);
        timeline_header.push_back(query.labelled.label);
    }
    out << csv_record(header);
    for (const auto& query : comparison.queries) {
        std::vector<std::string> row{query.labelled.label, query.labelled.query, std::to_string(query.count),
                                     std::to_string(query.all), decimal(query.share(), "%.6f")};
        for (auto overlap : query.overlaps) row.push_back(std::to_string(overlap));
        out << csv_record(row);
    }
    out << "\r\n" << csv_record(timeline_header);
    for (std::size_t period = 0; period < comparison.periods.size(); ++period) {
        std::vector<std::string> row{comparison.periods[period]};
        for (const auto& query : comparison.queries) row.push_back(std::to_string(query.per_period[period]));
        out << csv_record(row);
    }
}

void print_csv(std::ostream& out, const SearchResults& results, HitLayout layout) {
    bool first = true;
    auto start_table = [&out, &first] {
        if (!first) out << "\r\n";
        first = false;
    };
    if (!results.hits.empty()) {
        start_table();
        if (layout == HitLayout::concordance) {
            out << concordance_csv_header();
            for (const Hit& hit : results.hits) out << concordance_csv_records(hit);
        } else {
            out << hits_csv_header(results.hits.front().pickup ? HitColumns::with_pickup : HitColumns::basic);
            for (const Hit& hit : results.hits) out << hit_csv_record(hit);
        }
    }
    if (!results.facets.empty()) {
        start_table();
        print_facets_csv(out, results.facets);
    }
    if (results.timeline) {
        start_table();
        print_timeline_csv(out, *results.timeline);
    }
    if (!results.top_terms.empty()) {
        start_table();
        print_top_terms_csv(out, results.top_terms);
    }
}

}  // namespace gazette
