#include "indexer/spelling_tally.h"

#include "common/text.h"

namespace gazette {

namespace {
// Term prefixes are upper case (common/schema.h); folded words never are.
bool is_prefixed(const std::string& term) {
    return term.front() >= 'A' && term.front() <= 'Z';
}
}  // namespace

void SpellingTally::count(const Xapian::Document& doc) {
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
        const std::string& word = *term;
        if (word.empty() || is_prefixed(word) || is_numeral(word)) continue;
        if (Xapian::termcount occurrences = term.positionlist_count()) counts_[word] += occurrences;
    }
}

void SpellingTally::merge(const SpellingTally& other) {
    for (const auto& [word, occurrences] : other.counts_) counts_[word] += occurrences;
}

void SpellingTally::add_to(Xapian::WritableDatabase& db) {
    for (const auto& [word, occurrences] : counts_) db.add_spelling(word, occurrences);
    counts_.clear();
}

}  // namespace gazette
