// Near-duplicate fingerprints and cluster keys.
#include "indexer/index_writer.h"
#include "indexer/near_duplicates.h"
#include "common/schema.h"

#include "test_support.h"

#include <doctest/doctest.h>

using namespace gazette;

TEST_SUITE("indexer") {

TEST_CASE("near duplicates: a one-word change moves few bits, another story many") {
    // Long enough for one changed word to touch few of its shingles.
    std::string story;
    for (int paragraph = 0; paragraph < 6; ++paragraph) {
        story += "paragraph " + std::to_string(paragraph) +
                 " the central bank raised its key interest rate by half a point citing inflation pressure from "
                 "higher oil prices and a weaker currency analysts said the move was widely expected ";
    }
    std::string edited = story;
    edited.replace(edited.find("weaker"), 6, "softer");
    std::string other = "the football club signed a new striker from a rival team for a record fee on tuesday "
                        "the manager said the player would start in the weekend match against the league leaders";
    CHECK(simhash(story) == simhash(story));
    CHECK(hamming_distance(simhash(story), simhash(edited)) <= kMaxDistance);
    CHECK(hamming_distance(simhash(story), simhash(other)) > kMaxDistance);
}

TEST_CASE("near duplicates: copies share the first copy's cluster key, and short bodies need the same title") {
    auto dir = test::scratch_dir("dup-db");
    {
        IndexWriter writer(dir);
        auto write = [&writer](const char* id, const char* title, const char* body) {
            Article article;
            article.id = id;
            article.title = title;
            article.body = body;
            writer.write(article);
        };
        const char* body = "Ford Motor Co has increased its U.S. production schedule for the second quarter by "
                           "52,000 cars and 32,000 trucks from the first quarter, an industry newsletter said.";
        write("a", "FORD INCREASES OUTPUT", body);
        write("b", "FORD <F> INCREASES 2ND QTR OUTPUT PLANS -REPORT", body);  // re-titled copy
        write("c", "ALPHA CORP QTR NET", "Blah blah blah.");
        write("d", "BETA INC SETS DIVIDEND", "Blah blah blah.");
        writer.commit();
    }
    Xapian::Database db(dir.string());
    auto cluster_of = [&db](const std::string& id) {
        return db.get_document(*db.postlist_begin(std::string(schema::kIdPrefix) + id)).get_value(schema::kClusterSlot);
    };
    CHECK(cluster_of("a") == "a");
    CHECK(cluster_of("b") == "a");
    CHECK(cluster_of("c") == "c");
    CHECK(cluster_of("d") == "d");
}

TEST_CASE("near duplicates: fingerprint clusters in memory pick the first near copy's key, in order") {
    constexpr std::uint64_t story = 0x0123456789abcdefULL;
    struct Case {
        const char* id;
        std::uint64_t hash;
        const char* key;
        const char* why;
    };
    const Case cases[] = {
        {"a", story, "a", "the first of its story names its cluster"},
        {"b", story ^ 0x1, "a", "one bit away"},
        {"c", story ^ 0xf, "a", "four bits from a but three from b, whose key is a"},
        {"d", ~story, "d", "another story"},
        {"e", story ^ 0x0002000200020002ULL, "e", "four bits from a (one in each band), more from b and c: no band in common"},
        {"a", story, "a", "read again: its own earlier copy does not count, its key stays"},
    };
    FingerprintClusters clusters;
    for (const auto& c : cases) {
        CAPTURE(c.why);
        CHECK(clusters.mark(c.id, c.hash) == c.key);
    }
}

TEST_CASE("near duplicates: a look-up after one in earlier articles examines what is left of the candidates") {
    // The parallel build looks a round up in memory after the merged rounds'
    // database; together the two must examine the first 100 candidates, as
    // one look-up in a database of both does (a 300,000-article build gave
    // other keys than the serial order before this).
    constexpr std::uint64_t story = 0x0123456789abcdefULL;
    FingerprintClusters clusters;
    clusters.mark("far", story ^ 0xffffffffffff0000ULL);  // shares the lowest band only: a candidate, 48 bits away
    clusters.mark("a", story);
    struct Case {
        std::size_t examined_before;
        std::optional<std::string> key;
    };
    const Case cases[] = {{0, "a"}, {98, "a"}, {99, std::nullopt}, {100, std::nullopt}, {150, std::nullopt}};
    for (const auto& c : cases) {
        CAPTURE(c.examined_before);
        CHECK(clusters.nearest_cluster("b", story ^ 0x100000, c.examined_before) == c.key);  // one bit, in band 1
    }

    // The database's look-up says how many candidates it had when it found no key.
    Xapian::WritableDatabase db((test::scratch_dir("near-duplicate-candidates") / "db").string(), Xapian::DB_CREATE);
    const std::pair<const char*, std::uint64_t> articles[] = {{"far", story ^ 0xffffffffffff0000ULL}, {"a", story}};
    for (const auto& [id, hash] : articles) {
        Xapian::Document doc;
        add_fingerprint_terms(hash, doc);
        set_cluster_key(id, doc);
        db.add_document(doc);
    }
    db.commit();
    NearestCluster none = DuplicateClusters(db).nearest_cluster("b", story ^ 0xffff0000ffff0000ULL);  // 16 and 32 bits away
    CHECK(!none.key);
    CHECK(none.candidates == 2);
}

}  // TEST_SUITE
