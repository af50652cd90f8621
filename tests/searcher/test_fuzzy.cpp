// OCR-tolerant matching: edit distance, OCR confusions and the query rewrite.
#include "searcher/fuzzy.h"

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

TEST_CASE("fuzzy: plain query words get their variants from the index's words") {
    auto dir = test::scratch_dir("fuzzy");
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
        db.commit();
    }
    Xapian::Database db((dir / "db").string());
    struct Case {
        const char* folded;
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
        CAPTURE(c.folded);
        CHECK(expand_fuzzy(c.folded, db) == c.expanded);
    }
}

}  // TEST_SUITE
