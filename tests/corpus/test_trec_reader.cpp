// TREC SGML: one tiny fixture with the element variants of the TREC news
// collections (LA Times, AQUAINT, WSJ, TIME) and the broken documents.
#include "corpus/trec_reader.h"
#include "test_support.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("corpus") {
    TEST_CASE("TrecReader on the element variants of the TREC collections") {
        const fs::path file = gazette::test::testdata("trec/news.trec");
        const gazette::test::Reading reading = gazette::test::read_all<gazette::TrecReader>(file);
        std::map<std::string, gazette::Article> articles;
        std::vector<std::string> ids;
        for (const gazette::Article& article : reading.articles) {
            ids.push_back(article.id);
            articles.emplace(article.id, article);
        }
        const std::string name = file.string();

        SUBCASE("every document with a DOCNO and text, in file order") {
            CHECK(ids == std::vector<std::string>{"LA010189-0001", "APW19980601.0001", "WSJ870324-0001", "NOTEXT-1",
                                                  "BADDATE-1", "017"});
        }
        SUBCASE("LA Times: fields wrapped in <P>, entities decoded, unknown elements outside TEXT left out") {
            const gazette::Article& article = articles.at("LA010189-0001");
            CHECK(article.title == "HARBOR & HILLS: A NEW YEAR");
            CHECK(article.date == gazette::Date{1989, 1, 1});
            CHECK(contains(article.body, "Fireworks lit the harbor at midnight."));
            CHECK(contains(article.body, "Crowds gathered on the hills."));
            CHECK_FALSE(contains(article.body, "Metro"));
            CHECK_FALSE(contains(article.body, "<P>"));
            CHECK(article.origin.line == 1);
        }
        SUBCASE("AQUAINT: DATE_TIME, LEADPARA and an unknown tag inside TEXT keep their text") {
            const gazette::Article& article = articles.at("APW19980601.0001");
            CHECK(article.title == "Glacier retreats in Alps");
            CHECK(article.date == gazette::Date{1998, 6, 1});
            CHECK(contains(article.body, "The glacier shrank again this summer."));
            CHECK(contains(article.body, "the  moraine  line."));
        }
        SUBCASE("WSJ: HL and DD; every TEXT element is body") {
            const gazette::Article& article = articles.at("WSJ870324-0001");
            CHECK(article.title == "Copper Prices Rise");
            CHECK(article.date == gazette::Date{1987, 3, 24});
            CHECK(contains(article.body, "Copper futures climbed"));
            CHECK(contains(article.body, "about smelters."));
        }
        SUBCASE("a document without TEXT is indexed with the text of its other elements") {
            const gazette::Article& article = articles.at("NOTEXT-1");
            CHECK(article.title == "Orchard report");
            CHECK(article.body == "Apple growers expect a bumper crop.");
        }
        SUBCASE("TIME: no date element, the date that starts TEXT; a bare & is kept") {
            const gazette::Article& article = articles.at("017");
            CHECK(article.date == gazette::Date{1963, 1, 4});
            CHECK(article.title.empty());
            CHECK(contains(article.body, "SPEARS & ARROWS"));
        }
        SUBCASE("an unreadable date is a warning on its line; the document is kept") {
            CHECK_FALSE(articles.at("BADDATE-1").date);
            CHECK(std::count(reading.diagnostics.begin(), reading.diagnostics.end(),
                             name + ":63: warning: cannot parse <DATE> \"sometime in spring\"; "
                                    "the document is kept without a date") == 1);
        }
        SUBCASE("broken documents are errors naming their line") {
            CHECK(std::count(reading.diagnostics.begin(), reading.diagnostics.end(),
                             name + ":56: error: the document has no <DOCNO>") == 1);
            CHECK(std::count(reading.diagnostics.begin(), reading.diagnostics.end(),
                             name + ":75: error: DOCNO EMPTY-1: empty body") == 1);
            CHECK(std::count(reading.diagnostics.begin(), reading.diagnostics.end(),
                             name + ":80: error: the document has no </DOC>") == 1);
            CHECK(reading.diagnostics.size() == 4);
        }
    }
}
