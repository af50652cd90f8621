// The proximity feature of --proximity-model pairs: which articles have a
// pair of words close together, and how a pair's occurrences are counted.
#include "searcher/word_pair_source.h"
#include "test_support.h"

#include <set>

#include <doctest/doctest.h>

using namespace gazette;

namespace {

const Xapian::Database& sample() {
    static const Xapian::Database db(test::sample_db().string());
    return db;
}

struct Ranked {
    std::set<Xapian::docid> docs;
    double lowest = 0;
};

Ranked rank(const Xapian::Query& query) {
    Xapian::Enquire enquire(sample());
    enquire.set_query(query);
    Ranked ranked;
    Xapian::MSet mset = enquire.get_mset(0, sample().get_doccount());
    ranked.docs = {mset.begin(), mset.end()};
    if (!mset.empty()) ranked.lowest = mset[mset.size() - 1].get_weight();
    return ranked;
}

Xapian::Query xapian_pair(Xapian::Query::op op, const std::string& first, const std::string& second, unsigned window) {
    Xapian::Query words[] = {Xapian::Query(first), Xapian::Query(second)};
    return Xapian::Query(op, std::begin(words), std::end(words), window);
}

Xapian::Query pair_source(const std::string& first, const std::string& second, WordPairWindow window) {
    return Xapian::Query((new WordPairSource(first, second, window, 1.2, 0.75))->release());
}

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("word pairs: occurrences within the window, in order or either way") {
        // Adjacent in order: 1-2 and 9-10 count, 5 then 7 is too far.
        CHECK(pair_occurrences({1, 5, 9}, {2, 7, 10}, {2, true}) == 2);
        // In order, the second word before the first does not count.
        CHECK(pair_occurrences({10}, {9}, {2, true}) == 0);
        // Either way within 8 positions: 7 apart counts, 10 apart does not.
        CHECK(pair_occurrences({1, 20}, {8, 30}, {8, false}) == 1);
        CHECK(pair_occurrences({10}, {3}, {8, false}) == 1);
        CHECK(pair_occurrences({10}, {2}, {8, false}) == 0);
    }

    TEST_CASE("word pairs: the articles are those of Xapian's phrase and near queries, every one weighed above 0") {
        for (auto [first, second] : {std::pair{"coffee", "prices"}, std::pair{"prices", "coffee"}}) {
            CAPTURE(first);
            Ranked phrase = rank(xapian_pair(Xapian::Query::OP_PHRASE, first, second, 2));
            Ranked adjacent = rank(pair_source(first, second, {2, true}));
            CHECK(adjacent.docs == phrase.docs);
            Ranked near = rank(xapian_pair(Xapian::Query::OP_NEAR, first, second, 8));
            REQUIRE_FALSE(near.docs.empty());
            Ranked within = rank(pair_source(first, second, {8, false}));
            CHECK(within.docs == near.docs);
            CHECK(within.lowest > 0);
        }
        REQUIRE_FALSE(rank(pair_source("coffee", "prices", {2, true})).docs.empty());
    }

}  // TEST_SUITE
