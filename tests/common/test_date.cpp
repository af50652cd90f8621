// Dates: calendar checks, the stored forms, and the ISO and Reuters parsers
// (with every malformed <DATE> variant Reuters-21578 has).
#include "common/date.h"
#include "test_support.h"

#include <doctest/doctest.h>

using gazette::Date;

TEST_SUITE("common") {
    TEST_CASE("is_valid accepts real calendar days only") {
        CHECK(gazette::is_valid({1987, 2, 26}));
        CHECK(gazette::is_valid({2024, 2, 29}));  // leap year
        CHECK(gazette::is_valid({2000, 2, 29}));  // divisible by 400
        CHECK_FALSE(gazette::is_valid({2023, 2, 29}));
        CHECK_FALSE(gazette::is_valid({1900, 2, 29}));  // divisible by 100
        CHECK_FALSE(gazette::is_valid({1987, 4, 31}));
        CHECK_FALSE(gazette::is_valid({1987, 13, 1}));
        CHECK_FALSE(gazette::is_valid({1987, 0, 1}));
        CHECK_FALSE(gazette::is_valid({1987, 1, 0}));
        CHECK_FALSE(gazette::is_valid({0, 1, 1}));
        CHECK_FALSE(gazette::is_valid({10000, 1, 1}));  // no four-digit form
        CHECK_FALSE(gazette::is_valid(Date{}));
    }

    TEST_CASE("to_iso and to_value print fixed-width forms") {
        CHECK(gazette::to_iso({1987, 2, 26}) == "1987-02-26");
        CHECK(gazette::to_value({1987, 2, 26}) == "19870226");
        CHECK(gazette::to_iso({5, 3, 7}) == "0005-03-07");
        CHECK(gazette::to_value({5, 3, 7}) == "00050307");
    }

    TEST_CASE("from_value reads what to_value wrote") {
        const Date date{1987, 10, 20};
        CHECK(gazette::from_value(gazette::to_value(date)) == date);

        SUBCASE("rejects malformed values") {
            for (const char* value : {"", "1987102", "198710200", "1987-10-20", "1987102x", "19870230", "19871300"}) {
                CAPTURE(value);
                CHECK_FALSE(gazette::from_value(value));
            }
        }
    }

    TEST_CASE("parse_iso_date") {
        SUBCASE("a date, with or without a time") {
            CHECK(gazette::parse_iso_date("2022-03-10") == Date{2022, 3, 10});
            CHECK(gazette::parse_iso_date("2022-03-10T14:03:00Z") == Date{2022, 3, 10});
            CHECK(gazette::parse_iso_date("2022-03-10T14:03:00+01:00") == Date{2022, 3, 10});
            CHECK(gazette::parse_iso_date("2022-03-10 14:03") == Date{2022, 3, 10});
            CHECK(gazette::parse_iso_date(" 2022-03-10 ") == Date{2022, 3, 10});
        }
        SUBCASE("rejects what is not a calendar date") {
            for (const char* text : {"", "yesterday", "2022-3-10", "22-03-10", "2022/03/10", "2022-03-10x", "2022-03",
                                     "20220310", "2022-02-30", "2022-13-01", "10-MAR-2022"}) {
                CAPTURE(text);
                CHECK_FALSE(gazette::parse_iso_date(text));
            }
        }
    }

    TEST_CASE("parse_reuters_date") {
        SUBCASE("the forms found in Reuters-21578") {
            struct Example {
                const char* text;
                Date date;
            };
            const Example examples[] = {
                {"26-FEB-1987 15:01:01.79", {1987, 2, 26}},
                {" 5-MAR-1987 09:12:00.00", {1987, 3, 5}},
                {"  3-MAR-1987 00:43:42.82", {1987, 3, 3}},
                {"3-MAR-1987  09:15:05.40", {1987, 3, 3}},
                {" 7-APR-1987 16:22:00.0", {1987, 4, 7}},
                {"27-MAR-1987 00:03:35.68&#5;&#5;&#5;F", {1987, 3, 27}},  // junk after the time
                {"31-MAR-1987 605:12:19.12", {1987, 3, 31}},              // three-digit hour
                {"9-APR-1987 00:00:00.00    # date added by S Finch as guesswork ", {1987, 4, 9}},
                {"19-OCT-1987", {1987, 10, 19}},  // no time at all
                {"19-oct-1987", {1987, 10, 19}},
            };
            for (const Example& example : examples) {
                CAPTURE(example.text);
                CHECK(gazette::parse_reuters_date(example.text) == example.date);
            }
        }
        SUBCASE("rejects what is not such a date") {
            for (const char* text : {"", "SOMEDAY IN 1987", "31-FEB-1987 10:00:00.00", "26-FEX-1987", "26-FEB-87",
                                     "123-FEB-1987", "26 FEB 1987", "26-FEB-19870", "x26-FEB-1987", "-FEB-1987"}) {
                CAPTURE(text);
                CHECK_FALSE(gazette::parse_reuters_date(text));
            }
        }
    }

    TEST_CASE("parse_date reads every form news archives use") {
        SUBCASE("each form, and what may follow it") {
            struct Example {
                const char* text;
                Date date;
            };
            const Example examples[] = {
                {"2022-03-10", {2022, 3, 10}},                         // ISO 8601
                {"2022-03-10T14:03:00Z", {2022, 3, 10}},
                {" 1998-06-01 00:07 ", {1998, 6, 1}},                  // AQUAINT DATE_TIME
                {" 5-MAR-1987 09:12:00.00", {1987, 3, 5}},             // Reuters-21578
                {"01/04/63 PAGE 020", {1963, 1, 4}},                   // TIME: month first, 19YY
                {"03/24/87", {1987, 3, 24}},                           // WSJ DD
                {"3/10/2022", {2022, 3, 10}},
                {"1/2/05", {2005, 1, 2}},                              // a two-digit year below 50 is 20YY
                {"Thu, 10 Mar 2022 14:03:00 +0000", {2022, 3, 10}},    // RFC 2822
                {"10 Mar 2022 14:03:00 GMT", {2022, 3, 10}},           // RFC 2822 without weekday
                {"10 March 2022", {2022, 3, 10}},
                {"March 10, 2022", {2022, 3, 10}},
                {"Mar. 10, 2022", {2022, 3, 10}},
                {"sept 9 2021", {2021, 9, 9}},
                {"January 1, 1989, Sunday, Home Edition", {1989, 1, 1}},  // LA Times
            };
            for (const Example& example : examples) {
                CAPTURE(example.text);
                CHECK(gazette::parse_date(example.text) == example.date);
            }
        }
        SUBCASE("rejects what is not a date") {
            for (const char* text : {"", "sometime in spring", "08/30 63", "13/01/2022", "02/30/2022", "March 2022",
                                     "Ma 10, 2022", "10 Marchx 2022", "March 32, 2022", "March 10, 20222",
                                     "1/2/123", "Thu, 31 Feb 2022", "PAGE 020"}) {
                CAPTURE(text);
                CHECK_FALSE(gazette::parse_date(text));
            }
        }
    }

}  // TEST_SUITE
