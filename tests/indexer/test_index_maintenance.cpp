// Taking articles out: by id, from an id list, and when their file is gone.
#include "indexer/index_maintenance.h"
#include "indexer/index_writer.h"
#include "common/schema.h"
#include "corpus/reader.h"

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
    CHECK(db.get_doccount() == 1);
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
    CHECK(Xapian::Database((dir / "db").string()).get_doccount() == 1);
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
    CHECK(Xapian::Database((dir / "db").string()).get_doccount() == 1);
}

}  // TEST_SUITE
