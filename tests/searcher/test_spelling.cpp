// "Did you mean": suggestions from the index's own vocabulary, shown as the
// query respelt.
#include "indexer/index_writer.h"
#include "searcher/spelling.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <optional>

using namespace gazette;

TEST_SUITE("searcher") {

namespace {
// 30 articles on Colombia, NATO and petroleum, one with the typo "petrolium".
Xapian::Database colombia_database(const std::string& name) {
    auto dir = test::scratch_dir(name);
    IndexWriter writer(dir);
    for (int i = 0; i < 30; ++i) {
        Article article;
        article.id = std::to_string(i);
        article.body = i == 0 ? "Colombia and NATO talk petroleum; the petrolium typo" : "Colombia and NATO talk petroleum";
        writer.write(article);
    }
    writer.commit();
    return Xapian::Database(dir.string());
}
}  // namespace

TEST_CASE("spelling: absent and rare words are respelt, the rest of the query kept as typed") {
    Xapian::Database db = colombia_database("spelling-db");
    Analyzer analyzer;
    struct Case {
        const char* query;
        const char* suggestion;  // "" for none
    };
    const Case cases[] = {
        {"Colmbia nato", "Colombia nato"},
        {"COLMBIA NATO", "COLOMBIA NATO"},
        {"colombia nato", ""},                       // right already
        {"petrolium", "petroleum"},                  // rare (1 article) next to a common word
        {"+(Colmbia OR nato)", "+(Colombia OR nato)"},
        {"\"Colmbia nato\" title:Colmbia", ""},      // phrases and fields are not touched
        {"zzyzx", ""},                               // nothing near it
    };
    for (const auto& c : cases) {
        CAPTURE(c.query);
        CHECK(suggest_spelling(db, analyzer, parse_query(c.query), {}).value_or("") == c.suggestion);
    }
}

TEST_CASE("spelling: a word that a synonym group covers is not respelt") {
    // Regression (issue 17 part 9): with the group "Vietnam, Viet Nam" a rare
    // "Vietnam" was still respelt "Vienna", though the group found "viet nam".
    Xapian::Database db = colombia_database("spelling-synonyms-db");
    Analyzer analyzer;
    const SynonymGroups groups = {{"petrolium", "crude oil"}, {"colmbia nato", "alliance"}};
    struct Case {
        const char* query;
        const char* suggestion;  // "" for none
    };
    const Case cases[] = {
        {"petrolium", ""},
        {"Petrolium Colmbia", "Petrolium Colombia"},  // only the covered word is left alone
        {"Colmbia nato", ""},                         // a member of two words
        {"Colmbia OR nato", "Colombia OR nato"},      // not that member: an operator between
    };
    for (const auto& c : cases) {
        CAPTURE(c.query);
        CHECK(suggest_spelling(db, analyzer, parse_query(c.query), groups).value_or("") == c.suggestion);
    }
}

TEST_CASE("spelling: an index built without spelling data suggests nothing") {
    auto dir = test::scratch_dir("no-spelling-db");
    {
        IndexWriter writer(dir, SpellingData::skip);
        Article article;
        article.id = "1";
        article.body = "Colombia";
        writer.write(article);
        writer.commit();
    }
    Analyzer analyzer;
    CHECK_FALSE(suggest_spelling(Xapian::Database(dir.string()), analyzer, parse_query("Colmbia"), {}));
}

TEST_CASE("spelling: a number gets no suggestion, even from an index whose spelling table holds numbers") {
    // Databases built before numbers were left out of the spelling table
    // (issue 20 part 3) still hold them: "1897" was respelt "1987".
    auto dir = test::scratch_dir("numbers-spelling-db");
    {
        Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OPEN);
        Xapian::Document doc;
        doc.add_posting("1987", 1);
        db.add_document(doc);
        db.add_spelling("1987", 30);
        db.add_spelling("colombia", 30);
        db.commit();
    }
    Xapian::Database db(dir.string());
    Analyzer analyzer;
    CHECK_FALSE(suggest_spelling(db, analyzer, parse_query("1897"), {}));
    CHECK(suggest_spelling(db, analyzer, parse_query("Colmbia"), {}).value_or("") == "Colombia");  // words still are
}

}  // TEST_SUITE
