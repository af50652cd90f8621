#include "searcher/date_query.h"

#include "common/schema.h"

#include <charconv>

namespace gazette {

namespace {

// Exactly `digits` ASCII digits, or nullopt.
std::optional<int> fixed_number(std::string_view text, std::size_t digits) {
    int value = 0;
    if (text.size() != digits) return std::nullopt;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

Date last_day_of_month(int year, int month) {
    Date date{year, month, 31};
    while (!is_valid(date)) --date.day;
    return date;
}

Date previous_day(Date date) {
    if (--date.day >= 1) return date;
    if (--date.month < 1) {
        date.month = 12;
        --date.year;
    }
    return last_day_of_month(date.year, date.month);
}

std::string with_prefix(std::string_view prefix, const std::string& value) {
    std::string term(prefix);
    return term + value;
}

// The Y/M/D term that names exactly this period.
Xapian::Query period_term(const DatePeriod& period) {
    std::string day = to_value(period.first);
    switch (period.precision) {
    case DatePeriod::Precision::year: return Xapian::Query(with_prefix(schema::kYearPrefix, day.substr(0, 4)));
    case DatePeriod::Precision::month: return Xapian::Query(with_prefix(schema::kMonthPrefix, day.substr(0, 6)));
    case DatePeriod::Precision::day: break;
    }
    return Xapian::Query(with_prefix(schema::kDayPrefix, day));
}

Xapian::Query range_filter(std::string_view value, std::size_t dots) {
    std::string_view from = value.substr(0, dots), to = value.substr(dots + 2);
    if (from.empty() && to.empty()) throw DateQueryError("a range needs at least one end: '" + std::string(value) + "'");
    if (from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, to_value(parse_date_period(to).last));
    if (to.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, to_value(parse_date_period(from).first));
    DatePeriod first = parse_date_period(from), last = parse_date_period(to);
    if (to_value(last.last) < to_value(first.first)) {
        throw DateQueryError("the range '" + std::string(value) + "' ends before it starts");
    }
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, to_value(first.first), to_value(last.last));
}

}  // namespace

Date next_day(Date date) {
    ++date.day;
    if (is_valid(date)) return date;
    date.day = 1;
    if (++date.month > 12) {
        date.month = 1;
        ++date.year;
    }
    return date;
}

DatePeriod parse_date_period(std::string_view text) {
    auto bad = [text](const std::string& why) {
        return DateQueryError("bad date '" + std::string(text) + "': " + why);
    };
    auto year = fixed_number(text.substr(0, 4), 4);
    if (!year || *year < 1) throw bad("expected YYYY, YYYY-MM or YYYY-MM-DD");
    if (text.size() == 4) return {{*year, 1, 1}, {*year, 12, 31}, DatePeriod::Precision::year};
    auto month = text.size() >= 7 && text[4] == '-' ? fixed_number(text.substr(5, 2), 2) : std::nullopt;
    if (!month || (text.size() != 7 && text.size() != 10)) throw bad("expected YYYY, YYYY-MM or YYYY-MM-DD");
    if (*month < 1 || *month > 12) throw bad("no month " + std::to_string(*month));
    if (text.size() == 7) return {{*year, *month, 1}, last_day_of_month(*year, *month), DatePeriod::Precision::month};
    auto day = text[7] == '-' ? fixed_number(text.substr(8, 2), 2) : std::nullopt;
    if (!day) throw bad("expected YYYY, YYYY-MM or YYYY-MM-DD");
    Date date{*year, *month, *day};
    if (!is_valid(date)) throw bad("no such day");
    return {date, date, DatePeriod::Precision::day};
}

Xapian::Query date_filter(DateFilterKind kind, std::string_view value) {
    switch (kind) {
    case DateFilterKind::within:
        if (auto dots = value.find(".."); dots != std::string_view::npos) return range_filter(value, dots);
        return period_term(parse_date_period(value));
    case DateFilterKind::after:
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot,
                             to_value(next_day(parse_date_period(value).last)));
    case DateFilterKind::before: break;
    }
    return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot,
                         to_value(previous_day(parse_date_period(value).first)));
}

}  // namespace gazette
