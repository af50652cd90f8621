// Writing the index: articles in, Xapian documents out.
//
// IndexWriter owns the writable database and one Analyzer; index_inputs()
// drives it from the readers and keeps the counts for the end-of-run summary.
#pragma once

#include "common/analyzer.h"
#include "common/article.h"
#include "common/diagnostic.h"
#include "common/writer_lock.h"
#include "corpus/reader.h"

#include <cstddef>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace gazette {

enum class WriteOutcome { added, replaced };

// Another writer holds the database; what() names it. Thrown at once: a
// writer never waits for the lock.
class DatabaseLockedError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The disk holding the database is full. What was committed before stays.
class DiskFullError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class IndexWriter {
public:
    // Opens the database at `db_dir`, creating it if needed. Throws
    // DatabaseLockedError when another writer holds it. Every member throws
    // DiskFullError when the disk is full.
    explicit IndexWriter(const std::filesystem::path& db_dir);

    // Adds the article, or replaces the one with the same id (its unique
    // id term), so indexing the same input twice never duplicates.
    WriteOutcome write(const Article& article);

    // Removes the article with this id; false when there is none.
    bool remove(std::string_view id);

    // Removes a document found by its Xapian document id.
    void remove(Xapian::docid docid);

    // The database as written so far, for reading while writing.
    const Xapian::Database& database() const { return db_; }

    // Makes everything written so far durable.
    void commit();

private:
    template <typename Write>
    auto on_disk(Write write) -> decltype(write());

    std::filesystem::path db_dir_;
    Xapian::WritableDatabase db_;
    WriterRecord writer_record_;  // after db_: recorded only once the lock is held
    Analyzer analyzer_;
};

struct IndexSummary {
    std::size_t added = 0;
    std::size_t replaced = 0;
    std::size_t skipped = 0;  // records reported as errors and left out
    std::size_t warnings = 0;
    std::map<std::string, std::size_t> skip_reasons;  // reason -> count
    double seconds = 0;
};

struct IndexOptions {
    std::filesystem::path db_dir;
    std::vector<std::filesystem::path> inputs;
    Format format = Format::automatic;
    // Articles between commits: bounds the work a crash can lose and the
    // memory Xapian buffers before it flushes.
    std::size_t commit_every = 10000;
};

// A sink that counts each diagnostic in `summary` (errors as skipped records,
// by reason) and passes it on to `sink`.
DiagnosticSink counting_into(IndexSummary& summary, const DiagnosticSink& sink);

// Checks the required fields (an error to `sink` and false when one is
// missing) and makes the origin file absolute, so that --prune finds it from
// any working folder.
bool ready_to_index(Article& article, const DiagnosticSink& sink);

// Reads every input and writes its articles; every diagnostic goes to `sink`
// and is counted in the summary. Throws InputError or Xapian::Error on a fatal
// error (after committing what was written).
IndexSummary index_inputs(const IndexOptions& options, const DiagnosticSink& sink);

// The summary as lines for people: counts, then skip reasons, then time.
std::string describe(const IndexSummary& summary);

}  // namespace gazette
