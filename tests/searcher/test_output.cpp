// Printing results: the TREC run form.
#include "searcher/output.h"

#include "searcher/csv_output.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace gazette;

TEST_SUITE("searcher") {

TEST_CASE("output: a TREC run's scores never rise down the list") {
    SearchResults results;
    for (auto [id, score] : {std::pair{"a", 5.0}, {"b", 7.5}, {"c", 2.0}}) {
        Hit hit;
        hit.rank = results.hits.size() + 1;
        hit.score = score;
        hit.article.id = id;
        results.hits.push_back(hit);
    }
    std::ostringstream out;
    print_trec(out, results, "q7", "tag");
    // Regression guard: trec_eval sorts by score, so "b" (tier two, scored
    // above tier one's "a") must not overtake it.
    CHECK(out.str() == "q7 Q0 a 1 5.000000 tag\nq7 Q0 b 2 4.999990 tag\nq7 Q0 c 3 2.000000 tag\n");
}

TEST_CASE("output: CSV fields are quoted only when they need it, quotes doubled") {
    CHECK(csv_record({"1", "plain", ""}) == "1,plain,\r\n");
    CHECK(csv_record({"a,b", "say \"hi\"", "two\nlines"}) == "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
}

TEST_CASE("output: --all streams CSV rows or JSON lines, nothing else") {
    Hit hit;
    hit.rank = 3;
    hit.article.id = "17";
    hit.article.title = "OIL, GAS";
    std::ostringstream csv;
    HitStream rows(csv, OutputFormat::csv);
    rows.write(hit);
    CHECK(csv.str() == "rank,id,score,date,source,title,copies_hidden,snippet\r\n3,17,0,,,\"OIL, GAS\",0,\r\n");
    std::ostringstream json;
    HitStream lines(json, OutputFormat::json);
    lines.write(hit);
    CHECK(json.str().starts_with("{\"rank\":3,\"id\":\"17\""));
    std::ostringstream text;
    CHECK_THROWS_AS(HitStream(text, OutputFormat::text), std::invalid_argument);
}

TEST_CASE("output: --all prints its header with the first hit, or at the end of a search without hits") {
    std::ostringstream csv;
    HitStream rows(csv, OutputFormat::csv);
    CHECK(csv.str().empty());  // a search that fails now (a malformed query) leaves stdout empty
    rows.finish();
    CHECK(csv.str() == "rank,id,score,date,source,title,copies_hidden,snippet\r\n");
    std::ostringstream json;
    HitStream lines(json, OutputFormat::json, HitLayout::articles, "{\"query\":\"oil\"}");
    CHECK(json.str().empty());
    lines.finish();
    CHECK(json.str() == "{\"spec\":{\"query\":\"oil\"}}\n");
}

}  // TEST_SUITE
