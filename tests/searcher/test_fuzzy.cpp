// OCR-tolerant matching: edit distance, OCR confusions, and the words the
// query builder widens with their variants.
#include "searcher/fuzzy.h"

#include "common/synonyms.h"
#include "searcher/query_builder.h"

#include "test_support.h"

#include <doctest/doctest.h>

using namespace gazette;

TEST_SUITE("searcher") {

TEST_CASE("fuzzy: edit distance counts letters inserted, deleted or replaced") {
    struct Case {
        std::u32string_view a, b;
        std::size_t distance;
    };
    const Case cases[] = {
        {U"market", U"market", 0},     {U"market", U"marker", 1},      {U"market", U"markets", 1},
        {U"market", U"mrket", 1},      {U"market", U"rnarket", 2},     {U"government", U"governrnent", 2},
        {U"", U"abc", 3},              {U"abc", U"", 3},               {U"kitten", U"sitting", 3},
        {U"zürich", U"zurich", 1},  // a code point is one letter, not two bytes
    };
    for (const Case& c : cases) {
        CAPTURE(std::string(c.a.begin(), c.a.end()));
        CHECK(edit_distance(c.a, c.b) == c.distance);
        CHECK(edit_distance(c.b, c.a) == c.distance);
    }
}

TEST_CASE("fuzzy: short words are exact, 4-7 letters allow one edit, 8 or more two") {
    const std::pair<std::size_t, std::size_t> cases[] = {{1, 0}, {3, 0}, {4, 1}, {7, 1}, {8, 2}, {15, 2}};
    for (auto [letters, edits] : cases) {
        CAPTURE(letters);
        CHECK(allowed_edits(letters) == edits);
    }
}

TEST_CASE("fuzzy: one OCR confusion at a time, in both directions except long s") {
    struct Case {
        const char* word;
        std::vector<std::string> variants;
    };
    const Case cases[] = {
        {"market", {"rnarket"}},
        {"rnarket", {"market"}},
        {"modern", {"rnodern", "modem", "moclern", "m0dern"}},
        {"ship", {"sliip", "fhip"}},
        {"fhip", {"fliip"}},  // f is not read back as s
        {"wall", {"vvall", "wa1l", "wal1"}},
        {"c0rn", {"c0m", "corn"}},
        {"xyz", {}},
    };
    for (const Case& c : cases) {
        CAPTURE(c.word);
        CHECK(ocr_variants(c.word) == c.variants);
    }
}

namespace {
// A database of one article's words and some OCR misreadings of them, one
// more article with "markets" (more frequent than "rnarket"), and `synonyms`.
Xapian::Database ocr_database(const char* name, const char* synonyms = "") {
    auto dir = test::scratch_dir(name);
    {
        Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
        Xapian::Document doc;
        for (const char* term : {"market", "rnarket", "markets", "governrnent", "government", "fhip", "ship", "oil",
                                 "oll", "Zmarket", "Smarket", "XSreuters", "modest"}) {
            doc.add_term(term);
        }
        db.add_document(doc);
        Xapian::Document other;
        other.add_term("markets");
        db.add_document(other);
        db.set_metadata(std::string(kSynonymsMetadataKey), synonyms);
        db.commit();
    }
    return Xapian::Database((dir / "db").string());
}

// The query as QueryBuilder folds it with fuzzy matching.
std::string widened(const Xapian::Database& db, std::string_view query) {
    Analyzer analyzer;
    QueryBuilder builder(analyzer, db);
    return builder.fold(parse_query(query), WordMatching::fuzzy);
}
}  // namespace

TEST_CASE("fuzzy: plain query words get their variants from the index's words") {
    Xapian::Database db = ocr_database("fuzzy");
    struct Case {
        const char* query;
        const char* expanded;
    };
    const Case cases[] = {
        // the most frequent variant first; "modest" is 2 edits from "market"
        {"market", "(market OR markets OR rnarket)"},
        {"government", "(government OR governrnent)"},
        {"ship", "(ship OR fhip)"},
        {"oil", "oil"},  // 3 letters: exact only
        {"\"market share\" title:market +market -market", "\"market share\" title:market +market -market"},
        {"market NEAR/3 ship", "market NEAR/3 ship"},
        {"(market OR ship)", "(market OR ship)"},  // bracketed words are left alone
        {"market AND ship", "(market OR markets OR rnarket) AND (ship OR fhip)"},
        {"zzzz", "zzzz"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.query);
        CHECK(widened(db, c.query) == c.expanded);
    }
}

TEST_CASE("fuzzy: the query tree says which words are plain, not the folded text") {
    Xapian::Database db = ocr_database("fuzzy-tree");
    struct Case {
        const char* query;
        const char* expanded;
    };
    const Case cases[] = {
        // A phrase's words stay exact, even one that reads as an operator;
        // the word after the phrase is no operand of NEAR.
        {"\"ship NEAR\" market", "\"ship near\" (market OR markets OR rnarket)"},
        // near/3 is an operator in a query with brackets, in any case...
        {"(oil market near/3 ship) government", "(oil market NEAR/3 ship) (government OR governrnent)"},
        // ...and a word without them.
        {"market near/3 ship", "(market OR markets OR rnarket) near/3 (ship OR fhip)"},
        // A field value that folds to an odd number of quotes (a full-width
        // quotation mark) leaves the words after it plain: the tree says what
        // is a phrase, not the quotes of the folded text.
        {"title:o＂neil market", "title:o\"neil (market OR markets OR rnarket)"},
        {"source:\"The ＂Daily\" market", "source:\"the-\"daily\" (market OR markets OR rnarket)"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.query);
        CHECK(widened(db, c.query) == c.expanded);
    }
}

TEST_CASE("fuzzy: a word a synonym group covers is left to its group") {
    Xapian::Database db = ocr_database("fuzzy-synonyms", "vessel, ship, boat\nmarket place, bazaar\n");
    CHECK(widened(db, "ship government") == "(vessel OR ship OR boat) (government OR governrnent)");
    CHECK(widened(db, "market place") == "(\"market place\" OR bazaar)");
    CHECK(widened(db, "market ship") == "(market OR markets OR rnarket) (vessel OR ship OR boat)");
    // The group's members are written by the builder and none is widened
    // (the text scan widened a member inside the brackets, "ship" here, and
    // not the first or the last).
    Analyzer analyzer;
    QueryBuilder builder(analyzer, db);
    const std::string any = builder.build("vessel", QuerySyntax::full, WordMatching::fuzzy).any.get_description();
    CHECK(any.find("boat") != std::string::npos);
    CHECK(any.find("fhip") == std::string::npos);
}

TEST_CASE("fuzzy: a query of plain words widens every word, quotes or not") {
    Xapian::Database db = ocr_database("fuzzy-words");
    Analyzer analyzer;
    QueryBuilder builder(analyzer, db);
    // Regression: the old text scan read the inch mark as an open phrase and
    // left the words after it exact, though plain words have no phrases.
    const std::string any = builder.build("12\" rnarket", QuerySyntax::words, WordMatching::fuzzy).any.get_description();
    CHECK(any.find("Zmarket") != std::string::npos);
    CHECK(builder.build("oil", QuerySyntax::words, WordMatching::fuzzy).any.get_description().find("0.5") == std::string::npos);
}

}  // TEST_SUITE
