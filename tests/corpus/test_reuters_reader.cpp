// Reuters-21578 SGML: the bundled reut2-000.sgm, and tiny fixtures for the
// collection's quirks (testdata/reuters/).
#include "corpus/reuters_reader.h"
#include "test_support.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace fs = std::filesystem;

namespace {

using gazette::test::Reading;

Reading read_reuters(const fs::path& file) { return gazette::test::read_all<gazette::ReutersReader>(file); }

std::map<std::string, gazette::Article> by_id(const Reading& reading) {
    std::map<std::string, gazette::Article> articles;
    for (const gazette::Article& article : reading.articles) {
        articles.emplace(article.id, article);
    }
    return articles;
}

bool has_control_character(const std::string& text) {
    return std::any_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return (byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7F;
    });
}

}  // namespace

TEST_SUITE("corpus") {
    TEST_CASE("ReutersReader on reut2-000.sgm") {
        const Reading reading = read_reuters(gazette::test::sample("reuters21578/reut2-000.sgm"));
        CHECK(reading.diagnostics.empty());
        REQUIRE(reading.articles.size() == 1000);

        SUBCASE("every story, in file order") {
            for (std::size_t i = 0; i < reading.articles.size(); ++i) {
                CHECK(reading.articles[i].id == std::to_string(i + 1));
            }
        }
        SUBCASE("the first story") {
            const gazette::Article& first = reading.articles.front();
            CHECK(first.title == "BAHIA COCOA REVIEW");
            CHECK(first.date == gazette::Date{1987, 2, 26});
            CHECK(first.topics == std::vector<std::string>{"cocoa"});
            CHECK(first.places == std::vector<std::string>{"el-salvador", "usa", "uruguay"});
            CHECK(first.location == "SALVADOR");
            CHECK(first.source == "Reuters");
            CHECK(first.language == "en");
            CHECK(first.body.starts_with("Showers continued throughout the week in\nthe Bahia cocoa zone"));
            CHECK(first.body.ends_with("Reuter"));
            CHECK(first.origin.line == 2);
        }
        SUBCASE("no character reference or control character is left") {
            for (const gazette::Article& article : reading.articles) {
                CAPTURE(article.id);
                for (const std::string* text : {&article.title, &article.body, &article.location, &article.byline}) {
                    CHECK(text->find("&#") == std::string::npos);
                    CHECK(text->find("&lt;") == std::string::npos);
                    CHECK_FALSE(has_control_character(*text));
                }
            }
        }
        SUBCASE("every story has a body and a date") {
            for (const gazette::Article& article : reading.articles) {
                CAPTURE(article.id);
                CHECK_FALSE(article.body.empty());
                CHECK(article.date);
            }
        }
        SUBCASE("stories without a <BODY>") {
            const auto articles = by_id(reading);
            // NEWID 30 is TYPE="BRIEF": a title and "Blah blah blah."
            const gazette::Article& brief = articles.at("30");
            CHECK(brief.title == "ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK");
            CHECK(brief.body.find("ASSETS OF MONEY MARKET MUTUAL FUNDS") != std::string::npos);
            CHECK(brief.body.ends_with("Blah blah blah."));
            // NEWID 99 is TYPE="UNPROC": no title, a raw table.
            const gazette::Article& unprocessed = articles.at("99");
            CHECK(unprocessed.title.empty());
            CHECK(unprocessed.body.starts_with("FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26\n"));
        }
        SUBCASE("character references and bylines") {
            const auto articles = by_id(reading);
            CHECK(articles.at("2").title == "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT");
            CHECK(articles.at("28").byline == "By Michael Gelb, Reuters");
            CHECK(articles.at("28").location == "WASHINGTON");
        }
    }

    TEST_CASE("ReutersReader quirks") {
        const fs::path file = gazette::test::testdata("reuters/quirks.sgm");
        const Reading reading = read_reuters(file);
        const auto articles = by_id(reading);
        const std::string name = file.string();

        SUBCASE("a story without NEWID is reported and skipped; the others come out") {
            std::vector<std::string> ids;
            for (const gazette::Article& article : reading.articles) {
                ids.push_back(article.id);
            }
            CHECK(ids == std::vector<std::string>{"101", "102", "104", "105", "106"});
            CHECK(std::count(reading.diagnostics.begin(), reading.diagnostics.end(),
                             name + ":37: error: the story has no NEWID") == 1);
        }
        SUBCASE("junk after the date, a three-digit hour, a comment") {
            CHECK(articles.at("101").date == gazette::Date{1987, 3, 27});
            CHECK(articles.at("102").date == gazette::Date{1987, 3, 31});
            CHECK(articles.at("104").date == gazette::Date{1987, 4, 9});
        }
        SUBCASE("an unreadable date is a warning on the line of <DATE>; the story is kept") {
            CHECK_FALSE(articles.at("105").date);
            CHECK(std::count(reading.diagnostics.begin(), reading.diagnostics.end(),
                             name + ":66: warning: cannot parse <DATE> \"SOMEDAY IN 1987\"; "
                                    "the story is kept without a date") == 1);
        }
        SUBCASE("references decoded; control characters never reach the text") {
            const gazette::Article& article = articles.at("101");
            CHECK(article.title == "JUNK & NOISE AFTER THE DATE");
            CHECK(article.body ==
                  "<Texaco Inc> signed for a 500 mln dlr untied loan\nwith A [B SHARE holders.\n Reuter");
            CHECK(article.byline == "by Jane Doe, Reuters");
            CHECK(article.location == "HOUSTON");
            CHECK(article.topics == std::vector<std::string>{"crude", "nat-gas"});
            CHECK(article.places == std::vector<std::string>{"usa"});
        }
        SUBCASE("BRIEF and UNPROC stories get their text as body") {
            CHECK(articles.at("102").title == "THREE-DIGIT HOUR IN A BRIEF");
            CHECK(articles.at("102").body == "****** THREE-DIGIT HOUR IN A BRIEF\n Blah blah blah.");
            CHECK(articles.at("104").title.empty());
            CHECK(articles.at("104").body ==
                  "FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26\n Net free reserves.............644 vs.....1,337");
        }
        SUBCASE("a dateline without a comma") {
            CHECK(articles.at("105").location == "TOKYO");
        }
        SUBCASE("a story with no text at all is kept, with a warning") {
            // Like NEWID 12793 in reut2-012.sgm.
            CHECK(articles.at("106").body == "(no text)");
            CHECK(std::count(reading.diagnostics.begin(), reading.diagnostics.end(),
                             name + ":78: warning: NEWID 106: the story has no text; it is kept with the body "
                                    "\"(no text)\"") == 1);
        }
        CHECK(reading.diagnostics.size() == 3);
    }

    TEST_CASE("ReutersReader repairs invalid UTF-8") {
        // reut2-017.sgm, NEWID 17980: a lone 0xFC byte, then &#5;&#30;.
        const fs::path file = gazette::test::testdata("reuters/invalid-utf8.sgm");
        const Reading reading = read_reuters(file);
        REQUIRE(reading.articles.size() == 1);
        CHECK(reading.articles[0].id == "17980");
        CHECK(reading.articles[0].body ==
              "Measures to boost economic growth.\xC3\xBC  side measures to boost\ndemand were discussed.");
        CHECK(reading.diagnostics ==
              std::vector<std::string>{file.string() + ":12: warning: repaired 1 invalid UTF-8 byte"});
    }

    TEST_CASE("ReutersReader tolerates CRLF line ends") {
        const fs::path original = gazette::test::testdata("reuters/quirks.sgm");
        const fs::path crlf = gazette::test::scratch_dir("reuters") / "quirks-crlf.sgm";
        {
            std::ifstream in(original, std::ios::binary);
            std::ofstream out(crlf, std::ios::binary);
            for (std::string line; std::getline(in, line);) {
                out << line << "\r\n";
            }
        }
        const Reading expected = read_reuters(original);
        const Reading reading = read_reuters(crlf);
        REQUIRE(reading.articles.size() == expected.articles.size());
        for (std::size_t i = 0; i < reading.articles.size(); ++i) {
            CAPTURE(reading.articles[i].id);
            CHECK(reading.articles[i].title == expected.articles[i].title);
            CHECK(reading.articles[i].body == expected.articles[i].body);
            CHECK(reading.articles[i].date == expected.articles[i].date);
            CHECK(reading.articles[i].origin.line == expected.articles[i].origin.line);
        }
    }

    TEST_CASE("ReutersReader stories on one line") {
        const fs::path file = gazette::test::scratch_dir("reuters") / "one-line.sgm";
        std::ofstream(file) << "<REUTERS NEWID=\"1\"><TEXT><BODY>one</BODY></TEXT></REUTERS>"
                               "<REUTERS NEWID=\"2\"><TEXT><BODY>two</BODY></TEXT></REUTERS>\n";
        const Reading reading = read_reuters(file);
        REQUIRE(reading.articles.size() == 2);
        CHECK(reading.articles[0].body == "one");
        CHECK(reading.articles[1].body == "two");
        CHECK(reading.articles[1].origin.line == 1);
    }

    TEST_CASE("ReutersReader reports a story cut short") {
        const fs::path file = gazette::test::testdata("reuters/truncated.sgm");
        const Reading reading = read_reuters(file);
        REQUIRE(reading.articles.size() == 1);
        CHECK(reading.articles[0].id == "201");
        CHECK(reading.diagnostics ==
              std::vector<std::string>{file.string() + ":9: error: the story has no </REUTERS>"});
    }

}  // TEST_SUITE
