// newsbench eval's grid file and --collection values.
#include "bench/grid.h"

#include "common/command_line.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace gazette;

TEST_SUITE("bench") {

TEST_CASE("read_grid: one setting a line, over the base ranking") {
    auto file = test::scratch_dir("grid") / "grid";
    test::write_file(file, "# BM25 first: the baseline\n--weighting bm25 --feedback-docs 0\n\n  (default)\n--k1 0.9 --b 0.4\n");
    RankingOptions base;
    base.feedback_terms = 7;
    auto grid = read_grid(file, base);
    REQUIRE(grid.size() == 3);
    CHECK(grid[0].label == "--weighting bm25 --feedback-docs 0");
    CHECK(grid[0].ranking.weighting == Weighting::bm25);
    CHECK(grid[0].ranking.feedback_docs == 0);
    CHECK(grid[0].ranking.feedback_terms == 7);  // what the line leaves alone is the base's
    CHECK(grid[1].label == "(default)");
    CHECK(grid[1].ranking.weighting == base.weighting);
    CHECK(grid[2].ranking.k1 == doctest::Approx(0.9));
    CHECK(grid[2].ranking.b == doctest::Approx(0.4));

    SUBCASE("a bad option names the file and line") {
        test::write_file(file, "--weighting bm25\n--weighting bm26\n");
        CHECK_THROWS_WITH_AS(read_grid(file, base), doctest::Contains((file.string() + ":2: ").c_str()), UsageError);
    }
}

TEST_CASE("parse_collection: NAME=DB,TOPICS,QRELS") {
    JudgedCollection collection = parse_collection("npl=db/npl,data/topics.tsv,data/qrels");
    CHECK(collection.name == "npl");
    REQUIRE(collection.db.size() == 1);
    CHECK(collection.db.front() == "db/npl");
    CHECK(collection.topics == "data/topics.tsv");
    CHECK(collection.qrels == "data/qrels");
    CHECK_THROWS_AS(parse_collection("db,topics,qrels"), UsageError);
    CHECK_THROWS_AS(parse_collection("npl=db,topics"), UsageError);
    CHECK_THROWS_AS(parse_collection("npl=db,topics,qrels,more"), UsageError);
}

}  // TEST_SUITE
