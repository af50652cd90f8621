// Matches without a date, which the date orders (--sort newest, oldest) and
// the recency boost (--recency) cannot place: a note (SearchResults::notes)
// says how many there are, so that nobody reads the order shown as an order
// by date when it is not one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace gazette {

struct DateCoverage {
    Xapian::doccount articles = 0;  // matching articles, copies included
    Xapian::doccount undated = 0;   // of those, the ones without a date
};

// Counts every article `matches` matches, and those without a date.
DateCoverage count_undated(const Xapian::Database& db, const Xapian::Query& matches);

// The note on `coverage` for an order (`ordering`: "--sort newest",
// "--recency"); none when every match has a date.
std::optional<std::string> undated_note(const DateCoverage& coverage, std::string_view ordering);

class FeatureSettings;
struct SearchFeatures;
struct SearchOptions;

// Registered in searcher/search_features.cpp: with --sort newest or oldest,
// or --recency, a collector of that note.
void add_undated_notes(const FeatureSettings& wanted, const SearchOptions& options, SearchFeatures& features);

}  // namespace gazette
