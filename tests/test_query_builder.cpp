// Query building: the user's words go through the article analysis, query
// syntax does not.
#include "common/query_builder.h"

#include <doctest/doctest.h>

using namespace gazette;

TEST_SUITE("common") {

TEST_CASE("query builder: words are folded, operators and exact values are not") {
    Analyzer analyzer;
    QueryBuilder builder(analyzer);
    CHECK(builder.fold("COLOMBIA AND (Perú OR U.S.)") == "colombia AND (peru OR us)");
    CHECK(builder.fold("NATO NEAR/3 Bogotá") == "nato NEAR/3 bogota");
    // Regression: ids were case-folded, so id:Reut-17 looked for "Qreut-17".
    CHECK(builder.fold("id:Reut-17 Place:USA") == "id:Reut-17 place:usa");
}

TEST_CASE("query builder: tiers differ only when the words could combine either way") {
    Analyzer analyzer;
    QueryBuilder builder(analyzer);
    CHECK(builder.build("colombia").single_tier());
    CHECK(builder.build("colombia AND nato").single_tier());
    CHECK(builder.build("\"non-NATO ally\"").single_tier());
    TieredQuery two_words = builder.build("colombia nato");
    CHECK_FALSE(two_words.single_tier());
    CHECK(two_words.all.get_description() == "Query((Zcolombia@1 AND Znato@2))");
    CHECK(two_words.any.get_description() == "Query((Zcolombia@1 OR Znato@2))");
}

TEST_CASE("query builder: fields map to the schema's prefixes") {
    Analyzer analyzer;
    QueryBuilder builder(analyzer);
    CHECK(builder.build("title:Cocoa").any.get_description() == "Query(ZScocoa@1)");
    CHECK(builder.build("place:El-Salvador").any.get_description() == "Query(0 * XPel-salvador)");
    CHECK(builder.build("id:17980").any.get_description() == "Query(0 * Q17980)");
}

TEST_CASE("query builder: a malformed query is a QueryError") {
    Analyzer analyzer;
    QueryBuilder builder(analyzer);
    CHECK_THROWS_AS(builder.build("colombia AND"), QueryError);
}

}  // TEST_SUITE
