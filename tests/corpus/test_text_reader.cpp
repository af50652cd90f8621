// Plain text files, one article each (fixtures in testdata/text/).
#include "corpus/text_reader.h"
#include "test_support.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace fs = std::filesystem;

namespace {

using gazette::test::Reading;

Reading read_text(const fs::path& file, const fs::path& root) {
    return gazette::test::read_all<gazette::TextReader>(file, gazette::text_article_id(file, root));
}

}  // namespace

TEST_SUITE("corpus") {
    TEST_CASE("TextReader reads one article per file") {
        const fs::path file = gazette::test::testdata("text/article.txt");
        const Reading reading = read_text(file, file.parent_path());
        REQUIRE(reading.articles.size() == 1);
        const gazette::Article& article = reading.articles[0];
        CHECK(article.id == "article.txt");
        CHECK(article.title == "Budget talks resume");  // the first non-empty line
        CHECK(article.body == "Finance ministers met on Monday.\n\nThey agreed on nothing.");
        CHECK(article.source.empty());
        CHECK_FALSE(article.date);
        CHECK(article.origin.file == file.string());
        CHECK(reading.diagnostics.empty());
    }

    TEST_CASE("TextReader ids are paths relative to the input root") {
        const fs::path file = gazette::test::testdata("text/nested/deep.txt");
        const Reading reading = read_text(file, gazette::test::testdata("text"));
        REQUIRE(reading.articles.size() == 1);
        CHECK(reading.articles[0].id == "nested/deep.txt");
        CHECK(reading.articles[0].title == "Deep title");
        CHECK(reading.articles[0].body == "Deep body.");
    }

    TEST_CASE("TextReader repairs the encoding") {
        SUBCASE("invalid UTF-8 is read as Windows-1252, with a warning") {
            // Like bbc/sport/199.txt, which has one Latin-1 pound sign.
            const fs::path file = gazette::test::testdata("text/latin1.txt");
            const Reading reading = read_text(file, file.parent_path());
            REQUIRE(reading.articles.size() == 1);
            CHECK(reading.articles[0].body ==
                  "A \xC2\xA3"
                  "15.8m signing and a \xE2\x80\x9Cquoted\xE2\x80\x9D fee.");
            CHECK(reading.diagnostics ==
                  std::vector<std::string>{file.string() +
                                           ": warning: repaired 3 invalid UTF-8 bytes (the first on line 3)"});
        }
        SUBCASE("CRLF line ends and control characters are dropped") {
            const fs::path file = gazette::test::testdata("text/crlf.txt");
            const Reading reading = read_text(file, file.parent_path());
            REQUIRE(reading.articles.size() == 1);
            CHECK(reading.articles[0].title == "Windows title");
            CHECK(reading.articles[0].body == "Line one.\nLine two rings.");
            CHECK(reading.diagnostics.empty());
        }
    }

    TEST_CASE("TextReader reads a file of one line as a body without a title") {
        // It was skipped as "empty body", so `echo note | newsindex -` indexed nothing.
        const fs::path file = gazette::test::testdata("text/one-line.txt");
        const Reading reading = read_text(file, file.parent_path());
        REQUIRE(reading.articles.size() == 1);
        CHECK(reading.articles[0].title.empty());
        CHECK(reading.articles[0].body == "Just a headline");
        CHECK(reading.diagnostics.empty());
    }

    TEST_CASE("TextReader skips files it cannot make an article of") {
        SUBCASE("an empty file") {
            const fs::path file = gazette::test::testdata("text/empty.txt");
            const Reading reading = read_text(file, file.parent_path());
            CHECK(reading.articles.empty());
            CHECK(reading.diagnostics == std::vector<std::string>{file.string() + ": error: empty file"});
        }
        SUBCASE("a file that does not exist") {
            const fs::path file = gazette::test::testdata("text/missing.txt");
            CHECK_THROWS_AS(read_text(file, file.parent_path()), gazette::InputError);
        }
    }

    TEST_CASE("TextReader on the bundled sample") {
        const fs::path file = gazette::test::sample("000_5d398ca54bc80a14.txt");
        const Reading reading = read_text(file, file.parent_path());
        REQUIRE(reading.articles.size() == 1);
        const gazette::Article& article = reading.articles[0];
        CHECK(article.id == "000_5d398ca54bc80a14.txt");
        CHECK(article.title ==
              "President Duque Meets President Biden, Colombia Will Get US Non-NATO Special Ally Status");
        CHECK(article.body.starts_with("JAKARTA - President Joe Biden told Colombian President Ivan Duque"));
        CHECK(reading.diagnostics.empty());
    }

}  // TEST_SUITE
