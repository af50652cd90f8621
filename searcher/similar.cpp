#include "searcher/similar.h"

#include "common/schema.h"

#include <vector>

namespace gazette {

namespace {

// Stemmed free-text words only ("Zcocoa", not "ZScocoa" or "XPusa"): field
// terms would double-count the title, tags would match every article.
class StemmedWordsOnly : public Xapian::ExpandDecider {
public:
    bool operator()(const std::string& term) const override {
        return term.size() > 1 && term[0] == 'Z' && !(term[1] >= 'A' && term[1] <= 'Z');
    }
};

}  // namespace

Xapian::Query more_like_query(const Xapian::Database& db, const std::string& id) {
    std::string id_term = std::string(schema::kIdPrefix) + id;
    Xapian::PostingIterator posting = db.postlist_begin(id_term);
    if (posting == db.postlist_end(id_term)) throw UnknownArticleError("no article with id '" + id + "'");

    Xapian::RSet relevant;
    relevant.add_document(*posting);
    Xapian::Enquire enquire(db);
    StemmedWordsOnly words;
    Xapian::ESet eset = enquire.get_eset(kLikeTerms, relevant, &words);
    std::vector<std::string> terms(eset.begin(), eset.end());
    Xapian::Query like(Xapian::Query::OP_OR, terms.begin(), terms.end());
    return Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(id_term));
}

}  // namespace gazette
