// Printing results: the TREC run form.
#include "searcher/output.h"

#include "searcher/characteristic_terms.h"
#include "searcher/concordance.h"
#include "searcher/csv_output.h"
#include "searcher/explain.h"
#include "searcher/facets.h"
#include "searcher/pickup.h"
#include "searcher/timeline.h"

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
    HitStream lines(json, OutputFormat::json, nullptr, "{\"query\":\"oil\"}");
    CHECK(json.str().empty());
    lines.finish();
    CHECK(json.str() == "{\"spec\":{\"query\":\"oil\"}}\n");
}

TEST_CASE("output: a JSON hit carries its url, byline, the highlights in characters and a fallback title") {
    // Issue 17: JSON hits lacked url and byline, highlights were text-only,
    // and an untitled article had an empty title.
    Hit hit;
    hit.article.id = "7";
    hit.article.body = "Café prices rose. Traders said so.";
    hit.article.byline = "By A. Writer";
    hit.article.url = "https://example.com/7";
    hit.snippet.text = "Café prices rose";
    hit.snippet.highlights = {{6, 12}};  // "prices", after the two-byte "é"
    std::ostringstream json;
    HitStream(json, OutputFormat::json).write(hit);
    std::string line = json.str();
    CHECK(line.find("\"title\":\"Café prices rose.\",\"title_is_fallback\":true") != std::string::npos);
    CHECK(line.find("\"byline\":\"By A. Writer\",\"url\":\"https://example.com/7\"") != std::string::npos);
    CHECK(line.find("\"highlights\":[[5,11]]") != std::string::npos);

    hit.article.title = "Cafe";
    hit.article.url.clear();
    std::ostringstream titled;
    HitStream(titled, OutputFormat::json).write(hit);
    CHECK(titled.str().find("title_is_fallback") == std::string::npos);
    CHECK(titled.str().find("\"url\"") == std::string::npos);
}

TEST_CASE("output: a total past its exact bound is a lower bound, and says what it counts") {
    // Issue 17: "about 1000 matches" for 11,544 articles.
    SearchResults results;
    results.query = "date:1987";
    results.total = 10000;
    results.total_relation = SearchResults::Relation::gte;
    results.total_counts = SearchResults::Counts::stories;
    std::ostringstream text;
    print_text(text, results, {});
    CHECK(text.str() == "more than 10,000 matches\n");
    std::ostringstream json;
    print_json(json, results);
    CHECK(json.str().starts_with(
        "{\"query\":\"date:1987\",\"total\":10000,\"total_relation\":\"gte\",\"total_counts\":\"stories\","));
    std::ostringstream count;
    OutputOptions only_count;
    only_count.range = HitRange::count;
    results.total = 21157;
    results.total_relation = SearchResults::Relation::eq;
    print_results(count, results, only_count);
    CHECK(count.str() == "21157\n");
}

TEST_CASE("output: each feature prints its own results, in registry order, where output used to put them") {
    // Issue 16 part 3: output names no feature; each prints through its
    // FeatureOutput (searcher/feature_output.h). The places and order of
    // before are kept: a hit's pickup before its explanation (text and
    // JSON, then "kwic"), the pickup columns from the first hit, and the
    // facets, timeline and terms after the hits and before the notes.
    SearchResults results;
    results.query = "cocoa";
    results.total = 1;
    results.total_counts = SearchResults::Counts::stories;
    Hit hit;
    hit.rank = 1;
    hit.score = 2;
    hit.article.id = "7";
    hit.article.title = "Cocoa";
    hit.features.set(Pickup{2, std::nullopt, {"AP", "Reuters"}});
    hit.features.set(Explanation{{"cocoa", 2}});
    hit.features.set(KeywordsInContext{{"the", "cocoa", "crop"}});
    results.hits = {hit};
    results.features.set(FacetResults{{Facet::source, {{"AP", 1}}}});
    results.features.set(Timeline{TimelineUnit::year, {{"1987", 1, 2}}});
    results.features.set(CharacteristicTerms{{"crop", 1.5, 1, 3}});
    results.notes = {"a note"};

    std::ostringstream json;
    print_json(json, results);
    const std::string line = json.str();
    const std::vector<std::string_view> keys = {"\"copies_hidden\"", "\"pickup\"",   "\"explain\"",
                                                "\"kwic\"",          "\"facets\"",   "\"timeline\"",
                                                "\"top_terms\"",     "\"notes\"",    "\"did_you_mean\""};
    for (std::size_t i = 1; i < keys.size(); ++i) {
        CAPTURE(keys[i]);
        REQUIRE(line.find(keys[i]) != std::string::npos);
        CHECK(line.find(keys[i - 1]) < line.find(keys[i]));
    }

    std::ostringstream text;
    print_text(text, results, {});
    const std::string shown = text.str();
    CHECK(shown.find("     carried: 2 copies, 2 outlets (AP, Reuters)\n     explain: cocoa 2\n") != std::string::npos);
    CHECK(shown.find("1 match, showing 1-1 (stories: near-duplicates counted once)\nnote: a note\n\n"
                     "facets (articles: every copy counted)\n  source  AP 1\n\ntimeline (articles per year)\n") !=
          std::string::npos);
    CHECK(shown.ends_with("\ncharacteristic terms (articles: matching / all)\n  crop  1 / 3\n"));

    std::ostringstream csv;
    OutputOptions as_csv;
    as_csv.format = OutputFormat::csv;
    print_results(csv, results, as_csv);
    CHECK(csv.str().starts_with("rank,id,score,date,source,title,copies_hidden,snippet,copies,first_date,outlets\r\n"
                                "1,7,2,,,Cocoa,0,,2,,AP; Reuters\r\n\r\nfacet,value,count\r\nsource,AP,1\r\n\r\n"
                                "year,count,all,share\r\n1987,1,2,0.500000\r\n\r\nterm,weight,matches,archive\r\n"));
}

}  // TEST_SUITE
