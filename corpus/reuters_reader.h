// Reuters-21578 SGML (reut2-NNN.sgm): many <REUTERS NEWID="..."> stories per
// file, read one story at a time. Every story becomes an article, those
// without a <BODY> too: a BRIEF story's body is its text (or else its title),
// an UNPROC story's body its raw text. Character references are decoded and
// the control characters they stand for never reach the text.
#pragma once

#include "corpus/reader.h"

#include <fstream>
#include <string>

namespace gazette {

class ReutersReader : public ArticleReader {
public:
    // Throws InputError when the file cannot be opened.
    ReutersReader(const std::filesystem::path& file, DiagnosticSink sink);
    std::optional<Article> next() override;

private:
    struct Story {
        std::string sgml;  // from "<REUTERS" up to, not including, "</REUTERS>"
        std::size_t line = 0;
    };

    bool read_line();
    std::optional<Story> next_story();
    std::optional<Article> parse_story(const Story& story) const;
    void report(Severity severity, std::size_t line, std::string message) const;

    std::string file_;  // as named in diagnostics
    std::ifstream in_;
    DiagnosticSink sink_;
    std::string line_;
    std::size_t line_number_ = 0;
    std::string rest_of_line_;  // what followed a "</REUTERS>" on its line
};

}  // namespace gazette
