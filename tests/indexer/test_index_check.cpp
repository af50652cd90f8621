// Checking an index: a whole one passes; a document whose terms or id do not
// agree with its stored fields is named.
#include "indexer/index_check.h"

#include "common/archive_layout.h"
#include "indexer/index_writer.h"
#include "indexer/sharded_index.h"
#include "common/schema.h"

#include "test_support.h"

#include <doctest/doctest.h>

using namespace gazette;
namespace fs = std::filesystem;

namespace {

fs::path indexed_sample(const std::string& name) {
    fs::path db = test::scratch_dir(name);
    IndexOptions options;
    options.db_dir = db;
    options.inputs = {test::sample("")};
    index_inputs(options, {});
    return db;
}

}  // namespace

TEST_SUITE("indexer") {

TEST_CASE("index check: the indexed sample is whole") {
    fs::path db = indexed_sample("check-whole");
    CheckReport report = check_index(db);
    CHECK(report.articles == 1001);
    CHECK(report.problems.empty());
    CHECK(describe(report) == "checked 1001 articles: no problems\n");
}

TEST_CASE("index check: a half-updated document is named") {
    fs::path db = indexed_sample("check-broken");
    Xapian::docid copy_docid = 0;
    {
        Xapian::WritableDatabase writable(db.string());
        Xapian::Document first = writable.get_document(1);
        first.remove_term(*first.termlist_begin());  // a term the stored fields give
        first.add_term("zzstale");                     // a term they do not
        writable.replace_document(1, first);
        Xapian::Document second = writable.get_document(2);
        second.set_data("{\"id\":");
        writable.replace_document(2, second);
        Xapian::Document copy = writable.get_document(3);
        copy_docid = writable.add_document(copy);  // the same id twice
        writable.commit();
    }
    CheckReport report = check_index(db);
    CHECK(report.articles == 1002);
    REQUIRE(report.problems.size() == 4);
    CHECK(report.problems[0].starts_with("document 1 (id "));
    CHECK(report.problems[1].starts_with("document 2: stored data cannot be read"));
    CHECK(report.problems[2].find("the id is held by 2 documents") != std::string::npos);
    CHECK(report.problems[3].starts_with("document " + std::to_string(copy_docid) + " (id "));
}

TEST_CASE("index check: a copy without its copy term is named where copies are marked, not in an older database") {
    fs::path db = indexed_sample("check-copy-term");
    const std::string copy_term(schema::kCopyTerm);
    {
        Xapian::WritableDatabase writable(db.string());
        REQUIRE(writable.get_termfreq(copy_term) > 0);  // the sample has wire copies
        Xapian::docid copy = *writable.postlist_begin(copy_term);
        Xapian::Document unmarked = writable.get_document(copy);
        unmarked.remove_term(copy_term);
        writable.replace_document(copy, unmarked);
        writable.commit();
    }
    CheckReport marked = check_index(db);
    REQUIRE(marked.problems.size() == 1);
    CHECK(marked.problems[0].find("term '" + copy_term + "' of the stored fields is missing") != std::string::npos);

    Xapian::WritableDatabase(db.string()).set_metadata(std::string(schema::kCopiesMarkedKey), "");
    CHECK(check_index(db).problems.empty());
}

// Issue 18: --check on a sharded archive printed Xapian's "Directory does
// not contain a Xapian database"; a file as --db, "/etc/hostname:1: Bad line".
TEST_CASE("index check: every shard of an archive, and plain words for what is not a database") {
    fs::path archive = test::scratch_dir("check-archive") / "db";
    IndexOptions options;
    options.db_dir = archive;
    options.inputs = {test::sample("reuters21578")};
    index_sharded(options, 3, {});
    CheckReport report = check_index(archive);
    CHECK(report.articles == 1000);
    CHECK(report.problems.empty());

    fs::path dir = test::scratch_dir("check-not-a-database");
    test::write_file(dir / "notes.txt", "not a database\n");
    CHECK_THROWS_WITH_AS(check_index(dir / "notes.txt"), ("'" + (dir / "notes.txt").string() + "' is a file, not a database").c_str(),
                         DatabaseError);
    CHECK_THROWS_WITH_AS(check_index(dir), ("'" + dir.string() + "' holds no Xapian database").c_str(), DatabaseError);
    CHECK_THROWS_WITH_AS(check_index(dir / "nowhere"), ("no database at '" + (dir / "nowhere").string() + "'").c_str(),
                         DatabaseError);
}

}  // TEST_SUITE

// A database written before the filter guard existed: gaps in its document
// numbers and a term in every document make Xapian 1.4.22 fail filters
// (common/archive_layout.h); --check must say so, and a write must mend it.
TEST_CASE("index check: a database that lacks the filter guard is named, and the next write adds it") {
    fs::path db = test::scratch_dir("unguarded") / "db";
    {
        Xapian::WritableDatabase writable(db.string(), Xapian::DB_CREATE);
        for (int i = 0; i < 3; ++i) {
            Xapian::Document doc;
            doc.add_boolean_term("Len");
            writable.add_document(doc);
        }
        writable.delete_document(2);  // a gap, without the guard this version would add
        writable.commit();
    }
    CheckReport before = check_index(db);
    REQUIRE_FALSE(before.problems.empty());
    CHECK(before.problems.front().find("a term indexes every document") != std::string::npos);
    {
        IndexWriter writer(db);
        writer.commit();
    }
    Xapian::Database mended(db.string());
    CHECK_FALSE(lacks_filter_guard(mended));
    CHECK(mended.get_termfreq("Len") < mended.get_doccount());
}
