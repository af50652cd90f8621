// Saved news pages (fixtures in testdata/html/): the fields from meta tags,
// <time> and JSON-LD, and the article text without the page around it.
#include "corpus/html_reader.h"
#include "test_support.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace {

gazette::test::Reading read_html(const std::string& name) {
    return gazette::test::read_all<gazette::HtmlReader>(gazette::test::testdata("html/" + name), name);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("corpus") {
    TEST_CASE("HtmlReader: Open Graph and article meta tags, <article> text only") {
        const gazette::test::Reading reading = read_html("og-article.html");
        CHECK(reading.diagnostics.empty());
        REQUIRE(reading.articles.size() == 1);
        const gazette::Article& article = reading.articles[0];
        CHECK(article.id == "og-article.html");
        CHECK(article.title == "Harbour reopens after storm repairs");  // og:title over <title>
        CHECK(article.source == "The Daily Post");
        CHECK(article.url == "https://example.org/news/harbour-reopens");  // canonical over og:url
        CHECK(article.date == gazette::Date{2022, 3, 10});
        CHECK(article.byline == "Jane Reporter");
        CHECK(article.language == "en");
        CHECK(article.body ==
              "Harbour reopens after storm repairs\n"
              "The harbour reopened on Monday after three weeks of repairs & dredging.\n"
              "Fishermen returned to the quay at dawn.");
        for (const char* noise : {"Subscribe", "Weather", "lighthouse", "inlinescriptword", "analyticsword",
                                  "stylesheetword", "footerword"}) {
            CAPTURE(noise);
            CHECK_FALSE(contains(article.body, noise));
        }
    }

    TEST_CASE("HtmlReader: <title>, <time datetime> and <main>") {
        const gazette::test::Reading reading = read_html("time-element.html");
        REQUIRE(reading.articles.size() == 1);
        const gazette::Article& article = reading.articles[0];
        CHECK(article.title == "Glacier retreats");
        CHECK(article.date == gazette::Date{2021, 9, 9});
        CHECK(article.body == "Published 9 September\nThe glacier shrank again this summer, scientists said.");
        CHECK(article.language.empty());
    }

    TEST_CASE("HtmlReader: JSON-LD in a @graph, and Windows-1252 bytes repaired") {
        const gazette::test::Reading reading = read_html("jsonld-latin1.html");
        REQUIRE(reading.articles.size() == 1);
        const gazette::Article& article = reading.articles[0];
        CHECK(article.title == "Café schließt");
        CHECK(article.date == gazette::Date{2022, 3, 10});
        CHECK(article.byline == "Max Muster");
        CHECK(article.language == "de");
        CHECK(article.body == "Das Café am Platz schließt nach 40 Jahren.");
        CHECK(reading.diagnostics == std::vector<std::string>{gazette::test::testdata("html/jsonld-latin1.html").string() +
                                                              ": warning: repaired 4 invalid UTF-8 bytes"});
    }

    TEST_CASE("HtmlReader: a page with no article text is an error") {
        const gazette::test::Reading reading = read_html("empty-page.html");
        CHECK(reading.articles.empty());
        CHECK(reading.diagnostics ==
              std::vector<std::string>{gazette::test::testdata("html/empty-page.html").string() + ": error: empty body"});
    }
}
