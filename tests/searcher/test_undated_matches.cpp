// Matches without a date: --sort newest or oldest, --recency and the
// timeline say that they cannot place them (issue 17 part 9).
#include "indexer/index_writer.h"
#include "searcher/search_features.h"
#include "searcher/searcher.h"
#include "searcher/timeline.h"
#include "searcher/undated_matches.h"
#include "test_support.h"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

// Three articles on cocoa, one of them dated, and one on coffee, undated.
std::filesystem::path cocoa_db() {
    auto dir = test::scratch_dir("undated-db");
    IndexWriter writer(dir);
    const char* bodies[] = {"cocoa harvest", "cocoa prices", "cocoa stocks", "coffee prices"};
    int id = 0;
    for (const char* body : bodies) {
        Article article;
        article.id = std::to_string(++id);
        article.body = body;
        if (id == 1) article.date = Date{1987, 3, 2};
        writer.write(article);
    }
    writer.commit();
    return dir;
}

std::vector<std::string> notes_of(Searcher& searcher, const std::string& query, SearchOptions options,
                                  const FeatureSettings& wanted = {}) {
    options.features = make_features(wanted, options);
    return searcher.search(query, options).notes;
}

}  // namespace

TEST_SUITE("searcher") {

TEST_CASE("undated matches: counted, and a note only when some have no date") {
    Xapian::Database db(cocoa_db().string());
    const Xapian::Query cocoa("Z" + Xapian::Stem("en")("cocoa")), coffee("Z" + Xapian::Stem("en")("coffee"));
    CHECK(count_undated(db, cocoa).articles == 3);
    CHECK(count_undated(db, cocoa).undated == 2);
    CHECK(count_undated(db, coffee).undated == 1);
    CHECK_FALSE(undated_note({3, 0}, "--sort newest"));
    CHECK(undated_note({3, 2}, "--sort newest") ==
          "2 of the 3 matching articles have no date: --sort newest cannot place them by date");
    CHECK(undated_note({1, 1}, "--recency") ==
          "no matching article has a date: --recency cannot order them (they are in order of relevance)");
}

TEST_CASE("undated matches: a date order, the recency boost and the timeline say they cannot place them") {
    // Regression (issue 17 part 9): --sort newest, --recency and --timeline
    // over undated articles gave relevance order or an empty chart silently.
    Searcher searcher(std::vector<std::filesystem::path>{cocoa_db()});
    SearchOptions newest;
    newest.sort = SortOrder::newest;
    CHECK(notes_of(searcher, "coffee", newest) ==
          std::vector<std::string>{"no matching article has a date: --sort newest cannot order them (they are in order of relevance)"});
    SearchOptions oldest;
    oldest.sort = SortOrder::oldest;
    CHECK(notes_of(searcher, "cocoa", oldest) ==
          std::vector<std::string>{"2 of the 3 matching articles have no date: --sort oldest cannot place them by date"});
    SearchOptions recency;
    recency.recency_half_life_days = 30;
    CHECK(notes_of(searcher, "coffee", recency).size() == 1);
    CHECK(notes_of(searcher, "cocoa", SearchOptions{}).empty());  // relevance needs no date
    CHECK(notes_of(searcher, "tea", newest).empty());              // nothing matches: nothing to place

    FeatureSettings timeline;
    timeline.set(TimelineSettings{true, std::nullopt});
    CHECK(notes_of(searcher, "coffee", SearchOptions{}, timeline) ==
          std::vector<std::string>{"no matching article has a date: the timeline is empty"});
    CHECK(notes_of(searcher, "cocoa", SearchOptions{}, timeline).empty());
}

}  // TEST_SUITE
