// The query parsed once: its parts, the one list of operators, and the
// mistakes it refuses, each naming its column.
#include "searcher/query_tree.h"

#include <doctest/doctest.h>

#include <string>

using namespace gazette;

namespace {
// Each part as "kind:core@column", depth in brackets when not 0.
std::string parts_of(std::string_view query) {
    static const char* const kinds[] = {"word", "phrase", "op", "field"};
    std::string out;
    for (const QueryPart& part : parse_query(query).parts) {
        out += out.empty() ? "" : " ";
        out += std::string(kinds[static_cast<int>(part.kind)]) + ":";
        if (part.field != nullptr) out += std::string(part.field->name) + "=";
        out += std::string(part.core) + "@" + std::to_string(part.column);
        if (part.depth != 0) out += "[" + std::to_string(part.depth) + "]";
    }
    return out;
}
}  // namespace

TEST_SUITE("searcher") {

TEST_CASE("query tree: words, phrases, operators and fields, each with its column") {
    CHECK(parts_of("oil AND \"gas  price\" Title:Peru") == "word:oil@1 op:AND@5 phrase:\"gas  price\"@9 field:title=Peru@22");
    CHECK(parts_of("+(source:reuters OR bbc) -Bogotá") == "field:source=reuters@1 op:OR@18[1] word:bbc@21[1] word:Bogotá@26");
    CHECK(parts_of("opens 10:30 \"note: (see\" (oil)") == "word:opens@1 word:10:30@7 phrase:\"note: (see\"@13 word:oil@26");
    // Lower-case operators count only in a query with brackets.
    CHECK(parts_of("oil and gas") == "word:oil@1 word:and@5 word:gas@9");
    CHECK(parts_of("(oil) and not gas") == "word:oil@1 op:and@7 op:not@11 word:gas@15");
    // A tag's value in quotes, as a facet shows it, is the field's value
    // (issue 17 part 3); other fields before quotes stay phrases.
    CHECK(parts_of("oil -(Source:\"The Daily Test\") place:\"El Salvador\"") ==
          "word:oil@1 field:source=The Daily Test@5 field:place=El Salvador@32");
    CHECK(parts_of("title:\"oil price\" \"place:x y\"") == "phrase:title:\"oil price\"@1 phrase:\"place:x y\"@19");
}

TEST_CASE("query tree: one list of operators") {
    // Regression (issue 17): the spec reader took any word starting with NEAR
    // or ADJ for an operator, the query builder only NEAR and NEAR/n.
    CHECK(query_operator("NEAR") == QueryOperator::near);
    CHECK(query_operator("NEAR/3") == QueryOperator::near);
    CHECK(query_operator("ADJ/12") == QueryOperator::adj);
    CHECK(query_operator("XOR") == QueryOperator::xor_);
    CHECK_FALSE(query_operator("NEARBY"));
    CHECK_FALSE(query_operator("ADJUST"));
    CHECK_FALSE(query_operator("NEAR/"));
    CHECK_FALSE(query_operator("AND/3"));
    CHECK_FALSE(query_operator("and"));
    CHECK(query_operator("and", true) == QueryOperator::and_);
    CHECK(query_operator("Near/2", true) == QueryOperator::near);
    CHECK(parts_of("NEARBY oil and gas prices") == "word:NEARBY@1 word:oil@8 word:and@12 word:gas@16 word:prices@20");
}

TEST_CASE("query tree: mistakes name the column") {
    struct Case {
        const char* query;
        const char* message;
    };
    const Case cases[] = {
        {"oil AND colour:red", "unknown field 'colour:' (fields: title:, byline:, id:, source:, place:, topic:, lang:, "
                               "date:, after:, before:) at column 9"},
        {"oil date:1987-13", "date: bad date '1987-13': no month 13 at column 10"},
        {"(oil OR gas", "'(' is never closed at column 1"},
        {"oil) OR gas", "')' closes nothing at column 4"},
        {"\"non-NATO ally", "'\"' is never closed at column 1"},
        {"Bogotá after:2022-02-30", "after: bad date '2022-02-30': no such day at column 14"},
        // Regressions (issue 17): each was read as something else.
        {"*oil", "'*' only ends a word (oil* finds oil, oils, oilseed...) at column 1"},     // a word "oil"
        {"ab*c", "'*' only ends a word (oil* finds oil, oils, oilseed...) at column 3"},     // "ab": 401 hits
        {"title:o*l", "'*' only ends a word (oil* finds oil, oils, oilseed...) at column 8"},
        {"oil?", "'?' is not a wildcard (use '*' at the end of a word, or leave it out) at column 4"},
        {"cocoa AND", "'AND' has nothing after it at column 7"},  // Xapian's "Syntax: <expression> AND <expression>"
        {"OR cocoa", "'OR' has nothing before it at column 1"},
        {"cocoa AND OR coffee", "'AND' has nothing after it at column 7"},
        {"(cocoa NEAR/3) gas", "'NEAR/3' has nothing after it at column 8"},
        {"cocoa NOT", "'NOT' has nothing after it at column 7"},
        {"date:", "date: needs a value at column 1"},  // searched as the word "date"
        {"oil (after:)", "after: needs a value at column 6"},
        {"oil source:\" \"", "source: needs a value at column 5"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.query);
        CHECK_THROWS_WITH(parse_query(c.query), c.message);
    }
    // Not mistakes: times, a trailing wildcard, "Re:", parentheses and
    // colons inside quotes, NOT at the start or after AND.
    for (const char* query : {"opens 10:30 \"note: (see\" (oil)", "oil*", "Re: oil", "\"what? *\"", "NOT peru",
                              "oil AND NOT gas", "-peru"}) {
        CAPTURE(query);
        CHECK_NOTHROW(parse_query(query));
    }
}

TEST_CASE("query tree: collection filters keep source, lang and dates, not subjects") {
    struct Case {
        const char* query;
        const char* filters;
    };
    const Case cases[] = {
        {"oil", ""},
        {"oil source:Reuters", "source:\"Reuters\""},
        {"+(source:reuters OR source:bbc) lang:en oil", "source:\"reuters\" source:\"bbc\" lang:\"en\""},
        {"oil source:\"The Daily Test\"", "source:\"The Daily Test\""},  // kept whole
        {"topic:crude place:usa title:oil", ""},
        {"(oil date:1987-03 after:1987-03-02)", "date:1987-03 after:1987-03-02"},
        {"oil -source:bbc", ""},
        {"\"source:reuters\" oil", ""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.query);
        CHECK(collection_filters(parse_query(c.query)) == c.filters);
    }
}

}  // TEST_SUITE
