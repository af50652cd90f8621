#include "common/sharded_index.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <exception>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace gazette {

namespace {

constexpr const char* kStubName = "XAPIANDB";  // the name Xapian looks for in a folder

std::filesystem::path stub_path(const std::filesystem::path& db_dir) { return db_dir / kStubName; }

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
        if (!out.flush()) throw std::runtime_error("cannot write stub file '" + temporary.string() + "'");
    }
    std::filesystem::rename(temporary, stub_path(db_dir));  // a reader never sees half a list
}

void check_layout(const std::filesystem::path& db_dir, std::size_t shards) {
    if (std::filesystem::exists(db_dir / "iamglass")) {
        throw std::runtime_error("database '" + db_dir.string() + "' is one database, not a sharded archive: index " +
                                 "into a new folder to shard it");
    }
    auto existing = shard_count(db_dir);
    if (existing && *existing != shards) {
        throw std::runtime_error("archive '" + db_dir.string() + "' has " + std::to_string(*existing) +
                                 " shards, not " + std::to_string(shards) +
                                 ": changing the count moves articles between shards (see docs/scale-out.md)");
    }
}

// Articles waiting for one shard's writer. Bounded, so a slow shard holds
// back the reader instead of filling memory.
class ArticleQueue {
public:
    void push(Article article) {
        std::unique_lock lock(mutex_);
        has_room_.wait(lock, [this] { return queue_.size() < kCapacity || abandoned_; });
        if (abandoned_) return;
        queue_.push_back(std::move(article));
        has_article_.notify_one();
    }

    // The next article; nothing once the queue is closed and empty.
    std::optional<Article> pop() {
        std::unique_lock lock(mutex_);
        has_article_.wait(lock, [this] { return !queue_.empty() || closed_; });
        if (queue_.empty()) return std::nullopt;
        Article article = std::move(queue_.front());
        queue_.pop_front();
        has_room_.notify_one();
        return article;
    }

    // No more articles will come.
    void close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        has_article_.notify_all();
    }

    // The writer failed: pushes are dropped from now on.
    void abandon() {
        std::lock_guard lock(mutex_);
        abandoned_ = true;
        queue_.clear();
        has_room_.notify_all();
    }

private:
    static constexpr std::size_t kCapacity = 256;
    std::mutex mutex_;
    std::condition_variable has_room_, has_article_;
    std::deque<Article> queue_;
    bool closed_ = false;
    bool abandoned_ = false;
};

// One shard's writer thread: writes what its queue brings, commits every
// `commit_every` articles and at the end, keeps its own counts and its error.
class ShardWorker {
public:
    ShardWorker(std::filesystem::path dir, std::size_t commit_every)
        : dir_(std::move(dir)), commit_every_(commit_every), thread_([this] { run(); }) {}

    ShardWorker(const ShardWorker&) = delete;
    ShardWorker& operator=(const ShardWorker&) = delete;

    ArticleQueue& queue() { return queue_; }

    // Waits for the writer to finish; rethrows its error.
    void finish(IndexSummary& summary) {
        queue_.close();
        thread_.join();
        if (error_) std::rethrow_exception(error_);
        summary.added += added_;
        summary.replaced += replaced_;
    }

    ~ShardWorker() {
        if (thread_.joinable()) {
            queue_.close();
            thread_.join();
        }
    }

private:
    void run() {
        try {
            IndexWriter writer(dir_);
            std::size_t uncommitted = 0;
            while (auto article = queue_.pop()) {
                if (writer.write(*article) == WriteOutcome::added) ++added_;
                else ++replaced_;
                if (++uncommitted >= commit_every_) {
                    writer.commit();
                    uncommitted = 0;
                }
            }
            writer.commit();
        } catch (...) {
            error_ = std::current_exception();
            queue_.abandon();
        }
    }

    std::filesystem::path dir_;
    std::size_t commit_every_;
    std::size_t added_ = 0;
    std::size_t replaced_ = 0;
    std::exception_ptr error_;
    ArticleQueue queue_;
    std::thread thread_;  // last: starts once everything it uses exists
};

}  // namespace

std::size_t shard_of(std::string_view id, std::size_t shard_count) {
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char byte : id) {
        hash ^= byte;
        hash *= 1099511628211ull;
    }
    return static_cast<std::size_t>(hash % shard_count);
}

std::filesystem::path shard_dir(const std::filesystem::path& db_dir, std::size_t shard) {
    char name[32];
    std::snprintf(name, sizeof name, "shard-%03zu", shard);
    return db_dir / name;
}

std::optional<std::size_t> shard_count(const std::filesystem::path& db_dir) {
    std::ifstream stub(stub_path(db_dir));
    if (!stub) return std::nullopt;
    std::size_t count = 0;
    for (std::string line; std::getline(stub, line);) {
        if (line.find_first_not_of(" \t") != std::string::npos && line[0] != '#') ++count;
    }
    return count;
}

IndexSummary index_sharded(const IndexOptions& options, std::size_t shards, const DiagnosticSink& sink) {
    if (shards == 0) throw std::runtime_error("--shards must be at least 1");
    auto started = std::chrono::steady_clock::now();
    check_layout(options.db_dir, shards);
    std::filesystem::create_directories(options.db_dir);

    IndexSummary summary;
    DiagnosticSink counting_sink = counting_into(summary, sink);
    std::vector<std::unique_ptr<ShardWorker>> workers;
    for (std::size_t shard = 0; shard < shards; ++shard) {
        workers.push_back(std::make_unique<ShardWorker>(shard_dir(options.db_dir, shard), options.commit_every));
    }
    write_stub(options.db_dir, shards);

    std::exception_ptr reading_error;
    try {
        InputReader reader(options.inputs, options.format, counting_sink);
        while (auto article = reader.next()) {
            if (!ready_to_index(*article, counting_sink)) continue;
            std::size_t shard = shard_of(article->id, shards);
            workers[shard]->queue().push(std::move(*article));
        }
    } catch (...) {
        reading_error = std::current_exception();  // the writers still commit what they have
    }
    for (auto& worker : workers) worker->finish(summary);
    if (reading_error) std::rethrow_exception(reading_error);
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
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
