// The opt-in recency boost for relevance order (newssearch --recency).
//
// An article's score gets `peak * 0.5^(age / half_life)` added, where age is
// the number of days between its date and the newest date in the database
// (not today: an archive of 1987 is not all equally stale). Articles without
// a date get nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace gazette {

// "30d", "2w", "6m" (a month counts 30 days), "1y" (365 days), or a bare
// number of days; nullopt for anything else, zero or negative.
std::optional<double> parse_half_life(std::string_view text);

// A posting source over the date slot that weighs each dated article by its
// recency; combine it with OP_AND_MAYBE so that it only reorders matches.
class RecencyBoost : public Xapian::ValuePostingSource {
public:
    RecencyBoost(double peak, double half_life_days);

    void init(const Xapian::Database& db) override;
    double get_weight() const override;
    RecencyBoost* clone() const override;
    std::string name() const override;

private:
    double peak_;
    double half_life_days_;
    long newest_day_ = 0;  // days since 1970-01-01 of the newest article
};

// Days since 1970-01-01 of a "YYYYMMDD" date value; nullopt if it is not one.
std::optional<long> day_number(std::string_view date_value);

}  // namespace gazette
