// The spelling data newsindex records for "did you mean": every occurrence of
// every free-text word, the same from the serial and the parallel build.
#include "indexer/index_writer.h"
#include "indexer/parallel_index.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <vector>

using namespace gazette;

TEST_SUITE("indexer") {

namespace {

std::vector<Article> spelling_articles() {
    Article first;
    first.id = "1";
    first.title = "Cocoa prices";
    first.body = "Cocoa rose; cocoa FELL. U.S. prices: x 1987 5.93 1,500 g7";
    first.location = "Bogotá";  // a prefixed field: not spelling data
    Article second;
    second.id = "2";
    second.title = "Café";
    second.body = "cafe prices";
    return {first, second};
}

}  // namespace

TEST_CASE("spelling: every occurrence of each title and body word is counted, single letters, numbers and other fields left out") {
    // Counted by hand from spelling_articles(): titles count once (not by
    // their weight), "U.S." is "us", accents fold ("Café" -> "cafe"). Numbers
    // have no spelling to suggest: left out to keep the table small (a third
    // of Reuters' words were numbers); "g7" has a letter and stays.
    const std::map<std::string, Xapian::doccount> expected = {
        {"cafe", 2}, {"cocoa", 3}, {"fell", 1}, {"g7", 1}, {"prices", 3}, {"rose", 1}, {"us", 1}};
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
