#include "common/parallel_index.h"

#include "common/analyzer.h"
#include "common/bounded_queue.h"
#include "common/document.h"
#include "common/near_duplicates.h"
#include "common/schema.h"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

namespace gazette {

namespace {

struct Chunk {
    std::size_t index = 0;  // in input order
    std::vector<Article> articles;
};

// Thrown in a thread that waits on a stage another thread has stopped.
class Stopped : public std::exception {};

// The one ordered stage: cluster keys, and ids seen twice, chunk after chunk
// in input order, whichever worker finishes its analysis first.
class OrderedClusters {
public:
    // Blocks until every earlier chunk is marked; returns the cluster key of
    // each article of chunk `index`.
    std::vector<std::string> mark(std::size_t index, const std::vector<Article>& articles,
                                  const std::vector<std::uint64_t>& hashes) {
        std::unique_lock lock(mutex_);
        turn_.wait(lock, [&] { return stopped_ || next_ == index; });
        if (stopped_) throw Stopped();
        std::vector<std::string> keys;
        for (std::size_t i = 0; i < articles.size(); ++i) {
            keys.push_back(clusters_.mark(articles[i].id, hashes[i]));
            if (!ids_.insert(articles[i].id).second) repeated_ids_.push_back(articles[i].id);
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
    std::mutex mutex_;
    std::condition_variable turn_;
    std::size_t next_ = 0;
    bool stopped_ = false;
    FingerprintClusters clusters_;
    std::unordered_set<std::string> ids_;
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

    std::filesystem::path chunk(std::size_t index) const { return path_ / ("chunk-" + std::to_string(index)); }
    std::filesystem::path merged() const { return path_ / "merged"; }

private:
    std::filesystem::path path_;
};

// Analyses one chunk and writes it to a database of its own. The chunk
// database is new and private: add_document, and no fsync or crash
// protection (DB_DANGEROUS, DB_NO_SYNC), since a crash discards it anyway.
void write_chunk(const Chunk& chunk, const std::filesystem::path& chunk_db, Analyzer& analyzer, SpellingData spelling,
                 OrderedClusters& clusters) {
    Xapian::WritableDatabase db(chunk_db.string(), Xapian::DB_CREATE | Xapian::DB_DANGEROUS | Xapian::DB_NO_SYNC);
    SpellingTally spelling_tally;
    std::vector<Xapian::Document> docs(chunk.articles.size());
    std::vector<std::uint64_t> hashes;
    for (std::size_t i = 0; i < chunk.articles.size(); ++i) {
        const Article& article = chunk.articles[i];
        analyzer.index_article(article, docs[i]);
        hashes.push_back(add_fingerprint(analyzer.normalise(article.title), analyzer.normalise(article.body), docs[i]));
        docs[i].set_data(encode_document_data(article));
        if (spelling == SpellingData::record) spelling_tally.count(docs[i]);
    }
    std::vector<std::string> keys = clusters.mark(chunk.index, chunk.articles, hashes);
    for (std::size_t i = 0; i < docs.size(); ++i) {
        docs[i].add_value(schema::kClusterSlot, keys[i]);
        db.add_document(docs[i]);
    }
    spelling_tally.add_to(db);
    db.commit();
}

// Each worker writes its chunks while it can take one; the first failure
// stops the queue and the ordered stage, so every other thread ends too.
class Workers {
public:
    Workers(const ParallelRun& run, const std::filesystem::path& db_dir, const ScratchFolder& scratch)
        : db_dir_(db_dir), queue_(run.threads) {
        for (std::size_t i = 0; i < run.threads; ++i) {
            threads_.emplace_back([this, &run, &scratch] { work(run.spelling, scratch); });
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

private:
    void work(SpellingData spelling, const ScratchFolder& scratch) {
        try {
            Analyzer analyzer;
            while (auto chunk = queue_.pop()) {
                write_to(db_dir_, [&] { write_chunk(*chunk, scratch.chunk(chunk->index), analyzer, spelling, clusters_); });
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
    std::mutex failure_mutex_;
    std::exception_ptr failure_;
    std::vector<std::thread> threads_;  // last: started once the rest is built
};

// A serial build replaces an article read twice in place; here every copy
// was added, so all but the last (highest docid) go.
std::size_t remove_earlier_copies(IndexWriter& writer, const std::vector<std::string>& repeated_ids) {
    std::unordered_set<std::string> ids(repeated_ids.begin(), repeated_ids.end());
    for (const auto& id : ids) {
        std::string term(schema::kIdPrefix);
        term += id;
        std::vector<Xapian::docid> copies(writer.database().postlist_begin(term), writer.database().postlist_end(term));
        copies.pop_back();
        for (Xapian::docid copy : copies) writer.remove(copy);
    }
    return repeated_ids.size();
}

}  // namespace

ParallelOutcome index_in_parallel(IndexWriter& writer, const ParallelRun& run) {
    ScratchFolder scratch(writer.db_dir());
    std::size_t read = 0;
    std::vector<std::filesystem::path> chunks;
    Workers workers(run, writer.db_dir(), scratch);
    Chunk chunk;
    const auto hand_over = [&] {
        chunks.push_back(scratch.chunk(chunk.index));
        Chunk next{chunk.index + 1, {}};
        workers.push(std::exchange(chunk, std::move(next)));
    };
    while (auto article = run.next_article()) {
        chunk.articles.push_back(std::move(*article));
        if (run.on_read) run.on_read(++read);
        if (chunk.articles.size() == kChunkArticles) hand_over();
    }
    if (!chunk.articles.empty()) hand_over();
    workers.finish();
    writer.merge_into_empty(chunks, scratch.merged());
    ParallelOutcome outcome;
    outcome.replaced = remove_earlier_copies(writer, workers.repeated_ids());
    outcome.added = read - outcome.replaced;
    return outcome;
}

}  // namespace gazette
