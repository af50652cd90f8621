// alpha x BB2 + (1 - alpha) x BM25 in one pass (--weighting bm25-bb2): the
// weight writes both formulas out, so each is checked against Xapian's own
// class, article by article and in the bound the matcher prunes by.
#include "searcher/bm25_bb2_weight.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <map>
#include <vector>

using namespace gazette;

namespace {

// Twelve articles of lengths 2 to 16: "a" in 4 of them, "b" in 5, "common"
// in 10 (BM25 raises its idf ratio, which is below 2).
Xapian::Database twelve_articles() {
    Xapian::WritableDatabase db(test::scratch_dir("bm25-bb2").string(), Xapian::DB_CREATE_OR_OVERWRITE);
    const std::map<Xapian::docid, Xapian::termcount> a = {{1, 1}, {2, 3}, {5, 2}, {9, 5}};
    const std::map<Xapian::docid, Xapian::termcount> b = {{2, 2}, {3, 1}, {9, 1}, {11, 4}, {12, 1}};
    for (Xapian::docid id = 1; id <= 12; ++id) {
        Xapian::Document doc;
        doc.add_term("filler", 1 + (id * 7) % 13);
        if (a.count(id)) doc.add_term("a", a.at(id));
        if (b.count(id)) doc.add_term("b", b.at(id));
        if (id <= 10) doc.add_term("common", 1);
        db.add_document(doc);
    }
    db.commit();
    return db;
}

struct Ranking {
    std::map<Xapian::docid, double> weights;
    double max_possible = 0;
};

Ranking rank(const Xapian::Database& db, const Xapian::Query& query, const Xapian::Weight& weight) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(weight);
    Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    Ranking ranking;
    for (auto hit = mset.begin(); hit != mset.end(); ++hit) ranking.weights[*hit] = hit.get_weight();
    ranking.max_possible = mset.get_max_possible();
    return ranking;
}

// `got` is bm25_share x `bm25` + bb2_share x `bb2`, article by article and in the bound.
void check_mix(const Ranking& got, const Ranking& bm25, const Ranking& bb2, double bb2_share) {
    REQUIRE(got.weights.size() == bm25.weights.size());
    for (const auto& [doc, weight] : got.weights) {
        CAPTURE(doc);
        CHECK(weight == doctest::Approx(bb2_share * bb2.weights.at(doc) + (1 - bb2_share) * bm25.weights.at(doc)));
    }
    CHECK(got.max_possible ==
          doctest::Approx(bb2_share * bb2.max_possible + (1 - bb2_share) * bm25.max_possible));
}

const std::vector<Xapian::Query>& queries() {
    static const std::vector<Xapian::Query> all = {
        Xapian::Query("a"),
        Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("a"), Xapian::Query("b")),
        Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("b"), Xapian::Query("common")),
        Xapian::Query("a", 2),  // a word given twice: wqf 2
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                      Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("a"), Xapian::Query("b")), 0.5),
    };
    return all;
}

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("bm25-bb2: each part is Xapian's BM25 and BB2, mixed by the share, bounds included") {
        const Xapian::Database db = twelve_articles();
        BM25BB2Weight::Parameters parameters;
        SUBCASE("the defaults: k1 1.2, b 0.75, the 0.5 length floor, c 1") {}
        SUBCASE("other settings: k1 2, b 0.3, no length floor, c 7") {
            parameters.k1 = 2;
            parameters.b = 0.3;
            parameters.min_normlen = 0;
            parameters.c = 7;
        }
        const Xapian::BM25Weight xapian_bm25(parameters.k1, 0, 1, parameters.b, parameters.min_normlen);
        const Xapian::BB2Weight xapian_bb2(parameters.c);
        for (const auto& query : queries()) {
            CAPTURE(query.get_description());
            const Ranking bm25 = rank(db, query, xapian_bm25);
            const Ranking bb2 = rank(db, query, xapian_bb2);
            // BB2 gives 0 where its information is negative: some must be
            // above 0, or the comparison would say little.
            REQUIRE(bb2.max_possible > 0);
            for (double share : {0.0, 0.25, 0.5, 1.0}) {
                CAPTURE(share);
                parameters.bb2_share = share;
                check_mix(rank(db, query, BM25BB2Weight(parameters)), bm25, bb2, share);
            }
        }
    }
}
