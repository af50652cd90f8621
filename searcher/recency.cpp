#include "searcher/recency.h"

#include "common/date.h"
#include "common/schema.h"

#include <charconv>
#include <cmath>

namespace gazette {

std::optional<double> parse_half_life(std::string_view text) {
    static constexpr struct {
        char unit;
        double days;
    } kUnits[] = {{'d', 1}, {'w', 7}, {'m', 30}, {'y', 365}};
    double days_per_unit = 1;
    if (!text.empty()) {
        for (const auto& unit : kUnits) {
            if (text.back() == unit.unit) {
                days_per_unit = unit.days;
                text.remove_suffix(1);
                break;
            }
        }
    }
    double count = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || !(count > 0)) return std::nullopt;
    return count * days_per_unit;
}

// Howard Hinnant's days_from_civil: proleptic Gregorian calendar.
std::optional<long> day_number(std::string_view date_value) {
    auto date = from_value(date_value);
    if (!date) return std::nullopt;
    long year = date->year - (date->month <= 2 ? 1 : 0);
    long era = (year >= 0 ? year : year - 399) / 400;
    long year_of_era = year - era * 400;
    long month = date->month;
    long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + date->day - 1;
    long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

RecencyBoost::RecencyBoost(double peak, double half_life_days)
    : Xapian::ValuePostingSource(schema::kDateSlot), peak_(peak), half_life_days_(half_life_days) {}

void RecencyBoost::init(const Xapian::Database& db) {
    Xapian::ValuePostingSource::init(db);
    newest_day_ = day_number(db.get_value_upper_bound(schema::kDateSlot)).value_or(0);
    set_maxweight(peak_);
}

double RecencyBoost::get_weight() const {
    auto day = day_number(get_value());
    if (!day) return 0;
    double age = static_cast<double>(std::max(0L, newest_day_ - *day));
    return peak_ * std::exp2(-age / half_life_days_);
}

RecencyBoost* RecencyBoost::clone() const { return new RecencyBoost(peak_, half_life_days_); }

std::string RecencyBoost::name() const { return "gazette::RecencyBoost"; }

}  // namespace gazette
