// JSON Lines (fixtures in testdata/jsonl/): every field, and broken lines
// reported with their line number while reading goes on.
#include "corpus/jsonl_reader.h"
#include "test_support.h"

#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace fs = std::filesystem;

namespace {

using gazette::test::Reading;

Reading read_jsonl(const fs::path& file, const std::vector<gazette::CsvColumn>& columns = {}) {
    return gazette::test::read_all<gazette::JsonlReader>(file, std::string("news.jsonl"), columns);
}

// A scratch file holding `lines`.
fs::path jsonl_file(const std::string& lines) {
    const fs::path file = gazette::test::scratch_dir("jsonl") / "news.jsonl";
    gazette::test::write_file(file, lines);
    return file;
}

}  // namespace

TEST_SUITE("corpus") {
    TEST_CASE("JsonlReader reads every field") {
        const fs::path file = gazette::test::testdata("jsonl/articles.jsonl");
        const Reading reading = read_jsonl(file);
        CHECK(reading.diagnostics.empty());
        REQUIRE(reading.articles.size() == 3);

        SUBCASE("all fields set") {
            const gazette::Article& article = reading.articles[0];
            CHECK(article.id == "a1");
            CHECK(article.title == "Budget talks resume");
            CHECK(article.body == "Finance ministers met.\nThey agreed on nothing.");
            CHECK(article.date == gazette::Date{2022, 3, 10});
            CHECK(article.source == "Example Times");
            CHECK(article.url == "https://example.com/a1");
            CHECK(article.language == "de");
            CHECK(article.topics == std::vector<std::string>{"politics", "economy"});
            CHECK(article.places == std::vector<std::string>{"germany"});
            CHECK(article.location == "BERLIN");
            CHECK(article.byline == "Jane Doe");
            CHECK(article.origin.file == file.string());
            CHECK(article.origin.line == 1);
        }
        SUBCASE("integer id, the alternative names, null as absent") {
            const gazette::Article& article = reading.articles[1];
            CHECK(article.id == "42");
            CHECK(article.body == "Integer id, body under \"text\".");
            CHECK(article.byline == "John Roe");
            CHECK(article.topics == std::vector<std::string>{"sport"});
            CHECK(article.title.empty());
            CHECK_FALSE(article.date);
            CHECK(article.origin.line == 3);  // line 2 is blank
        }
        SUBCASE("escapes decoded, control characters and blank tags dropped") {
            const gazette::Article& article = reading.articles[2];
            CHECK(article.body == "Control character and \xC3\xA9 escape.");
            CHECK(article.topics == std::vector<std::string>{"a"});
        }
    }

    // Issue 18: an "authors" array was refused as "must be a string".
    TEST_CASE("JsonlReader joins an authors array into the byline") {
        const Reading reading = read_jsonl(jsonl_file(
            "{\"id\":\"1\",\"body\":\"b\",\"authors\":[\"A. Smith\",\" \",\"B. Jones\"]}\n"
            "{\"id\":\"2\",\"body\":\"b\",\"authors\":\"C. Brown\"}\n"
            "{\"id\":\"3\",\"body\":\"b\",\"author\":[7]}\n"));
        REQUIRE(reading.articles.size() == 2);
        CHECK(reading.articles[0].byline == "A. Smith, B. Jones");
        CHECK(reading.articles[1].byline == "C. Brown");
        REQUIRE(reading.diagnostics.size() == 1);
        CHECK(reading.diagnostics[0].ends_with(":3: error: field \"author\" must be an array of strings, not [7]"));
    }

    TEST_CASE("JsonlReader reports broken lines and goes on") {
        const fs::path file = gazette::test::testdata("jsonl/broken.jsonl");
        const Reading reading = read_jsonl(file);

        std::vector<std::string> ids;
        for (const gazette::Article& article : reading.articles) {
            ids.push_back(article.id);
        }
        // Line 4 has no id: it gets FILE:LINE (it was skipped as "no id").
        CHECK(ids == std::vector<std::string>{"good-1", "news.jsonl:4", "bad-date", "good-2"});
        CHECK_FALSE(reading.articles[2].date);

        const std::string name = file.string();
        const std::vector<std::string>& messages = reading.diagnostics;
        REQUIRE(messages.size() == 7);
        CHECK(messages[0].starts_with(name + ":2: error: invalid JSON: "));
        CHECK(messages[1] == name + ":3: error: not a JSON object: [1,2,3]");
        CHECK(messages[2] == name + ":5: error: empty body");
        CHECK(messages[3] == name + ":6: error: field \"title\" must be a string, not 42");
        CHECK(messages[4] == name +
                                 ":7: warning: field \"date\": cannot parse \"yesterday\" as a date; "
                                 "the article is kept without a date");
        CHECK(messages[5] == name + ":8: error: field \"tags\" must be an array of strings, not [\"ok\",7]");
        CHECK(messages[6] == name + ":9: error: field \"id\" must be a string or an integer, not 1.5");
    }

    TEST_CASE("JsonlReader repairs invalid UTF-8 before parsing") {
        // The line is "café crème" in Latin-1, with a CRLF line end.
        const fs::path file = gazette::test::testdata("jsonl/invalid-utf8.jsonl");
        const Reading reading = read_jsonl(file);
        REQUIRE(reading.articles.size() == 1);
        CHECK(reading.articles[0].body == "caf\xC3\xA9 cr\xC3\xA8me");
        REQUIRE(reading.diagnostics.size() == 1);
        CHECK(reading.diagnostics[0] == file.string() + ":1: warning: repaired 2 invalid UTF-8 bytes");
    }

    TEST_CASE("JsonlReader long values are shortened in messages") {
        const fs::path file = gazette::test::scratch_dir("jsonl") / "long.jsonl";
        std::ofstream(file) << R"({"id": "x", "body": "b", "title": [")" << std::string(100, 'a') << "\"]}\n";
        const Reading reading = read_jsonl(file);
        CHECK(reading.articles.empty());
        REQUIRE(reading.diagnostics.size() == 1);
        CHECK(reading.diagnostics[0] == file.string() + ":1: error: " +
              "field \"title\" must be a string, not [\"" + std::string(38, 'a') + "...");
    }

    // Issue 18: records without "id", or with other usual names (headline,
    // link, published, content, author), were all skipped as "no id" or
    // "empty body", and newsindex exited 0 having indexed nothing.
    TEST_CASE("JsonlReader reads the usual names and gives records without an id FILE:LINE") {
        const fs::path file = jsonl_file(
            "{\"title\":\"T\",\"body\":\"cocoa\"}\n"
            "\n"
            "{\"headline\":\"H\",\"content\":\"coffee\",\"link\":\"https://x.example/1\","
            "\"published\":\"2022-03-02\",\"author\":\"Ann\",\"category\":\"markets\",\"doc_id\":7}\n");
        const Reading reading = read_jsonl(file);
        CHECK(reading.diagnostics.empty());
        REQUIRE(reading.articles.size() == 2);
        CHECK(reading.articles[0].id == "news.jsonl:1");
        CHECK(reading.articles[0].title == "T");
        const gazette::Article& second = reading.articles[1];
        CHECK(second.id == "7");
        CHECK(second.title == "H");
        CHECK(second.body == "coffee");
        CHECK(second.url == "https://x.example/1");
        CHECK(second.date == gazette::Date{2022, 3, 2});
        CHECK(second.byline == "Ann");
        CHECK(second.topics == std::vector<std::string>{"markets"});
    }

    TEST_CASE("JsonlReader maps keys with --columns, as CSV maps columns") {
        const fs::path file = jsonl_file("{\"story_text\":\"cocoa fell\",\"hed\":\"Cocoa\",\"body\":\"not this\","
                                         "\"when\":\"yesterday\"}\n");
        SUBCASE("the keys named, and no others") {
            const Reading reading = read_jsonl(file, gazette::parse_csv_columns("body=story_text,title=hed,date=when"));
            REQUIRE(reading.articles.size() == 1);
            CHECK(reading.articles[0].body == "cocoa fell");
            CHECK(reading.articles[0].title == "Cocoa");
            CHECK(reading.articles[0].id == "news.jsonl:1");
            REQUIRE(reading.diagnostics.size() == 1);
            CHECK(reading.diagnostics[0] == file.string() + ":1: warning: field \"when\": cannot parse \"yesterday\" "
                                                            "as a date; the article is kept without a date");
        }
        SUBCASE("no key for the body") {
            CHECK_THROWS_WITH_AS(read_jsonl(file, gazette::parse_csv_columns("title=hed")),
                                 (file.string() + ": no body key: name one with --columns body=KEY").c_str(),
                                 gazette::InputError);
        }
    }

}  // TEST_SUITE
