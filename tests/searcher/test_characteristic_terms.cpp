// The words and two-word phrases that characterise a set of matches
// (newssearch --top-terms).
#include "searcher/characteristic_terms.h"

#include "indexer/index_writer.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <set>

namespace fs = std::filesystem;
using namespace gazette;

namespace {
Article article(const std::string& id, const std::string& title, const std::string& body) {
    Article a;
    a.id = id;
    a.title = title;
    a.body = body;
    a.language = "en";
    return a;
}
}  // namespace

TEST_CASE("characteristic terms: matches of numbers and stop words give neither words nor phrases") {
    // Regression: with no word that a phrase may hold, the pairing of
    // neighbouring words stepped past the end (it hung newssearch --top-terms).
    fs::path dir = test::scratch_dir("characteristic-numbers");
    {
        IndexWriter writer(dir);
        writer.write(article("numbers", "1987", "1987 2024 3.5 42 of the and 1987"));
        writer.write(article("cocoa", "Cocoa prices", "Cocoa prices rose in 1987 as the crop failed."));
        writer.commit();
    }
    Xapian::Database db(dir.string());
    const Xapian::Query numbers_only(Xapian::Query::OP_AND_NOT, Xapian::Query("1987"), Xapian::Query("cocoa"));
    CHECK(characteristic_terms(db, numbers_only, 5, "en").empty());
    CHECK(characteristic_phrases(db, numbers_only, 5, "en").empty());
}

TEST_CASE("characteristic terms: the words of the matches that the rest of the archive lacks come first") {
    fs::path dir = test::scratch_dir("characteristic-words");
    {
        IndexWriter writer(dir);
        // Three different stories (copies would be collapsed into one).
        writer.write(article("cocoa-1", "Cocoa harvest", "The cocoa harvest in Ghana fell as dry weather hurt the crop."));
        writer.write(article("cocoa-2", "Cocoa harvest late", "Traders said the cocoa harvest in Ghana started late."));
        writer.write(article("cocoa-3", "Ivory Coast", "A record cocoa harvest is expected in Ghana and Ivory Coast."));
        writer.write(article("oil", "Oil output", "Oil output in Ghana rose as new wells opened."));
        writer.commit();
    }
    Xapian::Database db(dir.string());
    std::vector<CharacteristicTerm> terms = characteristic_terms(db, Xapian::Query("Zcocoa"), 2, "en");
    // "cocoa" and "harvest" are in every match and nowhere else; "ghana" is
    // in every article, and "the" is a stop word.
    std::set<std::string> words;
    for (const auto& term : terms) words.insert(term.term);
    CHECK(words == std::set<std::string>{"cocoa", "harvest"});
    std::vector<CharacteristicTerm> phrases = characteristic_phrases(db, Xapian::Query("Zcocoa"), 3, "en");
    REQUIRE(!phrases.empty());
    CHECK(phrases.front().term == "cocoa harvest");
    CHECK(phrases.front().in_matches == 3);
}
