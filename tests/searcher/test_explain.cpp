// --explain: the parts of a score, per query term.
#include "searcher/explain.h"
#include "indexer/index_writer.h"
#include "searcher/search_features.h"
#include "searcher/searcher.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace gazette;

TEST_SUITE("searcher") {

TEST_CASE("explain: index terms as people write them") {
    CHECK(readable_term("Zcocoa") == "cocoa");
    CHECK(readable_term("cocoa") == "cocoa");
    CHECK(readable_term("ZScocoa") == "title:cocoa");
    CHECK(readable_term("Scocoa") == "title:cocoa");
    CHECK(readable_term("XLsalvador") == "location:salvador");
}

TEST_CASE("explain: the parts of each hit's score add up to the score") {
    auto dir = test::scratch_dir("explain-db");
    {
        IndexWriter writer(dir);
        const char* bodies[] = {"cocoa harvest in bahia", "cocoa prices", "the harvest was late", "cocoa cocoa"};
        int id = 0;
        for (const char* body : bodies) {
            Article article;
            article.id = std::to_string(++id);
            article.body = body;
            article.title = id == 2 ? "Cocoa" : "";
            writer.write(article);
        }
        writer.commit();
    }
    Searcher searcher({dir});
    SearchOptions options;
    FeatureSettings wanted;
    wanted.set(ExplainSettings{true});
    options.features = make_features(wanted, options);
    SearchResults results = searcher.search("cocoa harvest title:cocoa", options);
    REQUIRE(results.hits.size() == 4);
    for (const Hit& hit : results.hits) {
        CAPTURE(hit.article.id);
        double sum = 0;
        for (const auto& part : hit.features.get<Explanation>()) sum += part.weight;
        CHECK(std::abs(sum - hit.score) < 1e-9);
        std::vector<std::string> terms;
        for (const auto& part : hit.features.get<Explanation>()) terms.push_back(part.term);
        std::sort(terms.begin(), terms.end());
        if (hit.article.id == "1") CHECK(terms == std::vector<std::string>{"cocoa", "harvest"});
        if (hit.article.id == "2") CHECK(terms == std::vector<std::string>{"cocoa", "title:cocoa"});
        if (hit.article.id == "3") CHECK(terms == std::vector<std::string>{"harvest"});
    }
}

}  // TEST_SUITE
