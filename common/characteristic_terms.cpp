#include "common/characteristic_terms.h"

#include "common/facets.h"
#include "common/schema.h"
#include "common/stopwords.h"

#include <algorithm>

namespace gazette {

namespace {

// The expansion set is drawn from this many of the best matches (after
// collapsing): enough to see what coverage is about, few enough to be fast.
constexpr Xapian::doccount kSampleSize = 200;

// Plain words only: no field or filter terms (their prefixes are capitals),
// no numbers or words with digits ("1987", "3.5", "q1"), no stop words, no
// single letters.
class PlainWordDecider : public Xapian::ExpandDecider {
public:
    explicit PlainWordDecider(const Xapian::Stopper& stopper) : stopper_(stopper) {}
    bool operator()(const std::string& term) const override {
        if (term.size() < 2 || (term[0] >= 'A' && term[0] <= 'Z')) return false;
        if (std::any_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
        return !stopper_(term);
    }

private:
    const Xapian::Stopper& stopper_;
};

}  // namespace

std::vector<CharacteristicTerm> characteristic_terms(const Xapian::Database& db, const Xapian::Query& matches,
                                                     std::size_t count, std::string_view language) {
    Xapian::Enquire enquire(db);
    enquire.set_query(matches);
    enquire.set_collapse_key(schema::kClusterSlot);
    Xapian::RSet sample;
    for (Xapian::docid docid : enquire.get_mset(0, kSampleSize)) sample.add_document(docid);
    if (sample.empty()) return {};

    PlainWordDecider plain_words(stopper_for(language));
    Xapian::ESet eset = enquire.get_eset(static_cast<Xapian::termcount>(count), sample, &plain_words);
    std::vector<CharacteristicTerm> terms;
    for (auto it = eset.begin(); it != eset.end(); ++it) {
        Xapian::Query with_term(Xapian::Query::OP_FILTER, matches, Xapian::Query(*it));
        terms.push_back({*it, it.get_weight(), count_matches(db, with_term), db.get_termfreq(*it)});
    }
    return terms;
}

}  // namespace gazette
