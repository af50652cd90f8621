// Titles shown for articles without one: the first sentence of the body.
#include "searcher/display_title.h"

#include <doctest/doctest.h>

using namespace gazette;

namespace {
Article with(const std::string& title, const std::string& body) {
    Article article;
    article.title = title;
    article.body = body;
    return article;
}
}  // namespace

TEST_SUITE("searcher") {

TEST_CASE("display_title: a title as given, else the body's first sentence, marked as a fallback") {
    // Issue 17: CSV rows, TIME and untitled Reuters items were listed as "(untitled) ID".
    CHECK(display_title(with("Cocoa talks", "Body. More.")).text == "Cocoa talks");
    CHECK_FALSE(display_title(with("Cocoa talks", "Body.")).is_fallback);

    DisplayTitle fallback = display_title(with("", "  Cocoa prices\n rose.  Traders said so."));
    CHECK(fallback.text == "Cocoa prices rose.");
    CHECK(fallback.is_fallback);
    CHECK(display_title(with("", "Is it over? Yes, it is.")).text == "Is it over? Yes, it is.");
    CHECK(display_title(with("", "Is the strike over now? Yes.")).text == "Is the strike over now?");
    // Reuters 12366 was titled "N.Y.": an initial ends no sentence.
    CHECK(display_title(with("", "N.Y. GRAIN FREIGHTS - April 1\n Tradax took Y.S. Tonnage. More.")).text ==
          "N.Y. GRAIN FREIGHTS - April 1 Tradax took Y.S. Tonnage.");
    CHECK(display_title(with("", "Shr 12 cts vs 10 cts")).text == "Shr 12 cts vs 10 cts");
}

TEST_CASE("display_title: a long first sentence is cut at a word, never inside a UTF-8 character") {
    std::string words;
    for (int i = 0; i < 30; ++i) words += "wörd ";
    std::string text = display_title(with("", words)).text;
    CHECK(text.size() <= kFallbackTitleBytes + std::string("…").size());
    REQUIRE(text.size() > 4);
    CHECK(text.compare(text.size() - 3, 3, "…") == 0);
    CHECK(text[text.size() - 4] == 'd');  // after a whole "wörd"

    std::string unbroken(200, 'x');
    CHECK(display_title(with("", unbroken)).text == std::string(kFallbackTitleBytes, 'x') + "…");
}

}  // TEST_SUITE
