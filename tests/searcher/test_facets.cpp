// Facet counts: each value, typed back as a filter, finds as many articles as
// the facet counted, however the value was spelled in the articles.
#include "searcher/facets.h"

#include "common/analyzer.h"
#include "searcher/query_builder.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

using namespace gazette;

namespace {

std::map<std::string, Xapian::doccount> counts_of(const FacetResult& facet) {
    std::map<std::string, Xapian::doccount> counts;
    for (const FacetCount& value : facet.counts) counts[value.value] = value.count;
    return counts;
}

}  // namespace

TEST_CASE("facets count the spellings of a tag as one value, as its filter does") {
    // Regression: "Reuters" and "REUTERS" were two facet values of 2 and 1
    // articles while source:Reuters found all 3.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Analyzer analyzer;
    const auto add = [&](const char* source, std::vector<std::string> topics, std::vector<std::string> places) {
        Article article;
        article.id = std::to_string(db.get_doccount() + 1);
        article.body = "x";
        article.source = source;
        article.topics = std::move(topics);
        article.places = std::move(places);
        Xapian::Document doc;
        analyzer.index_article(article, doc);
        db.add_document(doc);
    };
    add("Reuters", {"Crude Oil"}, {"Côte d'Ivoire"});
    add("Reuters", {"crude oil", "CRUDE OIL"}, {"cote d'ivoire"});  // two spellings in one article count once
    add("REUTERS", {"grain"}, {"Côte d'Ivoire"});
    add("AP", {"Grain", "Grain"}, {"El Salvador"});  // a tag given twice counts once (Reuters has such)

    const Facet facets[] = {Facet::source, Facet::topic, Facet::place};
    const std::vector<FacetResult> results = count_facets(db, Xapian::Query::MatchAll, facets);
    REQUIRE(results.size() == 3);
    // Each shown in its most frequent spelling (the first in byte order on a tie).
    CHECK(counts_of(results[0]) == std::map<std::string, Xapian::doccount>{{"Reuters", 3}, {"AP", 1}});
    CHECK(counts_of(results[1]) == std::map<std::string, Xapian::doccount>{{"Crude Oil", 2}, {"Grain", 2}});
    CHECK(counts_of(results[2]) == std::map<std::string, Xapian::doccount>{{"Côte d'Ivoire", 3}, {"El Salvador", 1}});

    QueryBuilder builder(analyzer, db);
    for (const FacetResult& facet : results) {
        for (const FacetCount& value : facet.counts) {
            const std::string query = std::string(name_of(facet.facet)) + ":\"" + value.value + "\"";
            CAPTURE(query);
            CHECK(test::matching_docids(db, builder.build(query).any).size() == value.count);
        }
    }
}
