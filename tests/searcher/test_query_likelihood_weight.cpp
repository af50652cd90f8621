// Query likelihood with Dirichlet smoothing (--weighting query-likelihood):
// its weights against scores worked out by hand on a three-article database.
#include "searcher/query_likelihood_weight.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <vector>

using namespace gazette;

namespace {

// Three articles of bare terms, lengths 6, 2 and 4 (12 in all): a occurs 3
// times in the collection, b 3 times, c 6 times. On disk: the in-memory
// backend's bound on the longest article is loose (12 here), which shifts
// every weight alike but not as worked out below.
Xapian::Database three_articles() {
    Xapian::WritableDatabase db(test::scratch_dir("query-likelihood").string(), Xapian::DB_CREATE_OR_OVERWRITE);
    const std::vector<std::map<std::string, Xapian::termcount>> articles = {
        {{"a", 2}, {"b", 1}, {"c", 3}}, {{"a", 1}, {"c", 1}}, {{"b", 2}, {"c", 2}}};
    for (const auto& terms : articles) {
        Xapian::Document doc;
        for (const auto& [term, wdf] : terms) doc.add_term(term, wdf);
        db.add_document(doc);
    }
    db.commit();
    return db;
}

std::map<Xapian::docid, double> weights(const Xapian::Database& db, const Xapian::Query& query, double mu) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(QueryLikelihoodWeight(mu));
    std::map<Xapian::docid, double> by_doc;
    Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto hit = mset.begin(); hit != mset.end(); ++hit) by_doc[*hit] = hit.get_weight();
    return by_doc;
}

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("query likelihood: the weights worked out by hand, and the order of log P(Q|D)") {
        const Xapian::Database db = three_articles();
        const Xapian::Query a_or_b(Xapian::Query::OP_OR, Xapian::Query("a"), Xapian::Query("b"));
        // mu 10: mu P(a|C) = mu P(b|C) = 10 x 3/12 = 2.5; |Q| = 2; the longest
        // article has 6 words, so the length part is 2 log(16 / (10 + |D|)).
        const std::map<Xapian::docid, double> got = weights(db, a_or_b, 10);
        REQUIRE(got.size() == 3);
        CHECK(got.at(1) == doctest::Approx(std::log(1.8) + std::log(1.4) + 0).epsilon(1e-9));    // 0.9243
        CHECK(got.at(2) == doctest::Approx(std::log(1.4) + 2 * std::log(16.0 / 12)).epsilon(1e-9));  // 0.9118
        CHECK(got.at(3) == doctest::Approx(std::log(1.8) + 2 * std::log(16.0 / 14)).epsilon(1e-9));  // 0.8548
        // Each weight is log P(Q|D) (smoothed: (tf + 2.5) / (|D| + 10) for
        // either word) plus one constant, so the order is query likelihood's.
        const double log_likelihood[] = {std::log(4.5 / 16) + std::log(3.5 / 16),
                                         std::log(3.5 / 12) + std::log(2.5 / 12),
                                         std::log(2.5 / 14) + std::log(4.5 / 14)};
        const double shift = got.at(1) - log_likelihood[0];
        CHECK(got.at(2) - log_likelihood[1] == doctest::Approx(shift).epsilon(1e-9));
        CHECK(got.at(3) - log_likelihood[2] == doctest::Approx(shift).epsilon(1e-9));
    }

    TEST_CASE("query likelihood: a word's query frequency and the query's scale multiply its part") {
        const Xapian::Database db = three_articles();
        // Article 2 has a once, length 2: a repeated (wqf 2) doubles log(1.4)
        // and the length part counts |Q| = 2.
        const Xapian::Query twice_a("a", 2);
        CHECK(weights(db, twice_a, 10).at(2) == doctest::Approx(2 * std::log(1.4) + 2 * std::log(16.0 / 12)));
        // OP_SCALE_WEIGHT scales the words' part, not the length part.
        const Xapian::Query half_a(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("a"), 0.5);
        CHECK(weights(db, half_a, 10).at(2) == doctest::Approx(0.5 * std::log(1.4) + std::log(16.0 / 12)));
    }
}
