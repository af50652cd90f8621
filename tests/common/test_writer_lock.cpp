// One writer at a time: a second writer fails at once and names the first.
#include "indexer/index_writer.h"
#include "common/archive_layout.h"
#include "common/writer_lock.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <unistd.h>

using namespace gazette;
namespace fs = std::filesystem;

TEST_SUITE("common") {

TEST_CASE("writer lock: a second writer is refused with the holder's pid, and the first goes on") {
    fs::path dir = test::scratch_dir("lock");
    IndexWriter first(dir);
    std::string message;
    try {
        IndexWriter second(dir);
    } catch (const DatabaseLockedError& error) {
        message = error.what();
    }
    CHECK(message.find("database '" + dir.string() + "' is locked by another writer") != std::string::npos);
    CHECK(message.find("(pid " + std::to_string(getpid()) + ",") != std::string::npos);

    Article article;
    article.id = "a1";
    article.body = "still writing";
    CHECK(first.write(article) == WriteOutcome::added);
    first.commit();
    CHECK(article_count(Xapian::Database(dir.string())) == 1);
}

TEST_CASE("writer lock: the record goes with the writer") {
    fs::path dir = test::scratch_dir("lock-released");
    { IndexWriter writer(dir); }
    CHECK(describe_writer(dir) == "another process");
    IndexWriter again(dir);  // the lock was released too
}

}  // TEST_SUITE
