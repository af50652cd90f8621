// Writing the index: articles in, Xapian documents out.
//
// IndexWriter owns the writable database and one Analyzer; index_into()
// drives an ArticleStore (one IndexWriter, or the shards of an archive:
// indexer/sharded_index.h) from the readers and keeps the counts for the
// end-of-run summary.
#pragma once

#include "common/analyzer.h"
#include "common/article.h"
#include "common/diagnostic.h"
#include "common/language.h"
#include "common/writer_lock.h"
#include "indexer/near_duplicates.h"
#include "indexer/spelling_tally.h"
#include "common/synonyms.h"
#include "indexer/progress.h"
#include "corpus/reader.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace gazette {

struct ParallelRun;  // indexer/parallel_index.h

enum class WriteOutcome { added, replaced };

// Whether the words of each article go into the database's spelling table,
// from which newssearch suggests "did you mean". Recording them costs
// indexing time (SpellingTally, bench/RESULTS.md), so it can be turned off.
enum class SpellingData { record, skip };

// Refuses with DatabaseError, before anything is written, a --db that
// cannot hold a database this process writes: a file; a folder holding other
// files and no database (a Xapian database or a sharded archive's stub); one
// this process may not write to (a read-only file system, no permission).
void check_database_folder(const std::filesystem::path& db_dir);

class IndexWriter {
public:
    // Opens the database at `db_dir`, creating it if needed. Throws
    // DatabaseError when check_database_folder refuses it,
    // DatabaseLockedError when another writer holds it. Every member throws
    // DiskFullError when the disk is full.
    explicit IndexWriter(const std::filesystem::path& db_dir, SpellingData spelling = SpellingData::record);

    // Adds the article, or replaces the one with the same id (its unique
    // id term), so indexing the same input twice never duplicates. Gives it
    // a near-duplicate cluster key (indexer/near_duplicates.h).
    WriteOutcome write(const Article& article);

    // The same, with the fingerprint and cluster key found by the caller (the
    // shards of an archive find them together: indexer/sharded_index.h).
    WriteOutcome write(const Article& article, const ClusterMark& mark);

    // Removes the article with this id; false when there is none.
    bool remove(std::string_view id);

    // Removes a document found by its Xapian document id.
    void remove(Xapian::docid docid);

    // The database as written so far, for reading while writing.
    const Xapian::Database& database() const { return db_; }

    // Replaces the database's synonym groups (common/synonyms.h).
    void store_synonyms(const SynonymGroups& groups);

    // Makes everything written so far durable.
    void commit();

    const std::filesystem::path& db_dir() const { return db_dir_; }

    // Whether every article of the database carries schema::kCopyTerm if it
    // is a copy (it began empty with this version, or said so), which each
    // commit then records (schema::kCopiesMarkedKey) for the searcher.
    bool copies_marked() const { return copies_marked_; }
    // Records that it does not, from the next commit: for a shard of an
    // archive whose other shards cannot say it (the searcher reads one
    // shard's mark for all).
    void leave_copies_unmarked() { copies_marked_ = false; }

    // A change made to the merged database before it replaces the empty one.
    using StagedEdit = std::function<void(Xapian::WritableDatabase&)>;

    // Fills the database, which must hold no documents, with the documents,
    // spelling and metadata of the databases `parts`, in that order, by
    // Xapian's compaction into `staging_dir` (a new folder on the same file
    // system), then `edit`s and commits the result, whose folder then takes
    // the place of the database's folder in one rename (the old one, empty,
    // is removed): readers, and a crash, see all of it or none of it. No
    // other gazette writer can open the database meanwhile (WriterLock).
    void merge_into_empty(const std::vector<std::filesystem::path>& parts, const std::filesystem::path& staging_dir,
                          const StagedEdit& edit);

private:

    // Adds the stored data to `doc`, an analysed `article`, and writes it in
    // place of the article with its id, if any.
    WriteOutcome store(const Article& article, Xapian::Document& doc);

    std::filesystem::path db_dir_;
    SpellingData spelling_;
    SpellingTally spelling_tally_;  // the words written since the last commit
    // Before db_, and held throughout: when a merge puts a new database
    // folder in place, the new folder's lock is taken before the exchange.
    WriterLock lock_;
    Xapian::WritableDatabase db_;
    // After db_: recorded only once the locks are held. Made anew when a
    // merge puts a new database folder in place.
    std::optional<WriterRecord> writer_record_;
    bool copies_marked_;
    Analyzer analyzer_;
    DuplicateClusters duplicates_{db_};
};

struct IndexSummary {
    std::size_t added = 0;
    std::size_t replaced = 0;
    std::size_t skipped = 0;  // records reported as errors and left out
    std::size_t warnings = 0;
    std::map<std::string, std::size_t> skip_reasons;     // reason -> count
    std::map<std::string, std::size_t> warning_reasons;  // reason -> count
    double seconds = 0;
};

// What a skipped record does to the run.
enum class SkipPolicy {
    go_on,  // report it, count it, index the rest
    fail,   // --strict: stop with StrictError; the batch in progress is not written
};

// A record was skipped in a --strict run. Batches committed before it stay;
// nothing of the batch it belongs to was written.
class StrictError : public Error {
public:
    explicit StrictError(const Diagnostic& first_skip);
};

// The run was asked to stop (newsindex on Ctrl-C): the articles written were
// committed, `committed` of this run in all.
class Interrupted : public Error {
public:
    explicit Interrupted(std::size_t committed);
    std::size_t committed;
};

struct IndexOptions {
    std::filesystem::path db_dir;
    std::vector<std::filesystem::path> inputs;
    Format format = Format::automatic;
    CsvOptions csv;
    // Articles between commits: bounds the work a crash can lose and the
    // memory Xapian buffers before it flushes.
    std::size_t commit_every = 10000;
    // Worker threads for a new (empty) database; 0 means one per core. More
    // than one builds in parallel (indexer/parallel_index.h); adding to a
    // database that holds articles is always serial.
    std::size_t threads = 0;
    SpellingData spelling = SpellingData::record;
    // When set, its groups replace the database's synonyms.
    std::filesystem::path synonyms_file;
    SkipPolicy on_skip = SkipPolicy::go_on;
    // The language of articles whose input names none (--lang); by default
    // detected from each one's text (common/language.h).
    LanguageChoice language;
    // Called now and then during the run, and once at its end; may be empty.
    ProgressSink on_progress;
    // Asked before each article is read; when it says yes the run commits
    // what it wrote and throws Interrupted. May be empty.
    std::function<bool()> stop_requested;
};

// Where index_into() puts the articles it accepts.
class ArticleStore {
public:
    virtual ~ArticleStore() = default;

    // Replaces the synonym groups (common/synonyms.h).
    virtual void store_synonyms(const SynonymGroups& groups) = 0;

    // Adds or replaces the article (IndexWriter::write).
    virtual void write(Article article) = 0;

    // Makes everything written so far durable; rethrows a writer's error.
    virtual void commit() = 0;

    // Writes every article run.next_article() yields on run.threads workers
    // (indexer/parallel_index.h) and returns true, if this store can build that
    // way (one new, empty database); otherwise returns false, having read nothing.
    virtual bool write_in_parallel(const ParallelRun& /*run*/) { return false; }

    // Adds the articles added and replaced so far to `summary` (after commit()).
    virtual void count_writes(IndexSummary& summary) const = 0;
};

// Reads every input and writes its articles into `store`, committing every
// options.commit_every articles (in a --strict run, only whole batches with
// nothing skipped); every diagnostic goes to `sink` and is counted in the
// summary. Throws InputError, StrictError, DiskFullError or Xapian::Error on
// a fatal error (after committing what was written, but for StrictError's
// batch), Interrupted when options.stop_requested says so (after committing
// what was written, but for a --strict run's unfinished batch). options.db_dir is not used: the store knows its databases.
IndexSummary index_into(ArticleStore& store, const IndexOptions& options, const DiagnosticSink& sink);

// index_into() one database, options.db_dir.
IndexSummary index_inputs(const IndexOptions& options, const DiagnosticSink& sink);

// The summary as lines for people: counts, then skip reasons, then time.
std::string describe(const IndexSummary& summary);

}  // namespace gazette
