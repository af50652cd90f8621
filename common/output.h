// Printing search results: aligned text for people, JSON Lines for programs.
#pragma once

#include "common/searcher.h"

#include <ostream>
#include <span>
#include <string_view>

namespace gazette {

enum class OutputFormat { text, json };

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

// One line: {"query":...,"total":...,"hits":[{"rank","id","score","title","date","source","snippet"}...]}
void print_json(std::ostream& out, const SearchResults& results);

}  // namespace gazette
