// Writing the index: ids are unique, re-indexing replaces, and a run reports
// what it did.
#include "indexer/index_writer.h"
#include "common/archive_layout.h"
#include "common/schema.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

using namespace gazette;
namespace fs = std::filesystem;

TEST_SUITE("indexer") {

TEST_CASE("index writer: the same id replaces the article and its old terms") {
    fs::path dir = test::scratch_dir("replace");
    Article article;
    article.id = "a1";
    article.body = "coffee harvest";
    {
        IndexWriter writer(dir);
        CHECK(writer.write(article) == WriteOutcome::added);
        article.body = "cocoa harvest";
        CHECK(writer.write(article) == WriteOutcome::replaced);
        writer.commit();
    }
    Xapian::Database db(dir.string());
    CHECK(article_count(db) == 1);
    CHECK(db.term_exists("cocoa"));
    CHECK_FALSE(db.term_exists("coffee"));
}

TEST_CASE("index writer: a new database marks its copies and says so, one built before marking stays unmarked") {
    fs::path dir = test::scratch_dir("copies-marked");
    Article first, copy;
    first.id = "first";
    copy.id = "copy";
    first.body = copy.body = "cocoa harvest";
    const std::string mark_key(schema::kCopiesMarkedKey), copy_term(schema::kCopyTerm);
    {
        IndexWriter writer(dir);
        writer.write(first, ClusterMark{0, "first"});
        writer.write(copy, ClusterMark{0, "first"});
        writer.commit();
    }
    {
        Xapian::WritableDatabase db(dir.string());
        CHECK(db.get_metadata(mark_key) == "1");
        CHECK(db.get_termfreq(copy_term) == 1);
        db.set_metadata(mark_key, "");  // as a database built before copies were marked
        db.commit();
    }
    IndexWriter writer(dir);
    copy.id = "copy2";
    writer.write(copy, ClusterMark{0, "first"});
    writer.commit();
    CHECK(Xapian::Database(dir.string()).get_metadata(mark_key).empty());
}

TEST_CASE("index writer: indexing the bundled sample twice gives 1,001 articles") {
    fs::path dir = test::scratch_dir("twice");
    IndexOptions options;
    options.db_dir = dir;
    options.inputs = {test::sample("")};
    std::vector<Diagnostic> errors;
    auto collect = [&](const Diagnostic& d) {
        if (d.severity == Severity::error) errors.push_back(d);
    };

    IndexSummary first = index_inputs(options, collect);
    CHECK(first.added == 1001);
    CHECK(first.replaced == 0);
    IndexSummary second = index_inputs(options, collect);
    CHECK(second.added == 0);
    CHECK(second.replaced == 1001);
    CHECK(errors.empty());
    CHECK(article_count(Xapian::Database(dir.string())) == 1001);
    CHECK(describe(second).find("indexed 1001 articles (0 new, 1001 replaced)") == 0);
}

TEST_CASE("index writer: a record without a body is skipped with its place and the run goes on") {
    fs::path dir = test::scratch_dir("skip");
    fs::path input = dir / "in.jsonl";
    {
        std::ofstream out(input);
        out << R"({"id": "1", "body": "first"})" << "\n"
            << R"({"id": "2", "title": "no body"})" << "\n"
            << R"({"id": "3", "body": "third"})" << "\n";
    }
    IndexOptions options;
    options.db_dir = dir / "db";
    options.inputs = {input};
    std::vector<Diagnostic> errors;
    IndexSummary summary = index_inputs(options, [&](const Diagnostic& d) { errors.push_back(d); });
    CHECK(summary.added == 2);
    CHECK(summary.skipped == 1);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].line == 2);
    CHECK(errors[0].to_string().find("in.jsonl:2: error:") != std::string::npos);
}

TEST_CASE("index writer: the summary counts skips and warnings by reason, not by value") {
    fs::path dir = test::scratch_dir("reasons");
    fs::path input = dir / "in.jsonl";
    test::write_file(input, R"({"id": "1", "body": "one", "tags": 7})" "\n"
                            R"({"id": "2", "body": "two", "tags": {"x": 1}})" "\n"
                            R"({"id": "3", "body": "three", "date": "soon"})" "\n"
                            R"({"id": "4", "body": "four", "date": "later"})" "\n");
    IndexOptions options;
    options.db_dir = dir / "db";
    options.inputs = {input};
    const IndexSummary summary = index_inputs(options, [](const Diagnostic&) {});
    CHECK(summary.added == 2);
    CHECK(summary.skip_reasons == std::map<std::string, std::size_t>{{"field \"tags\" must be an array of strings", 2}});
    CHECK(summary.warning_reasons == std::map<std::string, std::size_t>{{reasons::unparseable_date, 2}});
    const std::string text = describe(summary);
    CHECK(text.find("  skipped 2: field \"tags\" must be an array of strings\n") != std::string::npos);
    CHECK(text.find(std::string("  warnings 2: ") + reasons::unparseable_date + "\n") != std::string::npos);
}

TEST_CASE("index writer: the summary says 1 article and 1 warning in the singular") {
    IndexSummary one;
    one.added = 1;
    one.warnings = 1;
    CHECK(describe(one).starts_with("indexed 1 article (1 new, 0 replaced), skipped 0, 1 warning, in 0.00 s\n"));
    IndexSummary two;
    two.added = 2;
    CHECK(describe(two).starts_with("indexed 2 articles (2 new, 0 replaced), skipped 0, 0 warnings, in "));
}

TEST_CASE("index writer: --strict fails on the first skip and writes nothing of its batch") {
    fs::path dir = test::scratch_dir("strict");
    // Batches of two: 1-2 are whole and clean, 3-4 holds the broken record 4.
    fs::path input = test::testdata("jsonl/strict-batches.jsonl");
    IndexOptions options;
    options.db_dir = dir / "db";
    options.inputs = {input};
    options.commit_every = 2;
    options.threads = 1;  // batches are committed as they fill only in a serial build
    options.on_skip = SkipPolicy::fail;
    CHECK_THROWS_WITH_AS(index_inputs(options, [](const Diagnostic&) {}),
                         ("--strict: a record was skipped, so nothing of its batch was written: " + input.string() +
                          ":4: error: empty body")
                             .c_str(),
                         StrictError);
    Xapian::Database db((dir / "db").string());
    CHECK(article_count(db) == 2);
    CHECK(db.term_exists(std::string(schema::kIdPrefix) + "2"));
    CHECK_FALSE(db.term_exists(std::string(schema::kIdPrefix) + "3"));

    SUBCASE("without --strict the same input is indexed but for the broken record") {
        options.on_skip = SkipPolicy::go_on;
        CHECK(index_inputs(options, [](const Diagnostic&) {}).added == 2);  // 1 and 2 are replaced
        CHECK(article_count(Xapian::Database((dir / "db").string())) == 4);
    }
}

TEST_CASE("index writer: --strict in a parallel build leaves the new database empty") {
    fs::path dir = test::scratch_dir("strict-parallel");
    fs::path input = dir / "in.jsonl";
    test::write_file(input, R"({"id": "1", "body": "one"})" "\n"
                            R"({"id": "2", "title": "no body"})" "\n"
                            R"({"id": "3", "body": "three"})" "\n");
    IndexOptions options;
    options.db_dir = dir / "db";
    options.inputs = {input};
    options.threads = 2;
    options.on_skip = SkipPolicy::fail;
    CHECK_THROWS_AS(index_inputs(options, [](const Diagnostic&) {}), StrictError);
    CHECK(article_count(Xapian::Database((dir / "db").string())) == 0);
    CHECK_FALSE(fs::exists(dir / "db" / "gazette-build"));
}

// Issue 18: a missing input left an empty database behind, and a --db
// folder of other files was written into.
TEST_CASE("index writer: what cannot be done is refused before anything is written") {
    fs::path dir = test::scratch_dir("refused");
    IndexOptions options;
    options.db_dir = dir / "db";
    options.inputs = {dir / "nonexistent"};
    CHECK_THROWS_AS(index_inputs(options, {}), InputError);
    CHECK_FALSE(fs::exists(dir / "db"));

    test::write_file(dir / "photos" / "cat.jpg", "jpeg");
    options.db_dir = dir / "photos";
    options.inputs = {test::sample("reuters21578")};
    CHECK_THROWS_WITH_AS(index_inputs(options, {}),
                         ("'" + (dir / "photos").string() + "' holds other files (cat.jpg) and no database: name a new "
                                                             "or empty folder").c_str(),
                         DatabaseError);
    CHECK(std::distance(fs::directory_iterator(dir / "photos"), fs::directory_iterator()) == 1);
    CHECK_THROWS_WITH_AS(check_database_folder(dir / "photos" / "cat.jpg"),
                         ("'" + (dir / "photos" / "cat.jpg").string() + "' is a file, not a database folder: name a "
                                                                       "folder").c_str(),
                         DatabaseError);
    CHECK_NOTHROW(check_database_folder(dir / "new"));
}

}  // TEST_SUITE
