// Characteristic terms: the words unusually frequent in the matches of a
// query compared with the whole archive (newssearch --top-terms N), e.g.
// "buffer", "ico" and "delegates" for cocoa in Reuters-21578.
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
    std::string term;               // as indexed: folded, unstemmed
    double weight = 0;              // Xapian's expand weight: how telling it is
    Xapian::doccount in_matches = 0;  // matching articles (copies included) that contain it
    Xapian::doccount in_archive = 0;  // articles of the whole database that contain it
};

// Up to `count` terms, most telling first. `language` (ISO 639-1) chooses the
// stop words.
std::vector<CharacteristicTerm> characteristic_terms(const Xapian::Database& db, const Xapian::Query& matches,
                                                     std::size_t count, std::string_view language);

}  // namespace gazette
