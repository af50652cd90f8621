// Concordance: every use of the query's words, with words of context either
// side, phrases as one keyword, lines aligned on the keyword.
#include "searcher/concordance.h"
#include "common/language.h"
#include "searcher/query_builder.h"

#include <doctest/doctest.h>

using namespace gazette;

TEST_SUITE("searcher") {

namespace {
// "left[match]right|..." for each keyword of `text`.
std::string keywords_for(const std::string& query_text, const std::string& text, std::size_t context) {
    Analyzer analyzer;
    Xapian::Query query = QueryBuilder(analyzer, Xapian::Database()).build(query_text).any;
    SnippetMaker maker(analyzer, query);
    Xapian::Stem stemmer = stemmer_for("en");
    std::string out;
    for (const auto& keyword : keywords_in_context(text, maker.split_words(text, stemmer), ConcordanceOptions{context})) {
        out += keyword.left + "[" + keyword.match + "]" + keyword.right + "|";
    }
    return out;
}
}  // namespace

TEST_CASE("concordance: each use with its context, phrases as one keyword") {
    struct Case {
        const char* query;
        const char* text;
        std::size_t context;
        const char* expected;
    };
    const Case cases[] = {
        {"opec", "Saudi Arabia said OPEC will meet.\n  OPEC's   output rose", 2,
         "Arabia said[OPEC]will meet|will meet.[OPEC's]output rose|"},
        {"opec", "OPEC", 3, "[OPEC]|"},
        {"crude oil", "prices of crude oil fell", 1, "of[crude oil]fell|"},
        {"cocoa", "no match here", 3, ""},
        {"cocoa", "a cocoa b", 0, "[cocoa]|"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(keywords_for(c.query, c.text, c.context) == c.expected);
    }
}

TEST_CASE("concordance: lines aligned on the keyword, by characters") {
    std::vector<ConcordanceLine> lines = {{"1", {"café au", "lait", "x"}}, {"22", {"a", "lait", ""}}};
    CHECK(render_concordance(lines) == "1   café au  lait  x\n"
                                       "22        a  lait  \n");
}

}  // TEST_SUITE
