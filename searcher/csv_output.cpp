#include "searcher/csv_output.h"

#include "searcher/comparison.h"
#include "searcher/display_title.h"
#include "searcher/feature_output.h"

#include <cstdio>

namespace gazette {

std::string csv_decimal(double value, const char* format) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

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

std::string hits_csv_header(const Hit* first) {
    std::vector<std::string> names{"rank", "id", "score", "date", "source", "title", "copies_hidden", "snippet"};
    if (first) {
        for (const FeatureOutput* feature : feature_outputs()) feature->add_hit_csv_columns(*first, names);
    }
    return csv_record(names);
}

std::string hit_csv_record(const Hit& hit) {
    const Article& article = hit.article;
    std::vector<std::string> fields{std::to_string(hit.rank), article.id, csv_decimal(hit.score, "%.6g"),
                                    article.date ? to_iso(*article.date) : std::string(), article.source,
                                    display_title(article).text,
                                    std::to_string(hit.hidden_copies), hit.snippet.text};
    for (const FeatureOutput* feature : feature_outputs()) feature->add_hit_csv_fields(hit, fields);
    return csv_record(fields);
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
                                     std::to_string(query.all), csv_decimal(query.share(), "%.6f")};
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

void print_csv(std::ostream& out, const SearchResults& results, const HitLayout* layout) {
    bool first = true;
    auto start_table = [&out, &first] {
        if (!first) out << "\r\n";
        first = false;
    };
    if (!results.hits.empty()) {
        start_table();
        if (layout) {
            out << layout->csv_header();
            for (const Hit& hit : results.hits) out << layout->csv_records(hit);
        } else {
            out << hits_csv_header(&results.hits.front());
            for (const Hit& hit : results.hits) out << hit_csv_record(hit);
        }
    }
    for (const FeatureOutput* feature : feature_outputs()) {
        std::string table = feature->csv_table(results);
        if (table.empty()) continue;
        start_table();
        out << table;
    }
}

}  // namespace gazette
