// The index schema, written down once: term prefixes, value slots and weights.
// The indexer and the searcher both use these names; no prefix string is spelled
// anywhere else. docs/schema.md mirrors this file for people.
#pragma once

#include <string_view>

namespace gazette::schema {

// ---- Term prefixes (Omega's conventions where one exists) -----------------
// Free-text terms have no prefix (unstemmed) or "Z" (stemmed, added by Xapian).
inline constexpr std::string_view kIdPrefix = "Q";        // boolean: unique article id
inline constexpr std::string_view kTitlePrefix = "S";     // free text: title words
inline constexpr std::string_view kBylinePrefix = "A";    // free text: byline words
inline constexpr std::string_view kLanguagePrefix = "L";  // boolean: ISO 639-1 code
inline constexpr std::string_view kSourcePrefix = "XS";   // boolean: outlet, folded
inline constexpr std::string_view kPlacePrefix = "XP";    // boolean: place tag, folded
inline constexpr std::string_view kTopicPrefix = "XT";    // boolean: topic tag, folded
inline constexpr std::string_view kLocationPrefix = "XL"; // free text: dateline words
inline constexpr std::string_view kYearPrefix = "Y";      // boolean: "1987"
inline constexpr std::string_view kMonthPrefix = "M";     // boolean: "198703"
inline constexpr std::string_view kDayPrefix = "D";       // boolean: "19870305"
// boolean: one 16-bit band of the SimHash, "XH" + band 0-3 + 4 hex digits,
// for finding near-duplicates (indexer/near_duplicates.h): "XH2beef"
inline constexpr std::string_view kSimHashBandPrefix = "XH";
// boolean: the near-duplicate cluster key (the kClusterSlot value), so that a
// cluster's copies are one posting list (searcher/pickup.h): "XC" + key
inline constexpr std::string_view kClusterPrefix = "XC";
// boolean: on each article that joined an earlier article's cluster (its key
// is not its own id), so that a story count reads the key of the copies alone
// (searcher/story_count.h). No other prefix starts "XD".
inline constexpr std::string_view kCopyTerm = "XDcopy";

// boolean: the one term of the filter guard document (common/archive_layout.h),
// which a database whose document numbers have gaps holds so that no term
// indexes every document. Not an article: queries over "every article" leave
// it out.
inline constexpr std::string_view kFilterGuardTerm = "XZfilter-guard";

// ---- Metadata keys ---------------------------------------------------------
// A saved search (newssearch --save NAME): "gazette:saved:" + NAME
// (searcher/saved_searches.h).
inline constexpr std::string_view kSavedSearchKeyPrefix = "gazette:saved:";
// "1" when every article of the database carries kCopyTerm if it is a copy:
// written by a build that began with an empty database, or added to one that
// said so. A database built before kCopyTerm existed has no such key.
inline constexpr std::string_view kCopiesMarkedKey = "gazette:copies-marked";

// ---- Value slots -----------------------------------------------------------
enum ValueSlot : unsigned {
    // Publication day as 8 ASCII digits "YYYYMMDD": sorts bytewise in date
    // order and is what Xapian::DateRangeProcessor compares against.
    kDateSlot = 0,
    // The source (outlet) as written, e.g. "Reuters": the source facet.
    kSourceSlot = 1,
    // Topic tags as written, one per line ("grain\nwheat"): the topic facet.
    kTopicsSlot = 2,
    // Place tags as written, one per line: the place facet.
    kPlacesSlot = 3,
    // SimHash of the folded title and body, 16 lower-case hex digits.
    kSimHashSlot = 4,
    // Near-duplicate cluster key: the id of the cluster's first article (its
    // own id when it has no near-duplicate); the searcher collapses on it.
    kClusterSlot = 5,
    // The article id as given (the same bytes as the "Q" term without its
    // prefix): lets a search that needs only ids skip the document data.
    kIdSlot = 6,
    // The article's language, an ISO 639-1 code ("de"; common/language.h):
    // the language facet.
    kLanguageSlot = 7,
};

// ---- Weights ---------------------------------------------------------------
// A title word counts as this many body occurrences (within-document frequency
// increment), so a match in the title outranks the same match in the body.
inline constexpr unsigned kTitleWeight = 3;

// The language used when an article or a query names none.
inline constexpr std::string_view kDefaultLanguage = "en";

}  // namespace gazette::schema
