// Printing search results: aligned text for people, JSON Lines for programs.
#pragma once

#include "common/searcher.h"

#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace gazette {

enum class OutputFormat { text, json, trec };

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

void print_text(std::ostream& out, const SearchResults& results, const TextStyle& style);

// One line: {"query":...,"total":...,"hits":[{"rank","id","score","title","date","source","snippet"}...]},
// with "qid" first when `qid` is not empty.
void print_json(std::ostream& out, const SearchResults& results, std::string_view qid = {});

// A TREC run: one line per hit, "qid Q0 docid rank score tag". trec_eval
// orders hits by score, so the score column never rises down the list: a
// hit that scores above the one before it (tier two after tier one) is shown
// just below it instead.
void print_trec(std::ostream& out, const SearchResults& results, std::string_view qid, std::string_view run_tag);

struct OutputOptions {
    OutputFormat format = OutputFormat::text;
    TextStyle style;
    std::string run_tag = "gazette";  // the last column of a TREC run
};

// The results as `options` say; `qid` names the query in a batch (--topics)
// and is empty for a single query (which a TREC run calls "1").
void print_results(std::ostream& out, const SearchResults& results, const OutputOptions& options,
                   std::string_view qid = {});

}  // namespace gazette
