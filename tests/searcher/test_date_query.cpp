// Date filters: periods, ranges, after: and before: in the query language.
#include "searcher/date_query.h"

#include <doctest/doctest.h>

using namespace gazette;

TEST_SUITE("searcher") {

TEST_CASE("date query: a single period is its Y/M/D term") {
    struct Case {
        const char* value;
        const char* query;
    };
    const Case cases[] = {
        {"1987", "Query(Y1987)"},
        {"1987-03", "Query(M198703)"},
        {"1987-03-02", "Query(D19870302)"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.value);
        CHECK(date_filter(DateFilterKind::within, c.value).get_description() == c.query);
    }
}

TEST_CASE("date query: ranges, after and before use the date slot with inclusive bounds") {
    struct Case {
        DateFilterKind kind;
        const char* value;
        const char* query;
    };
    const Case cases[] = {
        {DateFilterKind::within, "2022-03-01..2022-03-31", "Query(VALUE_RANGE 0 20220301 20220331)"},
        {DateFilterKind::within, "1987-02..1987", "Query(VALUE_RANGE 0 19870201 19871231)"},
        {DateFilterKind::within, "2024-02..", "Query(VALUE_GE 0 20240201)"},
        {DateFilterKind::within, "..2023-02", "Query(VALUE_LE 0 20230228)"},
        {DateFilterKind::after, "2022-03-01", "Query(VALUE_GE 0 20220302)"},
        {DateFilterKind::after, "2024-02", "Query(VALUE_GE 0 20240301)"},
        {DateFilterKind::after, "1987-12-31", "Query(VALUE_GE 0 19880101)"},
        {DateFilterKind::before, "2022-04", "Query(VALUE_LE 0 20220331)"},
        {DateFilterKind::before, "2024-03-01", "Query(VALUE_LE 0 20240229)"},
        {DateFilterKind::before, "1987", "Query(VALUE_LE 0 19861231)"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.value);
        CHECK(date_filter(c.kind, c.value).get_description() == c.query);
    }
}

TEST_CASE("date query: bad dates say what is wrong") {
    const char* bad[] = {"87", "1987-3", "1987-13", "1987-02-29", "1987-03-02x", "march", "..", "1988..1987"};
    for (const char* value : bad) {
        CAPTURE(value);
        CHECK_THROWS_AS(date_filter(DateFilterKind::within, value), DateQueryError);
    }
    CHECK_THROWS_WITH(date_filter(DateFilterKind::within, "1987-13"), "bad date '1987-13': no month 13");
}

}  // TEST_SUITE
