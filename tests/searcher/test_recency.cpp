// The recency boost's pieces: half-lives as typed, day numbers.
#include "searcher/recency.h"

#include <doctest/doctest.h>

using namespace gazette;

TEST_SUITE("searcher") {

TEST_CASE("recency: half-lives in days, weeks, months and years") {
    CHECK(parse_half_life("30d") == 30.0);
    CHECK(parse_half_life("2w") == 14.0);
    CHECK(parse_half_life("6m") == 180.0);
    CHECK(parse_half_life("1y") == 365.0);
    CHECK(parse_half_life("1.5") == 1.5);
    for (const char* bad : {"", "d", "0d", "-3d", "30x", "30 d"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_half_life(bad));
    }
}

TEST_CASE("recency: day numbers count days since 1970-01-01") {
    CHECK(day_number("19700101") == 0);
    CHECK(day_number("19870302") == 6269);
    CHECK(*day_number("20000301") - *day_number("20000228") == 2);  // a leap year
    CHECK_FALSE(day_number("1987"));
}

}  // TEST_SUITE
