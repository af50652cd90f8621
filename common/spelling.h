// "Did you mean": spelling suggestions from the index's own vocabulary.
//
// newsindex records every free-text word in the database's spelling table
// (SpellingTally). For each plain word of a query that is absent
// from the index, or rare while a word within two edits is far more common,
// the suggestion swaps in that word. It is only ever shown, never searched
// for instead.
#pragma once

#include "common/analyzer.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

namespace gazette {

// The spelling data of a batch of documents, counted in memory and written
// to the database's spelling table once per distinct word. The same table as
// Xapian's TermGenerator::FLAG_SPELLING builds (every occurrence of every
// word of the unprefixed free text, title and body), at a fraction of the
// cost: the flag updates Xapian's in-memory spelling changes once per
// occurrence, the largest single item of our indexing time
// (bench/RESULTS.md, "Where indexing time goes").
class SpellingTally {
public:
    // Counts the free-text words of an analysed document: its unprefixed
    // terms, each as often as it has positions (one per occurrence).
    void count(const Xapian::Document& doc);

    // Adds another tally's counts to this one.
    void merge(const SpellingTally& other);

    bool empty() const { return counts_.empty(); }

    // Adds the counts to `db`'s spelling table (uncommitted) and forgets them.
    void add_to(Xapian::WritableDatabase& db);

private:
    std::unordered_map<std::string, Xapian::termcount> counts_;
};

// The query with its misspelt words replaced, keeping everything else as
// typed (other words, operators, fields, phrases) and each replaced word's
// capitalisation ("Colmbia nato" -> "Colombia nato"); nullopt when every
// word looks right or nothing better is known.
std::optional<std::string> suggest_spelling(const Xapian::Database& db, Analyzer& analyzer, std::string_view query);

}  // namespace gazette
