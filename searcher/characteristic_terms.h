// Characteristic terms: the words and two-word phrases unusually frequent in
// the matches of a query compared with the whole archive (newssearch
// --top-terms N), e.g. "buffer", "ico" and "delegates", and "buffer stock",
// for cocoa in Reuters-21578.
//
// Xapian's expansion set (Enquire::get_eset) over the best matches, one
// article per near-duplicate cluster so that a story sent twenty times counts
// once; only plain words of titles and bodies (the unprefixed terms), without
// stop words or anything holding a digit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace gazette {

struct CharacteristicTerm {
    std::string term;               // as indexed: folded, unstemmed; a phrase is two words and a space
    double weight = 0;              // Xapian's expand weight: how telling it is
    Xapian::doccount in_matches = 0;  // matching articles (copies included) that contain it
    Xapian::doccount in_archive = 0;  // articles of the whole database that contain it
};

// What the collector adds to SearchResults::features: the words, then the phrases.
using CharacteristicTerms = std::vector<CharacteristicTerm>;

// What --top-terms asks for (a spec's FeatureSettings).
struct CharacteristicTermsSettings {
    std::size_t count = 0;  // words, and as many phrases, to list (0: none)
};

// Up to `count` terms, most telling first. `language` (ISO 639-1) chooses the
// stop words.
std::vector<CharacteristicTerm> characteristic_terms(const Xapian::Database& db, const Xapian::Query& matches,
                                                     std::size_t count, std::string_view language);

// Up to `count` phrases of two words (plain words of letters only, at
// consecutive positions) that at least 3 articles of the same sample use,
// most telling first: weight = the sample's articles using it x ln(lift),
// lift = how much larger its share of the sample is than of the archive
// (phrases with a lift of 1 or less are left out). The counts are phrase
// searches over the matches and over the archive.
std::vector<CharacteristicTerm> characteristic_phrases(const Xapian::Database& db, const Xapian::Query& matches,
                                                       std::size_t count, std::string_view language);

class FeatureOutput;
class FeatureSettings;
struct SearchFeatures;
struct SearchOption;
struct SearchOptions;

// Registered in searcher/search_features.cpp: with CharacteristicTermsSettings::count,
// a collector of CharacteristicTerms (SearchResults::features): the words, then the phrases, in
// the query's language (SearchOptions::language).
void add_characteristic_terms(const FeatureSettings& wanted, const SearchOptions& options, SearchFeatures& features);

// --top-terms N: its option, registered with add_characteristic_terms.
std::vector<SearchOption> characteristic_terms_options();

// How it prints (the terms' text, JSON and CSV table), registered with add_characteristic_terms.
const FeatureOutput& characteristic_terms_output();

}  // namespace gazette
