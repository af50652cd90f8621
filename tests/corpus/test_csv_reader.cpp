// CSV and TSV (fixtures in testdata/csv/): header names, --columns, detected
// dialects, quoted fields over several lines, broken rows.
#include "corpus/csv_reader.h"
#include "test_support.h"

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace fs = std::filesystem;

namespace {

using gazette::test::Reading;

Reading read_csv(const std::string& name, const gazette::CsvOptions& options = {}) {
    const fs::path file = gazette::test::testdata("csv/" + name);
    return gazette::test::read_all<gazette::CsvReader>(file, name, options);
}

std::map<std::string, gazette::Article> by_id(const Reading& reading) {
    std::map<std::string, gazette::Article> articles;
    for (const gazette::Article& article : reading.articles) articles.emplace(article.id, article);
    return articles;
}

}  // namespace

TEST_SUITE("corpus") {
    TEST_CASE("CsvReader maps header names to fields") {
        const Reading reading = read_csv("news.csv");
        const auto articles = by_id(reading);
        const std::string file = gazette::test::testdata("csv/news.csv").string();

        SUBCASE("the rows that are whole, in order") {
            REQUIRE(reading.articles.size() == 4);
            CHECK(reading.articles[0].id == "c1");
            CHECK(reading.articles[3].id == "c5");
        }
        SUBCASE("quoted fields: separators, doubled quotes, CRLF and line breaks inside") {
            const gazette::Article& first = articles.at("c1");
            CHECK(first.title == "Harbour reopens");
            CHECK(first.body == "The harbour reopened on Monday, after \"weeks\" of repairs.");
            CHECK(first.date == gazette::Date{2022, 3, 10});
            CHECK(first.source == "Daily Post");
            CHECK(first.origin.line == 2);
            const gazette::Article& second = articles.at("c2");
            CHECK(second.title == "Storm, then calm");
            CHECK(second.body == "First line of the story.\nSecond line, inside the same quoted field.");
            CHECK(second.date == gazette::Date{2022, 3, 11});
            CHECK(articles.at("c5").date == gazette::Date{2022, 3, 12});
            CHECK(articles.at("c5").origin.line == 8);
        }
        SUBCASE("a short row is an error, an unreadable date a warning") {
            CHECK_FALSE(articles.at("c4").date);
            CHECK(reading.diagnostics ==
                  std::vector<std::string>{
                      file + ":5: error: the row has 2 fields; there is no column 3 for body",
                      file + ":6: warning: cannot parse the date \"someday\"; the article is kept without a date"});
        }
    }

    TEST_CASE("CsvReader detects 10kGNAD's dialect: semicolon, apostrophe quotes, no header") {
        gazette::CsvOptions options;
        options.header = gazette::CsvHeader::none;
        options.columns = gazette::parse_csv_columns("topic=1,body=2");
        const Reading reading = read_csv("10kgnad-style.csv", options);
        REQUIRE(reading.articles.size() == 3);
        CHECK(reading.diagnostics.empty());
        CHECK(reading.articles[0].id == "10kgnad-style.csv:1");  // no id column: FILE:ROW
        CHECK(reading.articles[0].topics == std::vector<std::string>{"Sport"});
        CHECK(reading.articles[0].body == "Tennis: Thiem gewinnt in Kitzbühel, sagt 'danke'.");
        CHECK(reading.articles[1].body == "Oper ohne Anführungszeichen");
        CHECK(reading.articles[2].id == "10kgnad-style.csv:3");
        CHECK(reading.articles[2].body == "Ein Feld über\nzwei Zeilen");
    }

    TEST_CASE("CsvReader reads TSV, and a given separator wins") {
        const Reading reading = read_csv("news.tsv");
        REQUIRE(reading.articles.size() == 2);
        CHECK(reading.articles[0].title == "Glacier melt");
        CHECK(reading.articles[0].body == "Ice shrank by 3%, scientists said.");
        CHECK(reading.articles[0].date == gazette::Date{2022, 3, 10});
        CHECK(reading.articles[0].topics == std::vector<std::string>{"science"});
        CHECK(reading.articles[1].body == "Stocks rose; bonds fell.");

        gazette::CsvOptions comma;
        comma.separator = ',';
        // One column, "title\ttext\tdate\tcategory": no body column.
        CHECK_THROWS_AS(read_csv("news.tsv", comma), gazette::InputError);
    }

    TEST_CASE("CsvReader: --columns by name and the errors of a file that does not fit") {
        gazette::CsvOptions options;
        options.columns = gazette::parse_csv_columns("title=headline, body=content");
        const Reading reading = read_csv("news.csv", options);
        REQUIRE(reading.articles.size() == 4);
        CHECK(reading.articles[0].id == "news.csv:1");  // id not mapped
        CHECK_FALSE(reading.articles[0].date);           // date not mapped

        options.columns = gazette::parse_csv_columns("body=nothing");
        CHECK_THROWS_WITH_AS(read_csv("news.csv", options),
                             (gazette::test::testdata("csv/news.csv").string() +
                              ": no column \"nothing\" for body in the header").c_str(),
                             gazette::InputError);
        options.columns.clear();
        options.header = gazette::CsvHeader::none;
        CHECK_THROWS_AS(read_csv("news.csv", options), gazette::InputError);
    }

    // The message named the quote but said nothing of where reading went on;
    // the line after it is now read as a row of its own (and reported: it
    // has one field).
    TEST_CASE("CsvReader reports a quote that never closes") {
        const Reading reading = read_csv("unterminated.csv");
        REQUIRE(reading.articles.size() == 1);
        const std::string file = gazette::test::testdata("csv/unterminated.csv").string();
        CHECK(reading.diagnostics ==
              std::vector<std::string>{file + ":3: error: unterminated quote opened at line 3 (a stray \"?); reading "
                                              "resumes at line 4",
                                       file + ":4: error: the row has 1 fields; there is no column 2 for title"});
    }

    // Issue 18: a stray quote swallowed every row after it, up to the next
    // quote; the summary said "skipped 1" and the error "row has 3 fields".
    TEST_CASE("CsvReader resumes after a stray quote at the next line that parses as a row") {
        const fs::path file = gazette::test::scratch_dir("stray-quote") / "stray.csv";
        gazette::test::write_file(file, "id,body,date\n"
                                        "1,cocoa rose,2022-03-01\n"
                                        "2,\"Broken quote,cocoa fell,2022-03-02\n"
                                        "3,cocoa held,2022-03-03\n"
                                        "4,\"cocoa, again\",2022-03-04\n"
                                        "5,\"a body\n"
                                        "over two lines\",2022-03-05\n");
        const Reading reading = gazette::test::read_all<gazette::CsvReader>(file, "stray.csv", gazette::CsvOptions{});
        std::vector<std::string> ids;
        for (const gazette::Article& article : reading.articles) ids.push_back(article.id);
        CHECK(ids == std::vector<std::string>{"1", "3", "4", "5"});
        CHECK(reading.articles.back().body == "a body\nover two lines");
        CHECK(reading.diagnostics == std::vector<std::string>{file.string() +
                                                              ":3: error: unterminated quote opened at line 3 (a "
                                                              "stray \"?); reading resumes at line 4"});
    }

    TEST_CASE("CsvReader gives up on a quoted field of more than 16 MiB and reads on at the next line") {
        const fs::path file = gazette::test::scratch_dir("stray-quote") / "stray.csv";
        std::string content = "id,body\n1,\"a stray quote\n";
        const std::string filler(99, 'x');
        std::size_t filler_lines = 0;
        for (; content.size() < 17 * 1024 * 1024; ++filler_lines) content += filler + "\n";
        content += "2,after the stray quote\n";
        gazette::test::write_file(file, content);
        const Reading reading = gazette::test::read_all<gazette::CsvReader>(file, "stray.csv", gazette::CsvOptions{});
        REQUIRE(reading.articles.size() == 1);
        CHECK(reading.articles[0].id == "2");
        // The quote's row, and every line after it that is not a row.
        REQUIRE(reading.diagnostics.size() == 1 + filler_lines);
        CHECK(reading.diagnostics[0] == file.string() + ":2: error: unterminated quote opened at line 2 (a stray "
                                                        "\"?); reading resumes at line 3");
        CHECK(reading.diagnostics[1] == file.string() + ":3: error: the row has 1 fields; there is no column 2 for body");
    }

    TEST_CASE("parse_csv_columns") {
        const auto columns = gazette::parse_csv_columns("title=headline,date=3");
        REQUIRE(columns.size() == 2);
        CHECK(columns[0].field == gazette::CsvField::title);
        CHECK(columns[0].column == "headline");
        CHECK(columns[1].field == gazette::CsvField::date);
        CHECK(columns[1].column == "3");
        CHECK_THROWS_WITH_AS(gazette::parse_csv_columns("headline=title"),
                             "unknown field 'headline' (choose id, title, body, date, source, url, byline, lang, "
                             "location, topic, place)",
                             std::invalid_argument);
        CHECK_THROWS_AS(gazette::parse_csv_columns("title"), std::invalid_argument);
        CHECK_THROWS_AS(gazette::parse_csv_columns("title="), std::invalid_argument);
    }
}
