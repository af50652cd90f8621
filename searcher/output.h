// Printing search results: aligned text for people, JSON Lines for programs.
#pragma once

#include "searcher/feature_output.h"
#include "searcher/searcher.h"

#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace gazette {

enum class OutputFormat { text, json, trec, csv };

struct OutputFormatName {
    OutputFormat format;
    std::string_view name;
    std::string_view description;
};

// The one table of output formats, for --help, parsing and errors.
std::span<const OutputFormatName> output_format_names();

struct TextStyle {
    bool color = false;  // ANSI highlights: only on a terminal, and not when NO_COLOR is set
};

// Whether standard output should get colour, by the usual conventions.
TextStyle detect_text_style();

// The hits, then the total, each of SearchResults::notes as "note: ...", the
// facets, the timeline (none when it is empty: a note says so) and the terms.
void print_text(std::ostream& out, const SearchResults& results, const TextStyle& style);

// One line: {"query":...,"total":...,"total_relation":"eq"|"gte","total_counts":"stories"|"articles","hits":[{"rank","id","score","title","date","source","snippet"}...]},
// with "qid" first when `qid` is not empty, "notes":[...] when SearchResults::notes has
// any, and "spec" last when `spec_json` (OutputOptions::spec_json) is not empty.
void print_json(std::ostream& out, const SearchResults& results, std::string_view qid = {},
                std::string_view spec_json = {});

// A TREC run: one line per hit, "qid Q0 docid rank score tag". trec_eval
// orders hits by score, so the score column never rises down the list: a
// hit that scores above the one before it (tier two after tier one) is shown
// just below it instead.
void print_trec(std::ostream& out, const SearchResults& results, std::string_view qid, std::string_view run_tag);

// Which hits are printed: one page (--limit, --offset), every match (--all,
// streamed through HitStream), or none: the exact total alone (--count;
// print_results prints the number, or in JSON the query and its total).
enum class HitRange { page, all, count };

struct OutputOptions {
    OutputFormat format = OutputFormat::text;
    HitRange range = HitRange::page;
    // What a hit is printed as in text and CSV: the article (title,
    // snippet...) when null, or a feature's layout (searcher/feature_output.h;
    // --kwic: concordance_layout(), each place the query's words occur).
    const HitLayout* layout = nullptr;
    TextStyle style;
    std::string run_tag = "gazette";  // the last column of a TREC run
    // --provenance: the search's spec with its provenance, as JSON
    // (searcher/search_spec.h), carried by JSON and CSV output; empty: none.
    std::string spec_json;
};

// The results as `options` say; `qid` names the query in a batch (--topics)
// and is empty for a single query (which a TREC run calls "1").
void print_results(std::ostream& out, const SearchResults& results, const OutputOptions& options,
                   std::string_view qid = {});

// A comparison of queries (newssearch --compare): text (a table and the
// timelines side by side), one JSON object, or two CSV tables
// (print_comparison_csv). Throws std::invalid_argument for the other formats.
void print_comparison(std::ostream& out, const Comparison& comparison, OutputFormat format);

// Articles in full (newssearch --show): for each, text (the title, a line
// a known field: id, date, source, byline, url, lang, the file:line it came
// from, its other copies, then the body) or one JSON object a line
// ({"id","title"[,"title_is_fallback"],"date","source","byline","url","lang",
// "file","line","copies":[{"id","date","source"}],"body"}, fields unknown
// left out, "date" null). Throws std::invalid_argument for other formats.
void print_shown(std::ostream& out, const std::vector<ShownArticle>& articles, OutputFormat format);

// One JSON line for an alert of the saved search `search`
// (searcher/saved_searches.h): {"search":NAME, then the fields of a hit of
// print_json}.
void print_alert(std::ostream& out, std::string_view search, const Hit& hit);

// Hits printed one at a time, as newssearch --all finds them: a CSV header
// and a row a hit, or a row a keyword in context (searcher/csv_output.h), or a
// JSON object a line (the hit objects of print_json). The spec line and the
// header come with the first hit, or with finish() when there was none, so a
// search that fails first (a malformed query) prints nothing on stdout.
class HitStream {
public:
    // Throws std::invalid_argument for a format other than csv and json.
    // Starts with the spec (OutputOptions::spec_json) when it is given.
    HitStream(std::ostream& out, OutputFormat format, const HitLayout* layout = nullptr,
              std::string_view spec_json = {});
    void write(const Hit& hit);
    // Ends a search that succeeded: prints the spec and header if no hit did.
    void finish();

private:
    void start();  // the spec line and the CSV header, once

    std::ostream& out_;
    OutputFormat format_;
    const HitLayout* layout_;
    std::string spec_json_;
    bool started_ = false;
};

}  // namespace gazette
