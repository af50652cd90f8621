#include "indexer/index_writer.h"
#include "common/archive_layout.h"
#include "common/language.h"
#include "indexer/parallel_index.h"
#include "common/schema.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <map>

namespace fs = std::filesystem;
using namespace gazette;

namespace {

Article article(const std::string& id, const std::string& body) {
    Article a;
    a.id = id;
    a.title = "Report " + id;
    a.body = body;
    return a;
}

// Stories that are no near-duplicates of one another.
const std::vector<std::string> kStories = {
    "The cocoa buffer stock manager bought forty thousand tonnes of beans in London on Monday to support "
    "prices under the new international agreement, traders said.",
    "Shares in the largest mining group fell sharply after it cut its dividend and warned that gold output "
    "would drop this year because two deep shafts were flooded.",
    "The central bank left its discount rate unchanged at six percent and said money supply growth was within "
    "the target range set for the year by the government.",
    "Heavy rain flooded wheat fields across the northern plains and farmers expect the harvest to be delayed "
    "by at least three weeks, the agriculture ministry said.",
    "The airline ordered twelve wide-bodied jets worth two billion dollars and will lease six more to replace "
    "its ageing fleet on transatlantic routes by nineteen ninety.",
    "Crude oil prices rose for a third day as producers agreed to hold output at current levels until the "
    "end of the quarter, oil traders in New York said.",
};

// id -> (cluster key, body) of every document in the database at `dir`.
std::map<std::string, std::pair<std::string, std::string>> contents(const fs::path& dir) {
    Xapian::Database db(dir.string());
    const std::string id_prefix(schema::kIdPrefix);
    std::map<std::string, std::pair<std::string, std::string>> found;
    for (auto it = db.allterms_begin(id_prefix); it != db.allterms_end(id_prefix); ++it) {
        Xapian::PostingIterator doc = db.postlist_begin(*it);
        Xapian::Document d = db.get_document(*doc);
        found[(*it).substr(id_prefix.size())] = {d.get_value(schema::kClusterSlot), d.get_data()};
        CHECK(++doc == db.postlist_end(*it));  // one document per id
    }
    return found;
}

// Indexes `input` into DIR/serial one article at a time and into
// DIR/parallel in chunks and rounds of the sizes given; returns the parallel
// build's outcome.
ParallelOutcome build_serial_and_parallel(const fs::path& dir, const std::vector<Article>& input,
                                          std::size_t chunk_articles, std::size_t round_articles) {
    {
        IndexWriter serial(dir / "serial");
        // index_into settles each language before a serial write; the
        // parallel build settles them on its workers.
        for (Article a : input) {
            settle_language(a, {});
            serial.write(a);
        }
        serial.commit();
    }
    IndexWriter writer(dir / "parallel");
    std::size_t next = 0;
    ParallelRun run;
    run.chunk_articles = chunk_articles;
    run.round_articles = round_articles;
    run.next_article = [&]() -> std::optional<Article> {
        if (next == input.size()) return std::nullopt;
        return input[next++];
    };
    ParallelOutcome outcome = index_in_parallel(writer, run);
    writer.commit();
    return outcome;
}

}  // namespace

TEST_CASE("parallel index: the round before is looked up in memory while its database is merged") {
    // Rounds of 2 articles, one a chunk: each full round is merged on a
    // thread of its own while the next is built, so the next round finds its
    // copies and ids in the memory it left, and the rounds after that in its
    // database. Both paths must give the serial build's keys and ids.
    const std::vector<Article> input = {
        article("a", kStories[0]), article("b", kStories[1]),                // round 0
        article("c", kStories[2]), article("copy-of-b", kStories[1]),        // round 1: b from round 0's memory
        article("d", kStories[3]), article("copy-of-c", kStories[2]),        // round 2: c from round 1's memory
        article("d", kStories[4]), article("late-copy-of-a", kStories[0]),  // round 3: d from memory, a from a database
        article("b", kStories[5]),                                           // round 4, the last: b from a database
    };
    fs::path dir = test::scratch_dir("parallel-round-memory");
    ParallelOutcome outcome = build_serial_and_parallel(dir, input, 1, 2);
    CHECK(outcome.added == 7);
    CHECK(outcome.replaced == 2);

    auto parallel = contents(dir / "parallel");
    CHECK(parallel == contents(dir / "serial"));
    REQUIRE(parallel.size() == 7);
    CHECK(parallel["copy-of-b"].first == "b");
    CHECK(parallel["copy-of-c"].first == "c");
    CHECK(parallel["late-copy-of-a"].first == "a");
    CHECK(parallel["d"].second.find("airline") != std::string::npos);     // the later version stays
    CHECK(parallel["b"].second.find("Crude oil") != std::string::npos);  // the later version stays
    CHECK(!fs::exists(dir / "parallel" / "gazette-build"));
    // Both builds mark the three copies, and say that they do.
    for (const char* build : {"serial", "parallel"}) {
        CAPTURE(build);
        Xapian::Database db((dir / build).string());
        CHECK(db.get_termfreq(std::string(schema::kCopyTerm)) == 3);
        CHECK(db.get_metadata(std::string(schema::kCopiesMarkedKey)) == "1");
    }
    CHECK(test::spelling_table(dir / "parallel") == test::spelling_table(dir / "serial"));
}

TEST_CASE("parallel index: rounds find copies and repeated ids of earlier rounds, as a serial build does") {
    // Rounds of 4 articles in chunks of 2: copies of "a" and a new version of
    // "b" arrive rounds after the first ones, a copy of "e" in its round.
    const std::vector<Article> input = {
        article("a", kStories[0]), article("b", kStories[1]), article("c", kStories[2]),
        article("d", kStories[3]), article("e", kStories[4]), article("copy-of-a", kStories[0]),
        article("b", kStories[5]), article("copy-of-e", kStories[4]), article("late-copy-of-a", kStories[0]),
    };
    fs::path dir = test::scratch_dir("parallel-rounds");
    ParallelOutcome outcome = build_serial_and_parallel(dir, input, 2, 4);
    CHECK(outcome.added == 8);
    CHECK(outcome.replaced == 1);

    auto parallel = contents(dir / "parallel");
    CHECK(parallel == contents(dir / "serial"));
    REQUIRE(parallel.size() == 8);
    CHECK(parallel["copy-of-a"].first == "a");
    CHECK(parallel["late-copy-of-a"].first == "a");
    CHECK(parallel["copy-of-e"].first == "e");  // in the same round
    CHECK(parallel["b"].second.find("Crude oil") != std::string::npos);  // the later version stays
    CHECK(!fs::exists(dir / "parallel" / "gazette-build"));
    // Both builds mark the three copies, and say that they do.
    for (const char* build : {"serial", "parallel"}) {
        CAPTURE(build);
        Xapian::Database db((dir / build).string());
        CHECK(db.get_termfreq(std::string(schema::kCopyTerm)) == 3);
        CHECK(db.get_metadata(std::string(schema::kCopiesMarkedKey)) == "1");
    }

    // The spelling data is counted over the whole build and written once:
    // every copy of every article counts, as in the serial build, and no
    // word is lost or counted twice. "report" is in each of the 9 titles,
    // "cocoa" in the 3 copies of the first story, "crude" in the second "b".
    auto spelling = test::spelling_table(dir / "parallel");
    CHECK(spelling == test::spelling_table(dir / "serial"));
    CHECK(spelling["report"] == 9);
    CHECK(spelling["cocoa"] == 3);
    CHECK(spelling["crude"] == 1);
}

TEST_CASE("parallel index: the articles, the removal of earlier copies and the synonyms appear in one revision") {
    // "b" is read twice; its first copy is removed. A reader that opens the
    // database as soon as the build returns, before anything else commits,
    // must see the finished build: a crash at that point would leave it.
    const std::vector<Article> input = {article("a", kStories[0]), article("b", kStories[1]),
                                        article("c", kStories[2]), article("b", kStories[5])};
    fs::path dir = test::scratch_dir("parallel-one-revision");
    IndexWriter writer(dir);
    std::size_t next = 0;
    ParallelRun run;
    run.chunk_articles = 2;
    run.next_article = [&]() -> std::optional<Article> {
        if (next == input.size()) return std::nullopt;
        return input[next++];
    };
    run.synonyms = SynonymGroups{{"us", "united states"}};
    index_in_parallel(writer, run);

    Xapian::Database published(dir.string());
    CHECK(article_count(published) == 3);
    CHECK(published.get_termfreq(std::string(schema::kIdPrefix) + "b") == 1);
    CHECK(parse_synonym_groups(published.get_metadata(std::string(kSynonymsMetadataKey))) == run.synonyms);
}
