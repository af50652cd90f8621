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

TEST_CASE("writer lock: gazette's own lock turns a writer away, Xapian's lock free") {
    fs::path dir = test::scratch_dir("gazette-lock");
    { IndexWriter create(dir); }
    // What a writer holds between closing the old database and opening the
    // new one in a parallel build's merge: gazette's lock and its record,
    // not Xapian's.
    WriterLock held(dir);
    WriterRecord record(dir);
    std::string message;
    try {
        IndexWriter second(dir);
    } catch (const DatabaseLockedError& error) {
        message = error.what();
    }
    CHECK(message.find("database '" + dir.string() + "' is locked by another writer: ") != std::string::npos);
    CHECK(message.find("(pid " + std::to_string(getpid()) + ",") != std::string::npos);
}

TEST_CASE("writer lock: a lock file left by a killed writer blocks no one") {
    fs::path dir = test::scratch_dir("gazette-lock-stale");
    test::write_file(dir / "gazette-lock", "");
    IndexWriter writer(dir);  // neither the folder check nor the lock refuses it
}

TEST_CASE("writer lock: after a merge exchanges the folders, the writer holds the new folder's lock") {
    // Bug: the merge kept the lock of the old folder, which left with it, so
    // another writer could take the new folder's while Xapian's was let go.
    fs::path dir = test::scratch_dir("gazette-lock-merge");
    {
        IndexWriter part(dir / "part");
        Article article;
        article.id = "a1";
        article.body = "merged in";
        part.write(article);
        part.commit();
    }
    IndexWriter writer(dir / "db");
    writer.merge_into_empty({dir / "part"}, dir / "staging", [](Xapian::WritableDatabase&) {});
    CHECK_FALSE(fs::exists(dir / "staging"));  // exchanged, not moved table by table
    CHECK_THROWS_AS(WriterLock(dir / "db"), DatabaseLockedError);
    CHECK(describe_writer(dir / "db").find("(pid " + std::to_string(getpid()) + ",") != std::string::npos);
    writer.remove("a1");
    writer.commit();
    CHECK(article_count(Xapian::Database((dir / "db").string())) == 0);
}

}  // TEST_SUITE
