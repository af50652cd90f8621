// Date filters in a query: the values of date:, after: and before:.
//
//   date:1987                    the whole year        (term Y1987)
//   date:1987-03                 the whole month       (term M198703)
//   date:1987-03-02              one day               (term D19870302)
//   date:2022-03-01..2022-03-31  from the first period to the last, inclusive;
//                                either end may be left open: date:2022-03..
//   after:2022-03-01             later than the period (the day, month or year)
//   before:2022-04               earlier than the period
//
// Single periods use the boolean Y/M/D terms, ranges the date value slot
// (schema.h).
#pragma once

#include "common/date.h"

#include <stdexcept>
#include <string>
#include <string_view>

#include <xapian.h>

namespace gazette {

// A date value that is not one of the forms above; what() says why.
class DateQueryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A year, a month or a day, as its first and last day.
struct DatePeriod {
    enum class Precision { year, month, day };
    Date first;
    Date last;
    Precision precision = Precision::day;
};

// "1987", "1987-03" or "1987-03-02". Throws DateQueryError.
DatePeriod parse_date_period(std::string_view text);

// The calendar day after `date` (for walking periods).
Date next_day(Date date);

enum class DateFilterKind { within, after, before };

// The filter for the value of date: (within), after: or before:. Throws
// DateQueryError.
Xapian::Query date_filter(DateFilterKind kind, std::string_view value);

}  // namespace gazette
