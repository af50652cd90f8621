// Sharded archives: the shard of an id, writing shards, opening them as one.
#include "searcher/database_set.h"
#include "common/archive_layout.h"
#include "common/schema.h"
#include "indexer/sharded_index.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <map>

using namespace gazette;
namespace fs = std::filesystem;

namespace {

IndexOptions sample_into(const fs::path& db) {
    IndexOptions options;
    options.db_dir = db;
    options.inputs = {test::sample("reuters21578")};
    return options;
}

}  // namespace

TEST_SUITE("indexer") {

// The FNV-1a 64 test vectors (Fowler, Noll and Vo's published table): the
// shard of an id must never change, or re-indexing would duplicate articles.
TEST_CASE("sharded index: shard_of is FNV-1a of the id modulo the count") {
    struct Case {
        std::string_view id;
        std::uint64_t fnv1a;
    };
    constexpr Case cases[] = {
        {"", 0xcbf29ce484222325ull}, {"a", 0xaf63dc4c8601ec8cull}, {"foobar", 0x85944171f73967e8ull}};
    for (const auto& c : cases) {
        for (std::size_t shards : {1, 2, 3, 7, 64}) {
            CAPTURE(c.id);
            CAPTURE(shards);
            CHECK(shard_of(c.id, shards) == c.fnv1a % shards);
        }
    }
}

TEST_CASE("sharded index: every article lands in the shard of its id, once") {
    fs::path db = test::scratch_dir("sharded") / "archive";
    IndexSummary summary = index_sharded(sample_into(db), 3, {});
    CHECK(summary.added == 1000);
    REQUIRE(shard_count(db) == 3u);
    Xapian::doccount total = 0;
    for (std::size_t shard = 0; shard < 3; ++shard) {
        Xapian::Database part(shard_dir(db, shard).string());
        total += article_count(part);
        std::string prefix(schema::kIdPrefix);
        for (auto term = part.allterms_begin(prefix); term != part.allterms_end(prefix); ++term) {
            CHECK(shard_of((*term).substr(schema::kIdPrefix.size()), 3) == shard);
        }
    }
    CHECK(total == 1000);
    CHECK(article_count(Xapian::Database(db.string())) == 1000);  // the stub file opens them as one

    SUBCASE("another count is refused") {
        CHECK_THROWS_WITH(index_sharded(sample_into(db), 2, {}), doctest::Contains("has 3 shards, not 2"));
    }
    SUBCASE("a plain database is not sharded over") {
        fs::path plain = test::scratch_dir("plain");
        index_inputs(sample_into(plain), {});
        CHECK_THROWS_WITH(index_sharded(sample_into(plain), 2, {}), doctest::Contains("is one database"));
    }
}

// The batches of index_into hold across shards: a --strict failure leaves
// none of its batch in any shard, the batches before it in all of them.
TEST_CASE("sharded index: --strict drops the failed batch from every shard") {
    fs::path dir = test::scratch_dir("sharded-strict");
    IndexOptions options;
    options.db_dir = dir / "archive";
    // Batches of two: 1-2 are whole and clean, 3-4 holds the broken record 4.
    options.inputs = {test::testdata("jsonl/strict-batches.jsonl")};
    options.commit_every = 2;
    options.on_skip = SkipPolicy::fail;
    CHECK_THROWS_AS(index_sharded(options, 2, [](const Diagnostic&) {}), StrictError);
    Xapian::Database archive(options.db_dir.string());
    CHECK(article_count(archive) == 2);
    CHECK_FALSE(archive.term_exists(std::string(schema::kIdPrefix) + "3"));
    REQUIRE(shard_of("1", 2) != shard_of("2", 2));  // the clean batch spans both shards
    const std::map<std::string, std::string> written = {{"1", "one"}, {"2", "two"}};
    for (const auto& [id, word] : written) {
        CAPTURE(id);
        // In the shard of its id, with its words in that shard's spelling table.
        Xapian::Database part(shard_dir(options.db_dir, shard_of(id, 2)).string());
        CHECK(part.term_exists(std::string(schema::kIdPrefix) + id));
        auto spelling = part.spellings_begin();
        spelling.skip_to(word);
        CHECK((spelling != part.spellings_end() && *spelling == word));
    }
}

TEST_CASE("sharded index: copies in different shards share one cluster key, as in one database") {
    fs::path dir = test::scratch_dir("sharded-clusters");
    const std::string story = "The cocoa buffer stock manager bought forty thousand tonnes of beans in London "
                              "on Monday to support prices under the new international agreement, traders said.";
    // Wire copies: the same story sent again under other ids.
    const auto jsonl = [&](const std::string& id) {
        return R"({"id":")" + id + R"(","title":"Cocoa","body":")" + story + "\"}\n";
    };
    // Ids whose copies land in different shards of two.
    REQUIRE(shard_of("first", 2) != shard_of("copy", 2));
    REQUIRE(shard_of("first", 2) != shard_of("third", 2));
    test::write_file(dir / "run1.jsonl", jsonl("first") + jsonl("copy"));
    test::write_file(dir / "run2.jsonl", jsonl("third"));
    IndexOptions options;
    options.db_dir = dir / "archive";
    options.inputs = {dir / "run1.jsonl"};
    index_sharded(options, 2, {});
    options.inputs = {dir / "run2.jsonl"};  // a later run finds the copies already in the shards
    index_sharded(options, 2, {});

    Xapian::Database archive(options.db_dir.string());
    for (const std::string id : {"first", "copy", "third"}) {
        CAPTURE(id);
        Xapian::PostingIterator doc = archive.postlist_begin(std::string(schema::kIdPrefix) + id);
        REQUIRE(doc != archive.postlist_end(std::string(schema::kIdPrefix) + id));
        CHECK(archive.get_document(*doc).get_value(schema::kClusterSlot) == "first");
    }
    CHECK(archive.get_termfreq(std::string(schema::kCopyTerm)) == 2);  // "copy" and "third"
    CHECK(archive.get_metadata(std::string(schema::kCopiesMarkedKey)) == "1");

    // A shard written before copies were marked: the searcher reads the
    // first shard's mark for all, so no shard may claim it any more.
    Xapian::WritableDatabase(shard_dir(options.db_dir, 1).string()).set_metadata(std::string(schema::kCopiesMarkedKey), "");
    index_sharded(options, 2, {});
    CHECK(Xapian::Database(shard_dir(options.db_dir, 0).string()).get_metadata(std::string(schema::kCopiesMarkedKey)).empty());
}

TEST_CASE("database set: missing databases fail, or are listed with MissingShards::allowed") {
    fs::path db = test::scratch_dir("set") / "one";
    index_inputs(sample_into(db), {});
    DatabaseSources sources;
    sources.locations = {db.string(), (db.parent_path() / "absent").string()};
    CHECK_THROWS_AS(open_database_set(sources), DatabaseError);
    sources.missing = MissingShards::allowed;
    DatabaseSet set = open_database_set(sources);
    CHECK(article_count(set.db) == 1000);
    REQUIRE(set.missing.size() == 1);
    CHECK(set.missing.front().location == sources.locations[1]);
    CHECK(describe_missing(set.missing, 2).starts_with("note: answered without 1 of 2 databases: '" + sources.locations[1]));

    SUBCASE("a bad remote address is named") {
        for (const char* bad : {"tcp://localhost", "tcp://:80", "tcp://host:0", "tcp://host:99999", "tcp://host:8x"}) {
            CAPTURE(bad);
            CHECK_THROWS_WITH_AS(open_database_set({{bad}}), doctest::Contains(bad), DatabaseError);
        }
    }
}

}
