// The words newssearch's "did you mean" draws on (searcher/spelling.h),
// counted at index time and written to the database's spelling table.
#pragma once

#include <string>
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
    // terms, each as often as it has positions (one per occurrence). Numbers
    // are left out (common/text.h is_numeral): no spelling is suggested for
    // them, and they were 37% of Reuters' spelling words.
    void count(const Xapian::Document& doc);

    // Adds another tally's counts to this one.
    void merge(const SpellingTally& other);

    bool empty() const { return counts_.empty(); }

    // Adds the counts to `db`'s spelling table (uncommitted) and forgets them.
    void add_to(Xapian::WritableDatabase& db);

private:
    std::unordered_map<std::string, Xapian::termcount> counts_;
};

}  // namespace gazette
