#include "common/date.h"

#include "common/text.h"

#include <algorithm>
#include <array>
#include <cstddef>

namespace gazette {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char to_upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// A cursor over the text being parsed; every read either consumes what it
// matched or fails.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    void skip_spaces() {
        while (pos_ < text_.size() && is_ascii_space(text_[pos_])) {
            ++pos_;
        }
    }

    // Between min_digits and max_digits decimal digits.
    std::optional<int> number(std::size_t min_digits, std::size_t max_digits) {
        int value = 0;
        std::size_t digits = 0;
        while (pos_ < text_.size() && digits < max_digits && is_digit(text_[pos_])) {
            value = value * 10 + (text_[pos_] - '0');
            ++pos_;
            ++digits;
        }
        if (digits < min_digits) {
            return std::nullopt;
        }
        return value;
    }

    bool literal(char expected) {
        if (pos_ < text_.size() && text_[pos_] == expected) {
            ++pos_;
            return true;
        }
        return false;
    }

    // The next `count` characters, or an empty view when fewer are left.
    std::string_view take(std::size_t count) {
        if (text_.size() - pos_ < count) {
            return {};
        }
        std::string_view taken = text_.substr(pos_, count);
        pos_ += count;
        return taken;
    }

    // A run of ASCII letters (empty when none).
    std::string_view letters() {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && is_letter(text_[pos_])) {
            ++pos_;
        }
        return text_.substr(start, pos_ - start);
    }

    bool at_end() const { return pos_ == text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
};

// "JAN" .. "DEC", in any case.
std::optional<int> month_from_abbreviation(std::string_view name) {
    static constexpr std::array<std::string_view, 12> months = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                                "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    if (name.size() != 3) {
        return std::nullopt;
    }
    const std::array<char, 3> upper = {to_upper(name[0]), to_upper(name[1]), to_upper(name[2])};
    for (std::size_t i = 0; i < months.size(); ++i) {
        if (std::string_view(upper.data(), upper.size()) == months[i]) {
            return static_cast<int>(i) + 1;
        }
    }
    return std::nullopt;
}

// "March", "Mar", "Sept", in any case.
std::optional<int> month_from_name(std::string_view name) {
    static constexpr std::array<std::string_view, 12> months = {"JANUARY", "FEBRUARY", "MARCH",     "APRIL",
                                                                "MAY",     "JUNE",     "JULY",      "AUGUST",
                                                                "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"};
    if (name.size() < 3) {
        return std::nullopt;
    }
    std::string upper(name);
    std::transform(upper.begin(), upper.end(), upper.begin(), to_upper);
    for (std::size_t i = 0; i < months.size(); ++i) {
        if (months[i].starts_with(upper)) {
            return static_cast<int>(i) + 1;
        }
    }
    return std::nullopt;
}

std::optional<Date> if_valid(const Date& date) {
    if (!is_valid(date)) {
        return std::nullopt;
    }
    return date;
}

bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

void append_padded(std::string& out, int value, std::size_t width) {
    std::string digits = std::to_string(value);
    if (digits.size() < width) {
        out.append(width - digits.size(), '0');
    }
    out += digits;
}

}  // namespace

// Years are limited to four digits so that every valid date has one
// fixed-width form (to_iso, to_value).
bool is_valid(const Date& date) {
    return date.year >= 1 && date.year <= 9999 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
           date.day <= days_in_month(date.year, date.month);
}

std::string to_iso(const Date& date) {
    std::string iso;
    append_padded(iso, date.year, 4);
    iso += '-';
    append_padded(iso, date.month, 2);
    iso += '-';
    append_padded(iso, date.day, 2);
    return iso;
}

std::string to_value(const Date& date) {
    std::string value;
    append_padded(value, date.year, 4);
    append_padded(value, date.month, 2);
    append_padded(value, date.day, 2);
    return value;
}

std::optional<Date> from_value(std::string_view value) {
    Scanner scan(value);
    auto year = scan.number(4, 4);
    auto month = scan.number(2, 2);
    auto day = scan.number(2, 2);
    if (!year || !month || !day || !scan.at_end()) {
        return std::nullopt;
    }
    return if_valid({*year, *month, *day});
}

std::optional<Date> parse_iso_date(std::string_view text) {
    Scanner scan(text);
    scan.skip_spaces();
    auto year = scan.number(4, 4);
    if (!year || !scan.literal('-')) {
        return std::nullopt;
    }
    auto month = scan.number(2, 2);
    if (!month || !scan.literal('-')) {
        return std::nullopt;
    }
    auto day = scan.number(2, 2);
    if (!day) {
        return std::nullopt;
    }
    // A time may follow after 'T' (or a space); it is not checked.
    const char next = scan.peek();
    if (!scan.at_end() && next != 'T' && next != 't' && !is_ascii_space(next)) {
        return std::nullopt;
    }
    return if_valid({*year, *month, *day});
}

// The leading "\s*(\d{1,2})-([A-Z]{3})-(\d{4})" decides; whatever follows the
// year (a time, a three-digit hour, "&#5;" junk, a comment) is ignored, as long
// as the year does not run on into more digits.
std::optional<Date> parse_reuters_date(std::string_view text) {
    Scanner scan(text);
    scan.skip_spaces();
    auto day = scan.number(1, 2);
    if (!day || !scan.literal('-')) {
        return std::nullopt;
    }
    auto month = month_from_abbreviation(scan.take(3));
    if (!month || !scan.literal('-')) {
        return std::nullopt;
    }
    auto year = scan.number(4, 4);
    if (!year || is_digit(scan.peek())) {
        return std::nullopt;
    }
    return if_valid({*year, *month, *day});
}

namespace {

// The year ends the date: it must not run on into more digits.
bool year_ends(const Scanner& scan) {
    return !is_digit(scan.peek());
}

// "01/04/63", "3/10/2022": month, day, two- or four-digit year.
std::optional<Date> parse_us_numeric_date(std::string_view text) {
    Scanner scan(text);
    scan.skip_spaces();
    auto month = scan.number(1, 2);
    if (!month || !scan.literal('/')) {
        return std::nullopt;
    }
    auto day = scan.number(1, 2);
    if (!day || !scan.literal('/')) {
        return std::nullopt;
    }
    auto year = scan.number(2, 4);
    if (!year || !year_ends(scan) || (*year >= 100 && *year < 1000)) {
        return std::nullopt;
    }
    if (*year < 100) {
        *year += *year < 50 ? 2000 : 1900;
    }
    return if_valid({*year, *month, *day});
}

// "Thu, 10 Mar 2022", "10 March 2022": an optional weekday, day, month name, year.
std::optional<Date> parse_day_first_date(std::string_view text) {
    Scanner scan(text);
    scan.skip_spaces();
    if (!scan.letters().empty()) {  // the weekday
        scan.literal(',');
        scan.skip_spaces();
    }
    auto day = scan.number(1, 2);
    scan.skip_spaces();
    auto month = month_from_name(scan.letters());
    scan.literal('.');
    scan.skip_spaces();
    auto year = scan.number(4, 4);
    if (!day || !month || !year || !year_ends(scan)) {
        return std::nullopt;
    }
    return if_valid({*year, *month, *day});
}

// "March 10, 2022", "Mar. 10 2022".
std::optional<Date> parse_month_first_date(std::string_view text) {
    Scanner scan(text);
    scan.skip_spaces();
    auto month = month_from_name(scan.letters());
    scan.literal('.');
    scan.skip_spaces();
    auto day = scan.number(1, 2);
    scan.literal(',');
    scan.skip_spaces();
    auto year = scan.number(4, 4);
    if (!month || !day || !year || !year_ends(scan)) {
        return std::nullopt;
    }
    return if_valid({*year, *month, *day});
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
    using Parser = std::optional<Date> (*)(std::string_view);
    static constexpr std::array<Parser, 5> parsers = {parse_iso_date, parse_reuters_date, parse_us_numeric_date,
                                                      parse_day_first_date, parse_month_first_date};
    for (const Parser parser : parsers) {
        if (auto date = parser(text)) {
            return date;
        }
    }
    return std::nullopt;
}

}  // namespace gazette
