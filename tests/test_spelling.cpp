// "Did you mean": suggestions from the index's own vocabulary, shown as the
// query respelt.
#include "common/index_writer.h"
#include "common/parallel_index.h"
#include "common/spelling.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <vector>

using namespace gazette;

TEST_SUITE("common") {

TEST_CASE("spelling: absent and rare words are respelt, the rest of the query kept as typed") {
    auto dir = test::scratch_dir("spelling-db");
    {
        IndexWriter writer(dir);
        for (int i = 0; i < 30; ++i) {
            Article article;
            article.id = std::to_string(i);
            article.body = i == 0 ? "Colombia and NATO talk petroleum; the petrolium typo" : "Colombia and NATO talk petroleum";
            writer.write(article);
        }
        writer.commit();
    }
    Xapian::Database db(dir.string());
    Analyzer analyzer;
    struct Case {
        const char* query;
        const char* suggestion;  // "" for none
    };
    const Case cases[] = {
        {"Colmbia nato", "Colombia nato"},
        {"COLMBIA NATO", "COLOMBIA NATO"},
        {"colombia nato", ""},                       // right already
        {"petrolium", "petroleum"},                  // rare (1 article) next to a common word
        {"+(Colmbia OR nato)", "+(Colombia OR nato)"},
        {"\"Colmbia nato\" title:Colmbia", ""},      // phrases and fields are not touched
        {"zzyzx", ""},                               // nothing near it
    };
    for (const auto& c : cases) {
        CAPTURE(c.query);
        CHECK(suggest_spelling(db, analyzer, c.query).value_or("") == c.suggestion);
    }
}

TEST_CASE("spelling: an index built without spelling data suggests nothing") {
    auto dir = test::scratch_dir("no-spelling-db");
    {
        IndexWriter writer(dir, SpellingData::skip);
        Article article;
        article.id = "1";
        article.body = "Colombia";
        writer.write(article);
        writer.commit();
    }
    Analyzer analyzer;
    CHECK_FALSE(suggest_spelling(Xapian::Database(dir.string()), analyzer, "Colmbia"));
}

namespace {

std::vector<Article> spelling_articles() {
    Article first;
    first.id = "1";
    first.title = "Cocoa prices";
    first.body = "Cocoa rose; cocoa FELL. U.S. prices: x";
    first.location = "Bogotá";  // a prefixed field: not spelling data
    Article second;
    second.id = "2";
    second.title = "Café";
    second.body = "cafe prices";
    return {first, second};
}

}  // namespace

TEST_CASE("spelling: every occurrence of each title and body word is counted, single letters and other fields left out") {
    // Counted by hand from spelling_articles(): titles count once (not by
    // their weight), "U.S." is "us", accents fold ("Café" -> "cafe").
    const std::map<std::string, Xapian::doccount> expected = {
        {"cafe", 2}, {"cocoa", 3}, {"fell", 1}, {"prices", 3}, {"rose", 1}, {"us", 1}};
    enum class Build { serial, parallel };
    for (Build build : {Build::serial, Build::parallel}) {
        CAPTURE(static_cast<int>(build));
        auto dir = test::scratch_dir(build == Build::serial ? "tally-serial" : "tally-parallel");
        {
            IndexWriter writer(dir);
            if (build == Build::serial) {
                for (const Article& article : spelling_articles()) writer.write(article);
                writer.commit();
            } else {
                std::vector<Article> articles = spelling_articles();
                std::size_t next = 0;
                ParallelRun run;
                run.next_article = [&]() -> std::optional<Article> {
                    if (next == articles.size()) return std::nullopt;
                    return articles[next++];
                };
                index_in_parallel(writer, run);
            }
        }
        CHECK(test::spelling_table(dir) == expected);
    }
}

}  // TEST_SUITE
