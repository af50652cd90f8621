// Near-duplicate fingerprints and cluster keys.
#include "indexer/index_writer.h"
#include "indexer/near_duplicates.h"
#include "common/schema.h"
#include "corpus/stable_hash.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

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

TEST_CASE("near duplicates: a SimHash votes with each shingle hashed as its words joined by spaces") {
    // The SimHash is stored in every database (value slot and band terms) and
    // compared with those of later runs: how a shingle is hashed must not
    // change. Here it is written out plainly, the way it was first defined.
    auto plain_simhash = [](const std::vector<std::string>& words) {
        std::array<int, 64> votes{};
        std::size_t shingles = words.size() < 3 ? 1 : words.size() - 2;
        for (std::size_t i = 0; i < shingles && !words.empty(); ++i) {
            std::string shingle;
            for (std::size_t j = i; j < std::min(i + 3, words.size()); ++j) shingle += words[j] + " ";
            std::uint64_t hash = stable_hash(shingle);
            for (int bit = 0; bit < 64; ++bit) votes[bit] += (hash >> bit) & 1 ? 1 : -1;
        }
        std::uint64_t result = 0;
        for (int bit = 0; bit < 64; ++bit) result |= votes[bit] > 0 ? std::uint64_t{1} << bit : 0;
        return result;
    };
    CHECK(simhash("the bank raised rates, again; 1987 figures") ==
          plain_simhash({"the", "bank", "raised", "rates", "again", "1987", "figures"}));
    CHECK(simhash("two words") == plain_simhash({"two", "words"}));
    CHECK(simhash("") == plain_simhash({}));
    std::vector<std::string> long_body;
    std::string body;
    for (int i = 0; i < 30; ++i) {
        long_body.push_back("w" + std::to_string(i % 7));
        body += long_body.back() + " ";
    }
    CHECK(fingerprint("title words", body) == plain_simhash(long_body));  // 20 words or more: the body alone
    CHECK(fingerprint("title words", "a short body") == plain_simhash({"title", "words", "a", "short", "body"}));
    CHECK(stable_hash("body", stable_hash("title ")) == stable_hash("title body"));
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

TEST_CASE("near duplicates: in memory and in a database, only the first 100 candidates are examined") {
    // "a" is one bit from "b" but comes after `far` articles that share a
    // band with "b" and are 31 bits from it: with 99 of them "a" is the 100th
    // candidate and names b's cluster, with 100 it is not examined. Memory
    // (the parallel build) and a database (a serial build) must agree.
    constexpr std::uint64_t story = 0x0123456789abcdefULL;
    constexpr std::uint64_t far_story = story ^ 0xffff0000ffff0000ULL;  // shares bands 0 and 2 with story
    const std::uint64_t b = story ^ 0x100000;                           // one bit, in band 1
    for (int far : {99, 100, 150}) {
        CAPTURE(far);
        Xapian::WritableDatabase db(
            (test::scratch_dir("near-duplicate-candidates-" + std::to_string(far)) / "db").string(), Xapian::DB_CREATE);
        FingerprintClusters clusters;
        auto add = [&](const std::string& id, std::uint64_t hash) {
            Xapian::Document doc;
            add_fingerprint_terms(hash, doc);
            set_cluster_key(clusters.mark(id, hash), id, doc);
            db.add_document(doc);
        };
        for (int i = 0; i < far; ++i) add("far-" + std::to_string(i), far_story);
        add("a", story);
        db.commit();
        const std::optional<std::string> expected = far < 100 ? std::optional<std::string>("a") : std::nullopt;
        CHECK(DuplicateClusters(db).nearest_cluster("b", b) == expected);
        CHECK(clusters.mark("b", b) == expected.value_or("b"));
    }
}

}  // TEST_SUITE
