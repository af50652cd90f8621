#include "indexer/sharded_index.h"

#include "common/analyzer.h"
#include "corpus/stable_hash.h"
#include "indexer/bounded_queue.h"
#include "indexer/near_duplicates.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <functional>
#include <future>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace gazette {

namespace {

// Relative paths: Xapian resolves them against the stub's folder, so the
// archive can be moved or mounted elsewhere whole.
void write_stub(const std::filesystem::path& db_dir, std::size_t shards) {
    std::filesystem::path temporary = stub_path(db_dir);
    temporary += ".tmp";
    {
        std::ofstream out(temporary);
        for (std::size_t shard = 0; shard < shards; ++shard) {
            out << "auto " << shard_dir({}, shard).string() << "\n";
        }
        if (!out.flush()) throw DatabaseError("cannot write stub file '" + temporary.string() + "'");
    }
    std::filesystem::rename(temporary, stub_path(db_dir));  // a reader never sees half a list
}

void check_layout(const std::filesystem::path& db_dir, std::size_t shards) {
    if (std::filesystem::exists(db_dir / "iamglass")) {
        throw DatabaseError("database '" + db_dir.string() + "' is one database, not a sharded archive: index " +
                            "into a new folder to shard it");
    }
    auto existing = shard_count(db_dir);
    if (existing && *existing != shards) {
        throw DatabaseError("archive '" + db_dir.string() + "' has " + std::to_string(*existing) + " shards, not " +
                            std::to_string(shards) +
                            ": changing the count moves articles between shards (see docs/scale-out.md)");
    }
}

// Work waiting for one shard's writer.
struct Task {
    std::function<void(IndexWriter&)> work;
    std::shared_ptr<std::promise<void>> done;  // told when the work is done, or its error
};

// One shard's writer and the thread that runs its tasks in order. The
// database is opened (and its writer lock taken) by the constructor, in the
// caller's thread, so a locked shard fails the run before anything is read.
// After a task fails the others are skipped, and every commit() reports it.
class ShardWorker {
public:
    ShardWorker(const std::filesystem::path& dir, SpellingData spelling)
        : writer_(dir, spelling), thread_([this] { run(); }) {}

    ShardWorker(const ShardWorker&) = delete;
    ShardWorker& operator=(const ShardWorker&) = delete;

    ~ShardWorker() {
        tasks_.close();
        thread_.join();
    }

    void store_synonyms(const SynonymGroups& groups) {
        tasks_.push({[groups](IndexWriter& writer) { writer.store_synonyms(groups); }, nullptr});
    }

    void write(Article article, ClusterMark mark) {
        tasks_.push({[this, article = std::move(article), mark = std::move(mark)](IndexWriter& writer) {
                         if (writer.write(article, mark) == WriteOutcome::added) ++added_;
                         else ++replaced_;
                     },
                     nullptr});
    }

    // Commits once the tasks before it are done; the future holds the
    // shard's error, if any.
    std::future<void> commit() {
        auto done = std::make_shared<std::promise<void>>();
        tasks_.push({[](IndexWriter& writer) { writer.commit(); }, done});
        return done->get_future();
    }

    // Before the first task only: the writer is the worker thread's after.
    IndexWriter& writer_before_tasks() { return writer_; }

    // Valid once a commit() has been waited for.
    std::size_t added() const { return added_; }
    std::size_t replaced() const { return replaced_; }

private:
    // After a task fails, the shard keeps draining its queue (so the reader
    // never waits on it) and answers every later commit with the error.
    void run() {
        std::exception_ptr error;
        while (auto task = tasks_.pop()) {
            if (!error) {
                try {
                    task->work(writer_);
                } catch (...) {
                    error = std::current_exception();
                }
            }
            if (!task->done) continue;
            if (error) task->done->set_exception(error);
            else task->done->set_value();
        }
    }

    IndexWriter writer_;
    std::size_t added_ = 0;
    std::size_t replaced_ = 0;
    // Bounded, so a slow shard holds back the reader instead of filling memory.
    BoundedQueue<Task> tasks_{256};
    std::thread thread_;  // last: starts once everything it uses exists
};

// The shards of an archive as one ArticleStore: each article goes to the
// shard of its id; a commit waits for every shard, so a batch is durable in
// all of them (or the first shard error is thrown) before the next begins.
//
// Near-duplicate cluster keys are found here, over every shard, so that
// copies in different shards collapse together as in one database: among
// the articles the shards have committed (Xapian's query over them all),
// then among those written since the last commit, in input order (in
// memory). Each commit reopens the shards and forgets those in memory, so
// memory holds one batch, not the run, and the reader never holds a
// revision the writers have since discarded (it did: a re-run over a full
// archive failed with DatabaseModifiedError at its third commit).
class ShardedArchive : public ArticleStore {
public:
    ShardedArchive(const std::filesystem::path& db_dir, std::size_t shards, SpellingData spelling) {
        for (std::size_t shard = 0; shard < shards; ++shard) {
            workers_.push_back(std::make_unique<ShardWorker>(shard_dir(db_dir, shard), spelling));
            committed_.add_database(Xapian::Database(shard_dir(db_dir, shard).string()));
        }
        // The searcher reads the mark of the archive's first shard for all.
        bool every_shard_marks_copies = std::ranges::all_of(
            workers_, [](const auto& worker) { return worker->writer_before_tasks().copies_marked(); });
        if (!every_shard_marks_copies) {
            for (auto& worker : workers_) worker->writer_before_tasks().leave_copies_unmarked();
        }
    }

    void store_synonyms(const SynonymGroups& groups) override {
        for (auto& worker : workers_) worker->store_synonyms(groups);
    }

    void write(Article article) override {
        std::size_t shard = shard_of(article.id, workers_.size());
        ClusterMark mark;
        mark.hash = fingerprint(analyzer_.normalise(article.title), analyzer_.normalise(article.body));
        mark.key = uncommitted_.mark(article.id, mark.hash, nearest_committed_cluster(article.id, mark.hash));
        workers_[shard]->write(std::move(article), std::move(mark));
    }

    void commit() override {
        std::vector<std::future<void>> done;
        for (auto& worker : workers_) done.push_back(worker->commit());
        std::exception_ptr first_error;
        for (auto& shard : done) {
            try {
                shard.get();
            } catch (...) {
                if (!first_error) first_error = std::current_exception();
            }
        }
        if (first_error) std::rethrow_exception(first_error);
        committed_.reopen();
        uncommitted_ = FingerprintClusters();
    }

    void count_writes(IndexSummary& summary) const override {
        for (const auto& worker : workers_) {
            summary.added += worker->added();
            summary.replaced += worker->replaced();
        }
    }

private:
    // A shard's writer may also flush (commit) by itself between our commits
    // when a batch is large (Xapian's XAPIAN_FLUSH_THRESHOLD): a revision
    // discarded that way is reopened. The articles it brings are also in
    // memory; both look-ups then find the same earliest key.
    std::optional<std::string> nearest_committed_cluster(const std::string& id, std::uint64_t hash) {
        for (;;) {
            try {
                return committed_clusters_.nearest_cluster(id, hash);
            } catch (const Xapian::DatabaseModifiedError&) {
                committed_.reopen();
            }
        }
    }

    std::vector<std::unique_ptr<ShardWorker>> workers_;
    Analyzer analyzer_;
    Xapian::Database committed_;  // the shards at their last commit
    DuplicateClusters committed_clusters_{committed_};
    FingerprintClusters uncommitted_;  // the articles written since
};

}  // namespace

std::size_t shard_of(std::string_view id, std::size_t shard_count) {
    return static_cast<std::size_t>(stable_hash(id) % shard_count);
}

IndexSummary index_sharded(const IndexOptions& options, std::size_t shards, const DiagnosticSink& sink) {
    if (shards == 0) throw UsageError("--shards must be at least 1");
    check_inputs(options.inputs);  // before anything is created
    check_layout(options.db_dir, shards);
    check_database_folder(options.db_dir);
    std::filesystem::create_directories(options.db_dir);
    ShardedArchive archive(options.db_dir, shards, options.spelling);
    write_stub(options.db_dir, shards);
    return index_into(archive, options, sink);
}

RemovalSummary delete_from_shards(const DeleteOptions& options, std::size_t shards) {
    RemovalSummary total;
    std::multiset<std::string> unknown;  // each id once per shard that lacks it
    for (std::size_t shard = 0; shard < shards; ++shard) {
        DeleteOptions in_shard = options;
        in_shard.db_dir = shard_dir(options.db_dir, shard);
        RemovalSummary summary = delete_articles(in_shard);
        total.removed += summary.removed;
        total.seconds += summary.seconds;
        unknown.insert(summary.unknown_ids.begin(), summary.unknown_ids.end());
        if (shard == 0) total.unknown_ids = std::move(summary.unknown_ids);
    }
    std::erase_if(total.unknown_ids, [&](const std::string& id) { return unknown.count(id) < shards; });
    return total;
}

RemovalSummary prune_shards(const PruneOptions& options, std::size_t shards) {
    RemovalSummary total;
    for (std::size_t shard = 0; shard < shards; ++shard) {
        PruneOptions in_shard = options;
        in_shard.db_dir = shard_dir(options.db_dir, shard);
        RemovalSummary summary = prune_missing(in_shard);
        total.removed += summary.removed;
        total.missing_files = std::max(total.missing_files, summary.missing_files);  // every shard sees every file
        total.seconds += summary.seconds;
    }
    return total;
}

}  // namespace gazette
