#include "searcher/output.h"

#include "searcher/comparison.h"
#include "searcher/csv_output.h"
#include "searcher/display_title.h"
#include "searcher/feature_output.h"
#include "searcher/trec_run.h"
#include "common/json.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace gazette {

namespace {
constexpr OutputFormatName kOutputFormats[] = {
    {OutputFormat::text, "text", "ranked hits with snippets, for people"},
    {OutputFormat::json, "json", "one JSON object per query, for programs"},
    {OutputFormat::trec, "trec", "a TREC run file: qid Q0 docid rank score tag (see --run-tag)"},
    {OutputFormat::csv, "csv",
     "CSV for spreadsheets: the hits, then the facets and the timeline when asked for, each table with a header row "
     "(-n 0 leaves the hits out)"},
};

constexpr std::string_view kBold = "\033[1m", kHighlight = "\033[1;33m", kReset = "\033[0m";

// The characters (code points) of UTF-8 `text` before byte `offset`.
std::size_t characters_before(std::string_view text, std::size_t offset) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset),
                                                  [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// [[start,end],...]: the highlighted words of the snippet, in characters of its text.
std::string highlights_json(const Snippet& snippet) {
    std::vector<std::string> ranges;
    for (const auto& [begin, end] : snippet.highlights) {
        ranges.push_back("[" + std::to_string(characters_before(snippet.text, begin)) + "," +
                         std::to_string(characters_before(snippet.text, end)) + "]");
    }
    return json_array(ranges);
}

// {"rank":1,"id":...,"score":...,"title"[,"title_is_fallback"],"date","source","lang"[,"byline"][,"url"],
//  "snippet","highlights","copies_hidden", then the features' keys (searcher/feature_output.h)}
std::string hit_json(const Hit& hit) {
    DisplayTitle title = display_title(hit.article);
    JsonObject json;
    json.add("rank", static_cast<std::int64_t>(hit.rank))
        .add("id", hit.article.id)
        .add("score", hit.score)
        .add("title", title.text);
    if (title.is_fallback) json.add_raw("title_is_fallback", "true");
    if (hit.article.date) json.add("date", to_iso(*hit.article.date));
    else json.add_raw("date", "null");
    json.add("source", hit.article.source).add("lang", hit.article.language);
    if (!hit.article.byline.empty()) json.add("byline", hit.article.byline);
    if (!hit.article.url.empty()) json.add("url", hit.article.url);
    json.add("snippet", hit.snippet.text)
        .add_raw("highlights", highlights_json(hit.snippet))
        .add("copies_hidden", static_cast<std::int64_t>(hit.hidden_copies));
    for (const FeatureOutput* feature : feature_outputs()) feature->add_hit_json(json, hit);
    return json.str();
}

// 10000 -> "10,000"
std::string grouped(Xapian::doccount n) {
    std::string digits = std::to_string(n);
    for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
    return digits;
}

// "77 matches, showing 1-10", or "more than 10,000 matches" past the bound
// of an exact count; beside features that count every copy (facets, the
// timeline), a total of stories says so. Then the notes and the features'
// results (searcher/feature_output.h).
void print_summary_text(std::ostream& out, const SearchResults& results) {
    if (results.total_relation == SearchResults::Relation::gte) out << "more than " << grouped(results.total) << " matches";
    else out << results.total << (results.total == 1 ? " match" : " matches");
    if (!results.hits.empty()) {
        out << ", showing " << results.hits.front().rank << "-" << results.hits.back().rank;
    }
    auto features = feature_outputs();
    bool beside_stories = results.total_counts == SearchResults::Counts::stories &&
                          std::any_of(features.begin(), features.end(), [&results](const FeatureOutput* feature) {
                              return feature->counts_every_copy(results);
                          });
    if (beside_stories) out << " (stories: near-duplicates counted once)";
    out << "\n";
    for (const std::string& note : results.notes) out << "note: " << note << "\n";
    for (const FeatureOutput* feature : features) feature->print_text(out, results, beside_stories);
}

}  // namespace

std::span<const OutputFormatName> output_format_names() { return kOutputFormats; }

TextStyle detect_text_style() {
    const char* no_color = std::getenv("NO_COLOR");
    bool wants_color = no_color == nullptr || *no_color == '\0';
    return {wants_color && isatty(STDOUT_FILENO) == 1};
}

void print_text(std::ostream& out, const SearchResults& results, const TextStyle& style) {
    if (results.did_you_mean) out << "Did you mean: " << *results.did_you_mean << "\n\n";
    for (const Hit& hit : results.hits) {
        const Article& article = hit.article;
        char rank[16];
        std::snprintf(rank, sizeof rank, "%3zu. ", hit.rank);
        out << rank << (article.date ? to_iso(*article.date) : std::string(10, ' '));
        if (!article.source.empty()) out << "  " << article.source;
        out << "  ";
        std::string title = display_title(article).text;
        if (style.color) out << kBold << title << kReset;
        else out << title;
        out << "\n     ";
        out << (style.color ? render(hit.snippet, kHighlight, kReset) : hit.snippet.text);
        out << "\n     id " << article.id;
        if (!article.language.empty()) out << "  lang " << article.language;
        out << "  score " << hit.score;
        if (hit.hidden_copies > 0) out << "  (+" << hit.hidden_copies << (hit.hidden_copies == 1 ? " copy hidden)" : " copies hidden)");
        out << "\n";
        for (const FeatureOutput* feature : feature_outputs()) feature->print_hit_text(out, hit);
        out << "\n";
    }
    print_summary_text(out, results);
}

namespace {

// The hits as a feature lays them out, then the usual count line and what
// the features found over every match.
void print_layout_text(std::ostream& out, const SearchResults& results, const HitLayout& layout,
                       const TextStyle& style) {
    out << (style.color ? layout.text(results.hits, kHighlight, kReset) : layout.text(results.hits, {}, {})) << "\n";
    print_summary_text(out, results);
}

// --provenance in CSV: one comment line before the table, which pandas skips
// with comment="#" and a spreadsheet shows as a first row.
void print_csv_spec_line(std::ostream& out, std::string_view spec_json) {
    if (!spec_json.empty()) out << "# spec: " << spec_json << "\n";
}

}  // namespace

namespace {

// "total":N,"total_relation":"eq" or "gte","total_counts":"stories" or "articles"
JsonObject& add_total(JsonObject& json, const SearchResults& results) {
    return json.add("total", static_cast<std::int64_t>(results.total))
        .add("total_relation", results.total_relation == SearchResults::Relation::eq ? "eq" : "gte")
        .add("total_counts", results.total_counts == SearchResults::Counts::stories ? "stories" : "articles");
}

// --count: the number alone, or in JSON the query and its total.
void print_count(std::ostream& out, const SearchResults& results, OutputFormat format) {
    if (format != OutputFormat::json) {
        out << results.total << "\n";
        return;
    }
    JsonObject json;
    json.add("query", results.query);
    out << add_total(json, results).str() << "\n";
}

}  // namespace

void print_json(std::ostream& out, const SearchResults& results, std::string_view qid, std::string_view spec_json) {
    std::vector<std::string> hits;
    for (const Hit& hit : results.hits) hits.push_back(hit_json(hit));
    JsonObject json;
    if (!qid.empty()) json.add("qid", qid);
    json.add("query", results.query);
    add_total(json, results).add_raw("hits", json_array(hits));
    for (const FeatureOutput* feature : feature_outputs()) feature->add_json(json, results);
    if (!results.notes.empty()) json.add("notes", results.notes);
    if (results.did_you_mean) json.add("did_you_mean", *results.did_you_mean);
    else json.add_raw("did_you_mean", "null");
    if (!spec_json.empty()) json.add_raw("spec", spec_json);
    out << json.str() << "\n";
}


void print_trec(std::ostream& out, const SearchResults& results, std::string_view qid, std::string_view run_tag) {
    std::vector<RankedDoc> ranked;
    for (const Hit& hit : results.hits) ranked.push_back({hit.article.id, hit.score});
    make_scores_decreasing(ranked);
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        write_run_line(out, qid, ranked[i].docno, results.hits[i].rank, ranked[i].score, run_tag);
    }
}

void print_results(std::ostream& out, const SearchResults& results, const OutputOptions& options,
                   std::string_view qid) {
    if (options.range == HitRange::count) {
        print_count(out, results, options.format);
        return;
    }
    switch (options.format) {
    case OutputFormat::text:
        if (options.layout) print_layout_text(out, results, *options.layout, options.style);
        else print_text(out, results, options.style);
        return;
    case OutputFormat::json: print_json(out, results, qid, options.spec_json); return;
    case OutputFormat::trec: print_trec(out, results, qid.empty() ? "1" : qid, options.run_tag); return;
    case OutputFormat::csv:
        print_csv_spec_line(out, options.spec_json);
        print_csv(out, results, options.layout);
        return;
    }
}

void print_comparison(std::ostream& out, const Comparison& comparison, OutputFormat format) {
    if (format == OutputFormat::text) out << render_text(comparison);
    else if (format == OutputFormat::json) out << render_json(comparison) << "\n";
    else if (format == OutputFormat::csv) print_comparison_csv(out, comparison);
    else throw std::invalid_argument("--compare prints text, json or csv only (give --format json or csv)");
}

namespace {

std::string date_or(const std::optional<Date>& date, std::string_view none) {
    return date ? to_iso(*date) : std::string(none);
}

std::string shown_json(const ShownArticle& shown) {
    const Article& article = shown.article;
    DisplayTitle title = display_title(article);
    JsonObject json;
    json.add("id", article.id).add("title", title.text);
    if (title.is_fallback) json.add_raw("title_is_fallback", "true");
    json.add_raw("date", article.date ? "\"" + to_iso(*article.date) + "\"" : "null");
    for (auto [name, value] : {std::pair{"source", &article.source}, {"byline", &article.byline}, {"url", &article.url},
                               {"lang", &article.language}, {"file", &article.origin.file}}) {
        if (!value->empty()) json.add(name, *value);
    }
    if (article.origin.line > 0) json.add("line", static_cast<std::int64_t>(article.origin.line));
    std::vector<std::string> copies;
    for (const auto& copy : shown.copies) {
        JsonObject item;
        item.add("id", copy.id).add_raw("date", copy.date ? "\"" + to_iso(*copy.date) + "\"" : "null");
        copies.push_back(item.add("source", copy.source).str());
    }
    return json.add_raw("copies", json_array(copies)).add("body", article.body).str();
}

void print_shown_text(std::ostream& out, const ShownArticle& shown) {
    const Article& article = shown.article;
    out << display_title(article).text << "\n";
    auto field = [&out](std::string_view name, const std::string& value) {
        if (!value.empty()) out << "  " << name << std::string(8 - name.size(), ' ') << value << "\n";
    };
    field("id", article.id);
    field("date", date_or(article.date, ""));
    field("source", article.source);
    field("byline", article.byline);
    field("url", article.url);
    field("lang", article.language);
    field("from", article.origin.file.empty() ? std::string()
                  : article.origin.file + (article.origin.line > 0 ? ":" + std::to_string(article.origin.line) : ""));
    for (const auto& copy : shown.copies) {
        field("copy", copy.id + "  " + date_or(copy.date, "(no date)") + (copy.source.empty() ? "" : "  " + copy.source));
    }
    out << "\n" << article.body << "\n";
}

}  // namespace

void print_shown(std::ostream& out, const std::vector<ShownArticle>& articles, OutputFormat format) {
    if (format != OutputFormat::text && format != OutputFormat::json) {
        throw std::invalid_argument("--show prints text or json only (give --format json)");
    }
    for (std::size_t i = 0; i < articles.size(); ++i) {
        if (format == OutputFormat::json) {
            out << shown_json(articles[i]) << "\n";
            continue;
        }
        if (i > 0) out << "\n" << std::string(72, '-') << "\n\n";
        print_shown_text(out, articles[i]);
    }
}

void print_alert(std::ostream& out, std::string_view search, const Hit& hit) {
    std::string line = JsonObject().add("search", search).str();
    line.pop_back();  // the closing brace: the hit's fields follow
    out << line << "," << hit_json(hit).substr(1) << "\n";
}

HitStream::HitStream(std::ostream& out, OutputFormat format, const HitLayout* layout, std::string_view spec_json)
    : out_(out), format_(format), layout_(layout), spec_json_(spec_json) {
    if (format != OutputFormat::csv && format != OutputFormat::json) {
        throw std::invalid_argument("--all prints csv or json only (give --format csv or --format json)");
    }
}

void HitStream::start() {
    if (started_) return;
    started_ = true;
    if (format_ == OutputFormat::csv) print_csv_spec_line(out_, spec_json_);
    else if (!spec_json_.empty()) out_ << JsonObject().add_raw("spec", spec_json_).str() << "\n";
    if (format_ != OutputFormat::csv) return;
    out_ << (layout_ ? layout_->csv_header() : hits_csv_header());
}

void HitStream::finish() { start(); }

void HitStream::write(const Hit& hit) {
    start();
    if (format_ == OutputFormat::json) out_ << hit_json(hit) << "\n";
    else out_ << (layout_ ? layout_->csv_records(hit) : hit_csv_record(hit));
}

}  // namespace gazette
