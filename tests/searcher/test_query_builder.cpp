// Query building: the user's words go through the article analysis, query
// syntax does not.
#include "searcher/query_builder.h"

#include "common/schema.h"
#include "common/synonyms.h"
#include "searcher/facets.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <set>
#include <vector>

using namespace gazette;

namespace {
// An in-memory database with one article in each of `languages`.
Xapian::WritableDatabase database_in(std::initializer_list<const char*> languages) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const char* code : languages) {
        Xapian::Document doc;
        doc.add_boolean_term(std::string(gazette::schema::kLanguagePrefix) + code);
        db.add_document(doc);
    }
    return db;
}
}  // namespace

TEST_SUITE("searcher") {

TEST_CASE("query builder: words are folded, operators and exact values are not") {
    Analyzer analyzer;
    QueryBuilder builder(analyzer, Xapian::Database());
    CHECK(builder.fold(parse_query("COLOMBIA AND (Perú OR U.S.)")) == "colombia AND (peru OR us)");
    CHECK(builder.fold(parse_query("NATO NEAR/3 Bogotá")) == "nato NEAR/3 bogota");
    // Regression: ids were case-folded, so id:Reut-17 looked for "Qreut-17".
    CHECK(builder.fold(parse_query("id:Reut-17 Place:USA")) == "id:Reut-17 place:\"usa\"");
}

TEST_CASE("query builder: tiers differ only when the words could combine either way") {
    Analyzer analyzer;
    QueryBuilder builder(analyzer, Xapian::Database());
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
    QueryBuilder builder(analyzer, Xapian::Database());
    CHECK(builder.build("title:Cocoa").any.get_description() == "Query(ZScocoa@1)");
    CHECK(builder.build("place:El-Salvador").any.get_description() == "Query(0 * XPel-salvador)");
    CHECK(builder.build("id:17980").any.get_description() == "Query(0 * Q17980)");
}

TEST_CASE("query builder: a malformed query is a QueryError") {
    Analyzer analyzer;
    QueryBuilder builder(analyzer, Xapian::Database());
    CHECK_THROWS_AS(builder.build("colombia AND"), QueryError);
    // Regression: a date field Xapian finds where the query tree sees a word
    // crashed newssearch (its processor threw through Xapian's parser).
    CHECK_THROWS_WITH(builder.build("+:date:x"), "bad date 'x': expected YYYY, YYYY-MM or YYYY-MM-DD");
    CHECK_THROWS_AS(builder.build("oil +:date:1987-13"), QueryError);
}

TEST_CASE("query builder: dates filter, in any field case, inside brackets too") {
    Analyzer analyzer;
    QueryBuilder builder(analyzer, Xapian::Database());
    CHECK(builder.build("Date:1987-03").any.get_description() == "Query(0 * M198703)");
    CHECK(builder.build("oil date:1987 after:1987-03").any.get_description() ==
          "Query((Zoil@1 FILTER (VALUE_GE 0 19870401 AND Y1987)))");
    CHECK(builder.build("(oil date:1987) OR gas").any.get_description() ==
          "Query(((Zoil@1 FILTER Y1987) OR Zgas@2))");
}

TEST_CASE("query builder: a filter standing at the top of the query filters all of it") {
    // Four stories: cocoa and coffee, from Brazil and elsewhere.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::pair<const char*, const char*> stories[] = {
        {"cocoa", "brazil"}, {"coffee", "brazil"}, {"cocoa", "ghana"}, {"coffee", "colombia"}};
    for (const auto& [word, place] : stories) {
        Xapian::Document doc;
        doc.add_term("Z" + Xapian::Stem("en")(word));
        doc.add_boolean_term(std::string(gazette::schema::kPlacePrefix) + place);
        db.add_document(doc);
    }
    Analyzer analyzer;
    QueryBuilder builder(analyzer, db);
    const auto matches = [&](const std::string& query) {
        return test::matching_docids(db, builder.build(query).any);
    };
    const std::pair<std::string, std::set<Xapian::docid>> cases[] = {
        // Xapian alone reads these as cocoa OR (coffee in Brazil), and cocoa
        // but not coffee from Brazil.
        {"cocoa OR coffee place:brazil", {1, 2}},
        {"cocoa NOT coffee place:brazil", {1}},
        {"cocoa OR coffee -place:brazil", {3, 4}},
        {"cocoa OR coffee place:ghana place:colombia", {3, 4}},  // one field's values are ORed
        {"cocoa coffee place:brazil", {1, 2}},
        // Inside brackets, or as an operand, a filter stays where it is.
        {"(cocoa place:brazil) OR coffee", {1, 2, 4}},
        {"cocoa OR place:brazil", {1, 2, 3}},
        {"place:brazil", {1, 2}},
    };
    for (const auto& [query, expected] : cases) {
        CAPTURE(query);
        CHECK(matches(query) == expected);
    }
}

TEST_CASE("query builder: a query that only excludes finds every other article") {
    // Five stories: Peru, Chile, Peru and Chile, Bolivia (from the BBC), and
    // one placed in Peru.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::pair<std::vector<const char*>, const char*> stories[] = {
        {{"peru"}, "reuters"}, {{"chile"}, "reuters"}, {{"peru", "chile"}, "reuters"}, {{"bolivia"}, "bbc"}, {{"lima"}, "reuters"}};
    for (const auto& [words, source] : stories) {
        Xapian::Document doc;
        for (const char* word : words) doc.add_term("Z" + Xapian::Stem("en")(word));
        doc.add_boolean_term(std::string(gazette::schema::kSourcePrefix) + source);
        if (std::string(words.front()) == "lima") doc.add_boolean_term(std::string(gazette::schema::kPlacePrefix) + "peru");
        db.add_document(doc);
    }
    Analyzer analyzer;
    QueryBuilder builder(analyzer, db);
    const auto matches = [&](const std::string& query) {
        TieredQuery tiers = builder.build(query);
        CHECK(tiers.single_tier());
        return test::matching_docids(db, tiers.any);
    };
    // Regression (issue 17): Xapian read "-peru" alone as "peru" (newssearch
    // -- -peru listed the 67 Reuters articles that contain it).
    const std::pair<std::string, std::set<Xapian::docid>> cases[] = {
        {"-peru", {2, 4, 5}},
        {"NOT peru", {2, 4, 5}},
        {"-peru -chile", {4, 5}},
        {"NOT (peru OR chile)", {4, 5}},
        {"-\"peru chile\"", {1, 2, 3, 4, 5}},  // no story has the phrase (no positions)
        {"-place:peru", {1, 2, 3, 4}},
        {"-peru source:reuters", {2, 5}},
        {"NOT peru source:reuters", {2, 5}},
        // Not only excluding: as before.
        {"chile -peru", {2}},
        {"source:bbc -peru", {4}},
        {"-", {}},  // a dash excludes nothing
    };
    for (const auto& [query, expected] : cases) {
        CAPTURE(query);
        CHECK(matches(query) == expected);
    }
}

TEST_CASE("query builder: a tag filter finds what its value, as shown, names") {
    // Regression (issue 17 part 3): the facet showed "The Daily Test", but
    // source:"The Daily Test" found nothing; only source:the-daily-test did.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Analyzer analyzer;
    const auto add = [&](const char* source, const char* byline, const char* language, std::vector<std::string> topics,
                         std::vector<std::string> places) {
        Article article;
        article.id = std::to_string(db.get_doccount() + 1);
        article.body = "x";
        article.source = source;
        article.byline = byline;
        article.language = language;
        article.topics = std::move(topics);
        article.places = std::move(places);
        Xapian::Document doc;
        analyzer.index_article(article, doc);
        db.add_document(doc);
    };
    add("The Daily Test", "José Núñez, Staff", "de", {"Crude Oil"}, {"Côte d'Ivoire"});
    add("Reuters", "Jane O'Brien", "en", {"grain"}, {"El Salvador", "U.S."});
    QueryBuilder builder(analyzer, db);
    const auto matches = [&](const std::string& query) { return test::matching_docids(db, builder.build(query).any); };

    // (filter as typed, the articles it finds): each field's value as a
    // facet, a hit or a CSV column shows it, quoted or not, in other case,
    // without accents, and as the older hyphenated form.
    const std::pair<std::string, std::set<Xapian::docid>> cases[] = {
        {"source:\"The Daily Test\"", {1}},
        {"source:\"the DAILY test\"", {1}},
        {"source:the-daily-test", {1}},
        {"source:Reuters", {2}},
        {"source:\"Reuters\"", {2}},
        {"(source:\"The Daily Test\" OR source:Reuters)", {1, 2}},
        {"-source:\"The Daily Test\"", {2}},
        {"topic:\"Crude Oil\"", {1}},
        {"topic:crude-oil", {1}},
        {"topic:GRAIN", {2}},
        {"place:\"Côte d'Ivoire\"", {1}},
        {"place:\"cote d'ivoire\"", {1}},
        {"place:\"El Salvador\"", {2}},
        {"place:U.S.", {2}},
        {"place:\"US\"", {2}},
        {"lang:de", {1}},
        {"lang:\"EN\"", {2}},
        {"byline:\"José Núñez, Staff\"", {1}},
        {"byline:\"jose nunez\"", {1}},
        {"byline:Núñez", {1}},
        {"byline:\"Jane O'Brien\"", {2}},
        {"byline:\"Jane O’Brien\"", {2}},  // a typographic apostrophe
    };
    for (const auto& [query, expected] : cases) {
        CAPTURE(query);
        CHECK(matches(query) == expected);
    }

    // Every facet value, typed back as a filter, finds the articles counted.
    const Facet facets[] = {Facet::source, Facet::topic, Facet::place, Facet::language};
    for (const FacetResult& facet : count_facets(db, Xapian::Query::MatchAll, facets)) {
        for (const FacetCount& value : facet.counts) {
            std::string query = std::string(name_of(facet.facet)) + ":\"" + value.value + "\"";
            CAPTURE(query);
            CHECK(matches(query).size() == value.count);
        }
    }
}

TEST_CASE("query builder: NEAR keeps its window") {
    Analyzer analyzer;
    QueryBuilder builder(analyzer, Xapian::Database());
    // Xapian counts the window in positions: within 3 words is a window of 4.
    CHECK(builder.build("oil NEAR/3 gas").any.get_description() == "Query((oil@1 NEAR 4 gas@2))");
}

TEST_CASE("query builder: lower-case operators count only in a query with parentheses") {
    Analyzer analyzer;
    QueryBuilder builder(analyzer, Xapian::Database());
    // A sentence stays a bag of words: "not" and "in" are words.
    CHECK(builder.fold(parse_query("troops not stationed in viet nam or laos")) == "troops not stationed in viet nam or laos");
    CHECK(builder.fold(parse_query("(peru or chile) and not Bolivia")) == "(peru OR chile) AND NOT bolivia");
    CHECK(builder.fold(parse_query("oil near/3 gas")) == "oil near/3 gas");
    CHECK(builder.fold(parse_query("(oil near/3 gas)")) == "(oil NEAR/3 gas)");
    CHECK(builder.fold(parse_query("(not oil) or gas")) == "(NOT oil) OR gas");
    // The sentence from the TIME collection's topics stays words.
    const char* sentence = "number of troops the united states has stationed in south viet nam as compared with "
                           "the number of troops it has stationed in west germany";
    CHECK(builder.fold(parse_query(sentence)) == sentence);
    CHECK(builder.build(sentence).any.get_description().find("OR") != std::string::npos);
    CHECK(builder.build(sentence).any.get_description().find("NOT") == std::string::npos);
}

}  // TEST_SUITE

TEST_SUITE("searcher") {

TEST_CASE("query builder: a synonym group is written for plain words only") {
    Analyzer analyzer;
    Xapian::WritableDatabase db = database_in({"en"});
    store_synonym_groups(db, {{"us", "united states", "usa"}, {"cocoa", "cacao"}});
    QueryBuilder builder(analyzer, db);
    const std::string us = "(us OR \"united states\" OR usa)";
    struct Case {
        const char* query;
        std::string folded;
    };
    const Case cases[] = {
        {"U.S. troops", us + " troops"},
        {"troops of the United States army", "troops of the " + us + " army"},
        {"cacao AND usa", "(cocoa OR cacao) AND " + us},
        {"(troops us nato)", "(troops " + us + " nato)"},  // a word inside brackets is still a word
        // A member inside a phrase stays part of the phrase.
        {"\"troops of the us army\" cocoa", "\"troops of the us army\" (cocoa OR cacao)"},
        {"title:\"the us army\"", "title:\"the us army\""},
        {"\"united states\"", "\"united states\""},
        // A member of several words is not matched across a field or a bracket.
        {"united title:states", "united title:states"},
        {"(united states)", "(united states)"},
        {"united (states OR nations)", "united (states OR nations)"},
        // Fields and signs are left alone.
        {"title:us place:usa -us +cocoa", "title:us place:\"usa\" -us +cocoa"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.query);
        CHECK(builder.fold(parse_query(c.query)) == c.folded);
        CHECK(builder.build(c.query).folded == c.folded);
    }
    // A query that only excludes excludes the group of an excluded member.
    const std::string only_excluded = builder.build("-us").all.get_description();
    CHECK(only_excluded.find("usa") != std::string::npos);
    CHECK(only_excluded.find("united") != std::string::npos);
    CHECK(builder.build("NOT cacao").all.get_description().find("cocoa") != std::string::npos);
    // Plain-words mode has no syntax and no synonyms, as before.
    CHECK(builder.build("us troops", QuerySyntax::words).folded == "us troops");
}

TEST_CASE("query builder: a query is read in the languages of the database") {
    Analyzer analyzer;
    struct Row {
        const char* name;
        std::initializer_list<const char*> languages;
        const char* query_language;
        const char* query;
        const char* expected;
    };
    for (const Row& row : {
             Row{"English only: as it always was", {"en"}, "", "wahlen", "Query(Zwahlen@1)"},
             Row{"no articles yet: English", {}, "", "wahlen", "Query(Zwahlen@1)"},
             Row{"each language's stem, ORed", {"de", "en"}, "", "wahlen", "Query((Zwahl@1 OR Zwahlen@1))"},
             Row{"--lang chooses one", {"de", "en"}, "en", "wahlen", "Query(Zwahlen@1)"},
             Row{"a language without a stemmer reads words as they are", {"en", "zh"}, "", "经济",
                 "Query((Z经济@1 OR 经济@1))"},
             Row{"readings that agree count once", {"de", "en"}, "", "\"oil price\"", "Query((oil@1 PHRASE 2 price@2))"},
             Row{"the language detected in the query, when the database has it", {"de", "en"}, "",
                 "die Wahlen in Österreich und die Regierung in Wien", "Query((Zdie@1 AND Zwahl@2 AND Zin@3 AND Zosterreich@4 AND Zund@5 AND Zdie@6 AND Zregier@7 AND Zin@8 AND "
                 "Zwien@9))"},
         }) {
        CAPTURE(row.name);
        auto db = database_in(row.languages);
        QueryBuilder builder(analyzer, db, row.query_language);
        CHECK(builder.build(row.query).all.get_description() == row.expected);
    }
}

}  // TEST_SUITE
