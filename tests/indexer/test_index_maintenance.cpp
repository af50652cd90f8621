// Taking articles out: by id, from an id list, and when their file is gone.
#include "indexer/index_maintenance.h"

#include "common/archive_layout.h"
#include "common/schema.h"
#include "corpus/reader.h"
#include "indexer/index_check.h"
#include "indexer/index_writer.h"
#include "indexer/sharded_index.h"
#include "searcher/searcher.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <fstream>

using namespace gazette;
namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

IndexSummary index(const fs::path& db, std::vector<fs::path> inputs) {
    IndexOptions options;
    options.db_dir = db;
    options.inputs = std::move(inputs);
    return index_inputs(options, {});
}

bool has_id(const fs::path& db, const std::string& id) {
    return Xapian::Database(db.string()).term_exists(std::string(schema::kIdPrefix) + id);
}

}  // namespace

TEST_SUITE("indexer") {

TEST_CASE("maintenance: re-indexing a changed article replaces its old terms") {
    fs::path dir = test::scratch_dir("changed");
    write_file(dir / "in/news.jsonl", R"({"id": "n1", "title": "Coffee", "body": "coffee harvest"})" "\n");
    index(dir / "db", {dir / "in"});
    write_file(dir / "in/news.jsonl", R"({"id": "n1", "title": "Cocoa", "body": "cocoa harvest"})" "\n");
    IndexSummary second = index(dir / "db", {dir / "in"});
    CHECK(second.replaced == 1);
    Xapian::Database db((dir / "db").string());
    CHECK(article_count(db) == 1);
    CHECK(db.term_exists("cocoa"));
    CHECK(db.term_exists(std::string(schema::kTitlePrefix) + "cocoa"));
    CHECK_FALSE(db.term_exists("coffee"));
    CHECK_FALSE(db.term_exists(std::string(schema::kTitlePrefix) + "coffee"));
}

TEST_CASE("maintenance: delete by id and from a file, and unknown ids are listed") {
    fs::path dir = test::scratch_dir("delete");
    write_file(dir / "in/news.jsonl", R"({"id": "a", "body": "one"})" "\n" R"({"id": "b", "body": "two"})" "\n"
                                      R"({"id": "c", "body": "three"})" "\n" R"({"id": "d", "body": "four"})" "\n");
    write_file(dir / "ids.txt", "b\n\n  c  \nzz\n");
    index(dir / "db", {dir / "in"});

    RemovalSummary summary = delete_articles({dir / "db", {"a", "nope"}, dir / "ids.txt"});
    CHECK(summary.removed == 3);
    CHECK(summary.unknown_ids == std::vector<std::string>{"nope", "zz"});
    CHECK(describe(summary).starts_with("removed 3 articles, 2 ids not in the database: nope zz, in "));
    CHECK(article_count(Xapian::Database((dir / "db").string())) == 1);
    CHECK(has_id(dir / "db", "d"));
    CHECK_THROWS_AS(delete_articles({dir / "db", {}, dir / "no-such-list"}), InputError);
}

TEST_CASE("maintenance: prune removes the articles of missing files under the roots, and only those") {
    fs::path dir = test::scratch_dir("prune");
    write_file(dir / "archive/2020/kept.txt", "Kept\n\nstill here");
    write_file(dir / "archive/2021/gone.txt", "Gone\n\ndeleted later");
    write_file(dir / "archive/2021/more.jsonl",
               R"({"id": "m1", "body": "one"})" "\n" R"({"id": "m2", "body": "two"})" "\n");
    write_file(dir / "elsewhere/gone-too.txt", "Elsewhere\n\nnot under the root pruned");
    index(dir / "db", {dir / "archive", dir / "elsewhere"});
    fs::remove(dir / "archive/2021/gone.txt");
    fs::remove(dir / "archive/2021/more.jsonl");
    fs::remove(dir / "elsewhere/gone-too.txt");

    RemovalSummary summary = prune_missing({dir / "db", {dir / "archive/"}});
    CHECK(summary.removed == 3);
    CHECK(summary.missing_files == 2);
    CHECK(has_id(dir / "db", "2020/kept.txt"));
    CHECK(has_id(dir / "db", "gone-too.txt"));  // its root was not named
    CHECK_FALSE(has_id(dir / "db", "2021/gone.txt"));
    CHECK_FALSE(has_id(dir / "db", "m1"));
}

TEST_CASE("maintenance: prune refuses a root that is not there instead of emptying the index") {
    fs::path dir = test::scratch_dir("prune-unmounted");
    write_file(dir / "archive/a.txt", "A\n\nbody");
    index(dir / "db", {dir / "archive"});
    CHECK_THROWS_WITH_AS(prune_missing({dir / "db", {dir / "mnt/archive"}}),
                         doctest::Contains("no such file or folder; nothing pruned"), InputError);
    CHECK(article_count(Xapian::Database((dir / "db").string())) == 1);
}

}  // TEST_SUITE

namespace {

// 1,500 articles that every filter below matches: enough for Xapian's
// document-length list to span several chunks, which the bug needs.
void write_uniform_articles(const fs::path& file, int first, int count) {
    fs::create_directories(file.parent_path());
    std::ofstream out(file);
    for (int i = first; i < first + count; ++i) {
        out << R"({"id": "n)" << i << R"(", "title": "Story )" << i << R"(", "body": "markets story number )" << i
            << R"(", "source": "Wire", "lang": "en", "date": "1987-03-05", "topics": ["grain"], "places": ["usa"]})"
            << "\n";
    }
}

// Every filter that matches every remaining article, run as a search of its
// own (the filter drives the match and is counted) and through --all.
void check_every_filter_works(const fs::path& db, Xapian::doccount articles) {
    Searcher searcher(std::vector<fs::path>{db});
    for (const char* filter : {"lang:en", "source:wire", "topic:grain", "place:usa", "date:1987", "date:1987-03",
                               "date:1987-03-05", "date:1987-01..1987-12", "after:1986", "markets lang:en"}) {
        CAPTURE(filter);
        SearchOptions options;
        options.limit = 0;
        CHECK_NOTHROW(searcher.search(filter, options));
        CHECK(searcher.for_each_match(filter, options, [](const Hit&) {}) == articles);
    }
}

}  // namespace

// Regression: after a delete, Xapian 1.4.22 failed every filter matching all
// the remaining articles with DatabaseCorruptError "Unexpected end of posting
// list for 'Len'" (common/archive_layout.h, the filter guard).
TEST_CASE("maintenance: every filter still works after a delete, a prune and a re-run with repeated ids") {
    fs::path dir = test::scratch_dir("filters-after-delete");
    write_uniform_articles(dir / "in/0-early.jsonl", 0, 1);
    write_uniform_articles(dir / "in/1-main.jsonl", 1, 1500);
    SUBCASE("delete") {
        index(dir / "db", {dir / "in"});
        delete_articles({dir / "db", {"n700"}, {}});
        check_every_filter_works(dir / "db", 1500);
    }
    SUBCASE("prune") {
        index(dir / "db", {dir / "in"});
        fs::remove(dir / "in/0-early.jsonl");
        prune_missing({dir / "db", {dir / "in"}});
        check_every_filter_works(dir / "db", 1500);
    }
    SUBCASE("a new database built with a repeated id") {
        write_uniform_articles(dir / "in/2-again.jsonl", 700, 1);  // the parallel build keeps the later copy
        index(dir / "db", {dir / "in"});
        check_every_filter_works(dir / "db", 1501);
    }
    SUBCASE("shards") {
        IndexOptions options;
        options.db_dir = dir / "db";
        options.inputs = {dir / "in"};
        index_sharded(options, 2, {});
        delete_from_shards({dir / "db", {"n700", "n701"}, {}}, 2);
        check_every_filter_works(dir / "db", 1499);
    }
    std::vector<fs::path> databases = {dir / "db"};
    if (auto shards = shard_count(dir / "db")) {
        databases.clear();
        for (std::size_t shard = 0; shard < *shards; ++shard) databases.push_back(shard_dir(dir / "db", shard));
    }
    for (const fs::path& db : databases) CHECK(check_index(db).problems.empty());
}
