// Searching while the index is rewritten: a search whose revision has been
// discarded by the writer reopens the database and runs again. Searchers in
// separate threads (newsserve's workers) share nothing.
#include "indexer/index_writer.h"
#include "searcher/search_features.h"
#include "searcher/searcher.h"
#include "searcher/timeline.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <atomic>
#include <thread>

using namespace gazette;
namespace fs = std::filesystem;

namespace {

void write_edition(IndexWriter& writer, const std::string& edition) {
    for (int i = 0; i < 1000; ++i) {
        Article article;
        article.id = std::to_string(i);
        article.title = "Story " + std::to_string(i) + " " + edition;
        article.body = "The " + edition + " edition of story number " + std::to_string(i) + ".";
        writer.write(article);
    }
    writer.commit();
}

}  // namespace

TEST_SUITE("searcher") {

TEST_CASE("searcher: a revision discarded by the writer is reopened, not reported") {
    fs::path dir = test::scratch_dir("reopen");
    IndexWriter writer(dir);
    write_edition(writer, "alpha");
    Searcher searcher({dir});
    // The stories differ in one number: near-duplicates, which must not be
    // collapsed here, where every article counts.
    SearchOptions every_copy;
    every_copy.duplicates = SearchOptions::Duplicates::show;
    CHECK(searcher.search("story", every_copy).total == 1000);

    // Xapian keeps only the revision before the last commit: after a few
    // rewrites of every article, the blocks the searcher had open are reused.
    for (const char* edition : {"beta", "gamma", "delta", "epsilon"}) {
        write_edition(writer, edition);
        // A word the searcher has not read yet: its blocks come from disk.
        SearchResults results = searcher.search(std::string("number ") + edition, every_copy);
        CHECK(results.total == 1000);
        for (const Hit& hit : results.hits) {
            std::string title_edition = hit.article.title.substr(hit.article.title.rfind(' ') + 1);
            CHECK(hit.article.body.find("The " + title_edition + " edition") == 0);
        }
    }
}

// Regression: the timeline's baseline, every article, was built on
// Xapian::Query::MatchAll, one global object whose reference count Xapian
// does not update atomically; Searchers copying it in several threads
// corrupted it, and newsserve crashed under load in Enquire::set_query.
TEST_CASE("searcher: Searchers in separate threads share no Xapian object") {
    fs::path dir = test::scratch_dir("threads");
    {
        IndexWriter writer(dir);
        for (int i = 0; i < 60; ++i) {
            Article article;
            article.id = std::to_string(i);
            article.title = "Report " + std::to_string(i);
            article.body = "A market report, number " + std::to_string(i) + ".";
            article.date = Date{1987, 3, 1 + i % 28};
            writer.write(article);
        }
        writer.commit();
    }
    SearchOptions options;
    options.duplicates = SearchOptions::Duplicates::show;
    FeatureSettings timeline;
    timeline.set(TimelineSettings{true, std::nullopt});
    options.features = make_features(timeline, options);
    constexpr int kThreads = 8;
    constexpr int kSearches = 3000;
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&dir, &options, &wrong] {
            Searcher searcher({dir});
            for (int i = 0; i < kSearches; ++i) {
                SearchResults results = searcher.search("market", options);
                const Timeline* timeline = results.features.find<Timeline>();
                if (results.total != 60 || !timeline || timeline->bars.size() != 28) ++wrong;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(wrong == 0);
}

}  // TEST_SUITE
