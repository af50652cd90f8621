#include "indexer/parallel_index.h"

#include "common/analyzer.h"
#include "indexer/bounded_queue.h"
#include "common/document.h"
#include "common/language.h"
#include "indexer/near_duplicates.h"
#include "common/schema.h"
#include "indexer/seen_ids.h"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

namespace gazette {

namespace {

struct Chunk {
    std::size_t index = 0;  // in input order, within its round
    std::filesystem::path db;  // where a worker writes it
    std::vector<Article> articles;
};

// Thrown in a thread that waits on a stage another thread has stopped.
class Stopped : public std::exception {};

// What the ordered stage remembers of every article read so far: its
// fingerprint and cluster key, and its id. Compact (28 bytes an article, the
// text of its id twice when it names its cluster, and the tables' slack:
// about 100 bytes with ids of 16 characters), so that a million articles
// take about 100 MB and no article is looked up in a database.
struct BuildMemory {
    FingerprintClusters clusters;
    SeenIds ids;
};

// The one ordered stage: cluster keys, and ids seen twice, chunk after chunk
// in input order, whichever worker finishes its analysis first.
class OrderedClusters {
public:
    explicit OrderedClusters(BuildMemory& memory) : memory_(memory) {}

    // Blocks until every earlier chunk of the round is marked; returns the
    // cluster key of each article of chunk `index`.
    std::vector<std::string> mark(std::size_t index, const std::vector<Article>& articles,
                                  const std::vector<std::uint64_t>& hashes) {
        std::unique_lock lock(mutex_);
        turn_.wait(lock, [&] { return stopped_ || next_ == index; });
        if (stopped_) throw Stopped();
        std::vector<std::string> keys;
        for (std::size_t i = 0; i < articles.size(); ++i) {
            const std::string& id = articles[i].id;
            keys.push_back(memory_.clusters.mark(id, hashes[i]));
            if (!memory_.ids.insert(id)) repeated_ids_.push_back(id);
        }
        ++next_;
        turn_.notify_all();
        return keys;
    }

    void stop() {
        std::lock_guard lock(mutex_);
        stopped_ = true;
        turn_.notify_all();
    }

    // Ids read more than once (once per extra copy); read after the workers joined.
    const std::vector<std::string>& repeated_ids() const { return repeated_ids_; }

private:
    BuildMemory& memory_;
    std::mutex mutex_;
    std::condition_variable turn_;
    std::size_t next_ = 0;
    bool stopped_ = false;
    std::vector<std::string> repeated_ids_;
};

// DB/gazette-build/: the chunk databases, removed when the run ends however it ends.
class ScratchFolder {
public:
    explicit ScratchFolder(const std::filesystem::path& db_dir) : path_(db_dir / "gazette-build") {
        std::filesystem::remove_all(path_);  // left by a run that was killed
        std::filesystem::create_directories(path_);
    }
    ~ScratchFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;

    // Named by round too: a round's chunks stay while the next round's are written.
    std::filesystem::path chunk(std::size_t round, std::size_t index) const {
        return path_ / ("chunk-" + std::to_string(round) + "-" + std::to_string(index));
    }
    std::filesystem::path round(std::size_t index) const { return path_ / ("round-" + std::to_string(index)); }
    std::filesystem::path spelling() const { return path_ / "spelling"; }
    std::filesystem::path merged() const { return path_ / "merged"; }

private:
    std::filesystem::path path_;
};

// Settles the language of one chunk's articles, analyses them and writes them
// to a database of its own, counting their words into `spelling` if the run
// records spelling. The chunk database is new and private: add_document, and
// no fsync or crash protection (DB_DANGEROUS, DB_NO_SYNC), since a crash
// discards it anyway.
void write_chunk(Chunk& chunk, const ParallelRun& run, Analyzer& analyzer, SpellingTally& spelling,
                 OrderedClusters& clusters) {
    Xapian::WritableDatabase db(chunk.db.string(), Xapian::DB_CREATE | Xapian::DB_DANGEROUS | Xapian::DB_NO_SYNC);
    std::vector<Xapian::Document> docs(chunk.articles.size());
    std::vector<std::uint64_t> hashes;
    for (std::size_t i = 0; i < chunk.articles.size(); ++i) {
        Article& article = chunk.articles[i];
        settle_language(article, run.language);
        FoldedText folded = analyzer.index_article(article, docs[i]);
        hashes.push_back(add_fingerprint(folded.title, folded.body, docs[i]));
        docs[i].set_data(encode_document_data(article));
        if (run.spelling == SpellingData::record) spelling.count(docs[i]);
    }
    std::vector<std::string> keys = clusters.mark(chunk.index, chunk.articles, hashes);
    for (std::size_t i = 0; i < docs.size(); ++i) {
        set_cluster_key(keys[i], chunk.articles[i].id, docs[i]);
        db.add_document(docs[i]);
    }
    db.commit();
}

// Each worker writes its chunks while it can take one; the first failure
// stops the queue and the ordered stage, so every other thread ends too.
class Workers {
public:
    Workers(const ParallelRun& run, const std::filesystem::path& db_dir, BuildMemory& memory)
        : db_dir_(db_dir), queue_(run.threads), clusters_(memory), spelling_(run.threads) {
        // A thread that cannot start (no memory left for its stack) stops
        // those started before it: the destructor does not run for a
        // constructor that throws, and a thread left running ends the process.
        try {
            for (std::size_t i = 0; i < run.threads; ++i) {
                threads_.emplace_back([this, &run, i] { work(run, spelling_[i]); });
            }
        } catch (const std::system_error& error) {
            stop();
            join();
            throw ResourceError("cannot start " + std::to_string(run.threads) + " worker threads (" + error.what() +
                                "): give fewer with --threads");
        }
    }
    ~Workers() {
        stop();
        join();
    }
    Workers(const Workers&) = delete;
    Workers& operator=(const Workers&) = delete;

    // Throws a worker's failure when the workers have stopped.
    void push(Chunk chunk) {
        if (!queue_.push(std::move(chunk))) finish();  // rethrows the failure that stopped them
    }

    // Waits for every chunk to be written; rethrows a worker's failure.
    void finish() {
        queue_.close();
        join();
        if (failure_) std::rethrow_exception(failure_);
    }

    const std::vector<std::string>& repeated_ids() const { return clusters_.repeated_ids(); }

    // The spelling counts of every chunk written; call after finish().
    SpellingTally spelling() const {
        SpellingTally all;
        for (const auto& tally : spelling_) all.merge(tally);
        return all;
    }

private:
    void work(const ParallelRun& run, SpellingTally& spelling) {
        try {
            Analyzer analyzer;
            while (auto chunk = queue_.pop()) {
                write_to(db_dir_, [&] { write_chunk(*chunk, run, analyzer, spelling, clusters_); });
            }
        } catch (const Stopped&) {
            // another thread failed first
        } catch (...) {
            std::lock_guard lock(failure_mutex_);
            if (!failure_) failure_ = std::current_exception();
            stop();
        }
    }

    void stop() {
        queue_.stop();
        clusters_.stop();
    }

    void join() {
        for (auto& thread : threads_) {
            if (thread.joinable()) thread.join();
        }
    }

    std::filesystem::path db_dir_;  // named when the disk is full
    // The chunks read and not yet taken by a worker: a few per worker, so
    // reading never runs far ahead of writing.
    BoundedQueue<Chunk> queue_;
    OrderedClusters clusters_;
    std::vector<SpellingTally> spelling_;  // one per thread: no locking
    std::mutex failure_mutex_;
    std::exception_ptr failure_;
    std::vector<std::thread> threads_;  // last: started once the rest is built
};

// A serial build replaces an article read twice in place; here every copy
// was added, so all but the last (highest docid) go.
void remove_earlier_copies(Xapian::WritableDatabase& db, const std::vector<std::string>& repeated_ids) {
    std::unordered_set<std::string> ids(repeated_ids.begin(), repeated_ids.end());
    for (const auto& id : ids) {
        std::string term(schema::kIdPrefix);
        term += id;
        std::vector<Xapian::docid> copies(db.postlist_begin(term), db.postlist_end(term));
        copies.pop_back();
        for (Xapian::docid copy : copies) db.delete_document(copy);
    }
}

// The chunks of one round, in input order.
struct Round {
    std::vector<std::filesystem::path> chunks;
    std::vector<std::string> repeated_ids;
    SpellingTally spelling;
    bool full = false;  // it ended at run.round_articles, not at the end of the input
};

// Reads up to run.round_articles articles and writes them, chunk by chunk, on the
// workers; `read` counts the articles read so far in the run.
Round build_round(const std::filesystem::path& db_dir, const ParallelRun& run, const ScratchFolder& scratch,
                  std::size_t round_number, BuildMemory& memory, std::size_t& read) {
    Round round;
    Workers workers(run, db_dir, memory);
    Chunk chunk;
    const auto hand_over = [&] {
        chunk.db = scratch.chunk(round_number, chunk.index);
        round.chunks.push_back(chunk.db);
        Chunk next{chunk.index + 1, {}, {}};
        workers.push(std::exchange(chunk, std::move(next)));
    };
    std::size_t in_round = 0;
    while (in_round < run.round_articles) {
        auto article = run.next_article();
        if (!article) break;
        chunk.articles.push_back(std::move(*article));
        ++in_round;
        ++read;
        if (run.on_read) run.on_read(read);
        if (chunk.articles.size() == run.chunk_articles) hand_over();
    }
    round.full = in_round == run.round_articles;
    if (!chunk.articles.empty()) hand_over();
    workers.finish();
    round.repeated_ids = workers.repeated_ids();
    round.spelling = workers.spelling();
    return round;
}

// Merges chunk databases, in order, into one at `out`, and removes them.
void merge_chunks(const std::vector<std::filesystem::path>& chunks, const std::filesystem::path& out) {
    Xapian::Database parts;
    for (const auto& chunk : chunks) parts.add_database(Xapian::Database(chunk.string()));
    parts.compact(out.string(), Xapian::DBCOMPACT_MULTIPASS);
    parts.close();
    for (const auto& chunk : chunks) std::filesystem::remove_all(chunk);
}

// Merges one full round's chunks into its round database on a thread of its
// own, while the workers build the next round: the merge is serial, and the
// workers alone leave part of the cores idle (bench/RESULTS.md). Destroying it
// waits for the merge to end.
class RoundMerge {
public:
    RoundMerge(std::vector<std::filesystem::path> chunks, std::filesystem::path out,
               const std::filesystem::path& db_dir)
        : out_(std::move(out)), thread_([this, chunks = std::move(chunks), db_dir] {
              try {
                  write_to(db_dir, [&] { merge_chunks(chunks, out_); });
              } catch (...) {
                  failure_ = std::current_exception();
              }
          }) {}
    RoundMerge(const RoundMerge&) = delete;
    RoundMerge& operator=(const RoundMerge&) = delete;

    // Waits for the merge; rethrows its failure.
    void wait() {
        thread_.join();
        if (failure_) std::rethrow_exception(failure_);
    }

private:
    std::filesystem::path out_;
    std::exception_ptr failure_;
    std::jthread thread_;  // last: started once the rest is built
};

// The build's spelling data as a database with no documents, for the final
// merge. The tally holds one count per distinct word: its memory grows with
// the vocabulary, not with the number of articles, so the build's memory
// stays bounded by its rounds (issue 3) as long as the vocabulary is.
void write_spelling(SpellingTally& spelling, const std::filesystem::path& out) {
    Xapian::WritableDatabase db(out.string(), Xapian::DB_CREATE | Xapian::DB_DANGEROUS | Xapian::DB_NO_SYNC);
    spelling.add_to(db);
    db.commit();
}

}  // namespace

ParallelOutcome index_in_parallel(IndexWriter& writer, const ParallelRun& run) {
    ScratchFolder scratch(writer.db_dir());
    std::size_t read = 0;
    std::vector<std::string> repeated_ids;
    std::vector<std::filesystem::path> parts;  // the full rounds' databases, then the last round's chunks
    BuildMemory memory;
    SpellingTally spelling;
    std::optional<RoundMerge> merging;  // after `scratch`: a failure waits for it before the folder goes
    for (;;) {
        // parts holds one database per full round so far: its size numbers this round.
        Round round = build_round(writer.db_dir(), run, scratch, parts.size(), memory, read);
        repeated_ids.insert(repeated_ids.end(), round.repeated_ids.begin(), round.repeated_ids.end());
        spelling.merge(round.spelling);
        if (merging) merging->wait();
        if (!round.full) {
            // The last round's chunks go straight into the target: nothing
            // looks them up, so they need no round database of their own.
            parts.insert(parts.end(), round.chunks.begin(), round.chunks.end());
            break;
        }
        parts.push_back(scratch.round(parts.size()));
        merging.emplace(std::move(round.chunks), parts.back(), writer.db_dir());
    }
    if (!spelling.empty()) {
        // Last, where its lack of documents shifts no article's number.
        parts.push_back(scratch.spelling());
        write_to(writer.db_dir(), [&] { write_spelling(spelling, parts.back()); });
    }
    writer.merge_into_empty(parts, scratch.merged(), [&](Xapian::WritableDatabase& merged) {
        remove_earlier_copies(merged, repeated_ids);
        if (run.synonyms) store_synonym_groups(merged, *run.synonyms);
    });
    ParallelOutcome outcome;
    outcome.replaced = repeated_ids.size();
    outcome.added = read - outcome.replaced;
    return outcome;
}

}  // namespace gazette
