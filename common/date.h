// Calendar dates of articles: parsing the forms our inputs use, and the
// canonical forms we store and print.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gazette {

struct Date {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31

    friend bool operator==(const Date&, const Date&) = default;
};

// True when the year, month and day form a real calendar day.
bool is_valid(const Date& date);

// "YYYY-MM-DD", as printed to people and in JSON.
std::string to_iso(const Date& date);

// "YYYYMMDD", the sortable byte form kept in the date value slot (see schema.h).
std::string to_value(const Date& date);
std::optional<Date> from_value(std::string_view value);

// ISO 8601 calendar dates: "2022-03-10", optionally followed by a time
// ("2022-03-10T14:03:00Z"), which is ignored.
std::optional<Date> parse_iso_date(std::string_view text);

// Reuters-21578 <DATE>: " 5-MAR-1987 09:12:00.00" and its malformed variants
// (leading spaces, junk after the time, no time). Only the day is kept.
std::optional<Date> parse_reuters_date(std::string_view text);

// Any of the forms news archives write a date in, at the start of `text`;
// what follows the date (a time, a zone, a weekday, "PAGE 020") is ignored.
//   ISO 8601         "2022-03-10", "2022-03-10T14:03:00Z", "1998-06-01 00:00"
//   Reuters-21578    " 5-MAR-1987 09:12:00.00"
//   US numeric       "01/04/63", "3/10/2022" (month first; a two-digit year
//                    below 50 is 20YY, else 19YY)
//   RFC 2822         "Thu, 10 Mar 2022 14:03:00 +0000"
//   month first      "March 10, 2022", "Mar 10 2022"
//   day first        "10 March 2022", "10 Mar 2022"
// Month names in English, full or abbreviated, in any case.
std::optional<Date> parse_date(std::string_view text);

}  // namespace gazette
