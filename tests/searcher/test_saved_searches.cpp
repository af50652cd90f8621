// Saved searches: names, storage in the metadata, and alerts by document number.
#include "indexer/index_writer.h"
#include "searcher/saved_searches.h"

#include "test_support.h"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

void write_articles(const std::filesystem::path& db, const std::vector<std::pair<std::string, std::string>>& articles) {
    IndexWriter writer(db);
    for (const auto& [id, body] : articles) {
        Article article;
        article.id = id;
        article.body = body;
        writer.write(article);
    }
    writer.commit();
}

// "name:id" of every alert, in the order given.
std::vector<std::string> read_alerts(const std::filesystem::path& db) {
    std::vector<std::string> alerts;
    SavedSearchStore(db).read_alerts(
        [&alerts](const std::string& name, const Hit& hit) { alerts.push_back(name + ":" + hit.article.id); });
    return alerts;
}

}  // namespace

TEST_SUITE("searcher") {

TEST_CASE("saved searches: names") {
    for (const char* good : {"oil", "Oil-2.news_x", "a"}) CHECK_NOTHROW(check_saved_search_name(good));
    for (const char* bad : {"", "two words", "a/b", "tab\t", "é"}) CHECK_THROWS_AS(check_saved_search_name(bad), std::invalid_argument);
    CHECK_THROWS_AS(check_saved_search_name(std::string(65, 'a')), std::invalid_argument);
}

TEST_CASE("saved searches: stored with their query and language, alerts only for articles added since") {
    auto db = test::scratch_dir("saved");
    write_articles(db, {{"1", "cocoa prices rose"}, {"2", "oil prices fell"}});
    SavedSearchStore(db).save({"cocoa", "cocoa OR\ntea", "en"});
    SavedSearchStore(db).save({"oil", "oil", ""});
    auto searches = saved_searches(Xapian::Database(db.string()));
    REQUIRE(searches.size() == 2);
    CHECK(searches[0].name == "cocoa");
    CHECK(searches[0].query == "cocoa OR\ntea");  // the query is the last field: it may hold line breaks
    CHECK(searches[0].language == "en");
    CHECK(searches[0].seen == Xapian::Database(db.string()).get_lastdocid());  // the newest document
    CHECK(searches[1].name == "oil");

    CHECK(read_alerts(db).empty());
    write_articles(db, {{"3", "oil and cocoa"}, {"1", "cocoa prices rose again"}, {"4", "wheat"}});
    // 1 was updated in place: not new.
    CHECK(read_alerts(db) == std::vector<std::string>{"cocoa:3", "oil:3"});
    CHECK(read_alerts(db).empty());

    CHECK(SavedSearchStore(db).remove("oil"));
    CHECK_FALSE(SavedSearchStore(db).remove("oil"));
    CHECK(saved_searches(Xapian::Database(db.string())).size() == 1);
}

TEST_CASE("saved searches: a folder that is not a database is refused") {
    auto dir = test::scratch_dir("saved-none");
    std::filesystem::create_directories(dir);
    CHECK_THROWS_AS(SavedSearchStore{dir}, DatabaseError);
}

}
