#include "indexer/index_writer.h"

#include "common/document.h"
#include "indexer/parallel_index.h"
#include "common/archive_layout.h"
#include "common/schema.h"
#include "common/text.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
#include <cstdio>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

namespace gazette {

namespace {

// Moves a glass database's files from `from` into `to`, replacing those
// there, the version file last: it names each table's root. Not atomic for a
// reader that opens `to` meanwhile (it may find the old version file beside
// new tables): only where the folders cannot be exchanged.
void move_tables(const std::filesystem::path& from, const std::filesystem::path& to) {
    constexpr const char* kVersionFile = "iamglass";
    for (const auto& entry : std::filesystem::directory_iterator(to)) {
        if (entry.path().extension() == ".glass") std::filesystem::remove(entry.path());
    }
    for (const auto& entry : std::filesystem::directory_iterator(from)) {
        if (entry.path().extension() == ".glass") std::filesystem::rename(entry.path(), to / entry.path().filename());
    }
    std::filesystem::rename(from / kVersionFile, to / kVersionFile);
}

// The folder beside `db_dir` (a canonical path: a symbolic link is not
// what gets exchanged) where a parallel build's database waits to take its
// place, and where the old folder goes once it has.
std::filesystem::path incoming_dir(const std::filesystem::path& db_dir) {
    return db_dir.parent_path() / ("." + db_dir.filename().string() + ".gazette-incoming");
}

// Swaps two folders in one step (Linux's RENAME_EXCHANGE): whoever opens
// either path finds one folder or the other whole. False, having moved
// nothing, when the file system cannot (a mount point, another file system).
bool exchange_folders(const std::filesystem::path& a, const std::filesystem::path& b) {
    if (renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) return true;
    if (errno == EINVAL || errno == EXDEV || errno == EBUSY || errno == ENOSYS) return false;
    throw DatabaseError("cannot move the new database '" + a.string() + "' into place at '" + b.string() +
                        "': " + std::strerror(errno));
}

// Files and folders a run of ours leaves in a database folder before the
// database itself is there (a run killed early).
bool is_ours(const std::filesystem::path& entry) {
    const std::string name = entry.filename().string();
    return name == "flintlock" || name == "gazette-lock" || name == "gazette-writer" || name == "gazette-build" ||
           name.starts_with("shard-") || name.starts_with(stub_path({}).filename().string());
}

const std::filesystem::path& checked_database_folder(const std::filesystem::path& db_dir) {
    check_database_folder(db_dir);
    return db_dir;
}

std::string id_term(std::string_view id) {
    std::string term(schema::kIdPrefix);
    term += id;
    return term;
}

}  // namespace

void check_database_folder(const std::filesystem::path& db_dir) {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::file_status status = fs::status(db_dir, error);
    if (status.type() == fs::file_type::not_found) return;  // created when it is written
    const std::string name = "'" + db_dir.string() + "'";
    if (error) throw DatabaseError("cannot use " + name + " as a database: " + error.message());
    if (!fs::is_directory(status)) throw DatabaseError(name + " is a file, not a database folder: name a folder");
    const bool has_database = fs::exists(db_dir / "iamglass") || fs::exists(stub_path(db_dir));
    if (!has_database) {
        for (const auto& entry : fs::directory_iterator(db_dir)) {
            if (!is_ours(entry.path())) {
                throw DatabaseError(name + " holds other files (" + entry.path().filename().string() +
                                    ") and no database: name a new or empty folder");
            }
        }
    }
    if (access(db_dir.c_str(), W_OK) != 0) {
        throw DatabaseError("database " + name + " is not writable: " + std::strerror(errno));
    }
}

IndexWriter::IndexWriter(const std::filesystem::path& db_dir, SpellingData spelling)
    : db_dir_(checked_database_folder(db_dir)), spelling_(spelling), lock_(db_dir), db_(open_for_writing(db_dir, lock_)),
      writer_record_(std::in_place, db_dir),
      copies_marked_(db_.get_doccount() == 0 || db_.get_metadata(std::string(schema::kCopiesMarkedKey)) == "1") {}

WriteOutcome IndexWriter::write(const Article& article) {
    Xapian::Document doc;
    FoldedText folded = analyzer_.index_article(article, doc);
    duplicates_.mark(article.id, folded.title, folded.body, doc);
    return store(article, doc);
}

WriteOutcome IndexWriter::write(const Article& article, const ClusterMark& mark) {
    Xapian::Document doc;
    analyzer_.index_article(article, doc);
    add_fingerprint_terms(mark.hash, doc);
    set_cluster_key(mark.key, article.id, doc);
    return store(article, doc);
}

WriteOutcome IndexWriter::store(const Article& article, Xapian::Document& doc) {
    doc.set_data(encode_document_data(article));
    if (spelling_ == SpellingData::record) spelling_tally_.count(doc);

    std::string term = id_term(article.id);
    bool exists = db_.term_exists(term);
    write_to(db_dir_, [&] { db_.replace_document(term, doc); });  // flushes now and then
    return exists ? WriteOutcome::replaced : WriteOutcome::added;
}

bool IndexWriter::remove(std::string_view id) {
    std::string term = id_term(id);
    if (!db_.term_exists(term)) return false;
    write_to(db_dir_, [&] { db_.delete_document(term); });
    return true;
}

void IndexWriter::remove(Xapian::docid docid) {
    write_to(db_dir_, [&] { db_.delete_document(docid); });
}

void IndexWriter::store_synonyms(const SynonymGroups& groups) {
    write_to(db_dir_, [&] { store_synonym_groups(db_, groups); });
}

namespace {

// Commits `db`, adding the filter guard first when it has gaps and no guard
// (common/archive_layout.h): in the same revision as the deletions that made
// the gaps, so no reader sees one without the other.
void commit_guarded(Xapian::WritableDatabase& db) {
    if (lacks_filter_guard(db)) db.add_document(filter_guard_document());
    db.commit();
}

bool has_gaps(const Xapian::Database& db) { return db.get_lastdocid() > db.get_doccount(); }

// Copies the database at `from` into a new one at `to`, its documents in
// order but numbered from 1 without gaps, with its spelling, synonyms and
// metadata. The edit of a parallel build removes the earlier copies of
// repeated ids, leaving gaps the serial build (which replaces in place) does
// not have; closed, the new database needs no filter guard
// (common/archive_layout.h), so it counts as many documents, and ranks, as
// the serial build's. Only a build whose input repeats ids pays for it.
void copy_without_gaps(const std::filesystem::path& from, const std::filesystem::path& to) {
    Xapian::Database source(from.string());
    Xapian::WritableDatabase target(to.string(), Xapian::DB_CREATE);
    for (auto docid = source.postlist_begin(""); docid != source.postlist_end(""); ++docid) {
        target.add_document(source.get_document(*docid));
    }
    for (auto word = source.spellings_begin(); word != source.spellings_end(); ++word) {
        target.add_spelling(*word, word.get_termfreq());
    }
    for (auto key = source.synonym_keys_begin(); key != source.synonym_keys_end(); ++key) {
        for (auto synonym = source.synonyms_begin(*key); synonym != source.synonyms_end(*key); ++synonym) {
            target.add_synonym(*key, *synonym);
        }
    }
    for (auto key = source.metadata_keys_begin(); key != source.metadata_keys_end(); ++key) {
        target.set_metadata(*key, source.get_metadata(*key));
    }
    target.commit();
}

// Written only when it changes, so that a commit with nothing else to write
// makes no revision. An empty value removes the key: a shard may have to
// stop saying it.
void record_copies_mark(Xapian::WritableDatabase& db, bool marked) {
    const std::string key(schema::kCopiesMarkedKey);
    if ((db.get_metadata(key) == "1") != marked) db.set_metadata(key, marked ? "1" : "");
}

}  // namespace

void IndexWriter::commit() {
    write_to(db_dir_, [&] {
        spelling_tally_.add_to(db_);
        record_copies_mark(db_, copies_marked_);
        commit_guarded(db_);
    });
}

void IndexWriter::merge_into_empty(const std::vector<std::filesystem::path>& parts,
                                   const std::filesystem::path& staging_dir, const StagedEdit& edit) {
    if (db_.get_doccount() != 0) throw std::logic_error("merge_into_empty: '" + db_dir_.string() + "' is not empty");
    if (parts.empty()) {
        write_to(db_dir_, [&] {
            edit(db_);
            record_copies_mark(db_, copies_marked_);
            commit_guarded(db_);
        });
        return;
    }
    Xapian::Database merged;
    for (const auto& part : parts) merged.add_database(Xapian::Database(part.string()));
    // Compaction wants the lock of its output, which we hold: it writes
    // beside the database, and its tables move in while we keep the lock.
    // One pass over all the parts: DBCOMPACT_MULTIPASS merges the posting
    // lists two parts at a time into temporary tables (for the 23 parts of
    // Reuters three such passes before the last) and took twice the CPU for
    // the same bytes (bench/RESULTS.md); this merge runs alone, every
    // worker gone, so its time is the build's.
    std::filesystem::path merged_dir = staging_dir;
    write_to(db_dir_, [&] {
        merged.compact(staging_dir.string());
        {
            Xapian::WritableDatabase staged(staging_dir.string(), Xapian::DB_OPEN);
            edit(staged);
            record_copies_mark(staged, copies_marked_);
            staged.commit();
        }
        if (has_gaps(Xapian::Database(staging_dir.string()))) {
            merged_dir += "-renumbered";
            copy_without_gaps(staging_dir, merged_dir);
        }
    });
    // The merged database's folder becomes the database's folder in one
    // exchange; the old one, empty, ends where the merged one was. Our handle
    // still sees the empty folder: open the new one. Xapian gives up its lock
    // on close, and its lock stays with the old folder, so we lock the merged
    // folder before it moves: whichever folder is at db_dir_, we hold its
    // gazette lock, and no other gazette writer slips in before we reopen.
    // (Where the tables move instead, the folder and its lock stay.)
    WriterLock merged_lock(merged_dir);
    const std::filesystem::path target = std::filesystem::canonical(db_dir_);
    const std::filesystem::path incoming = incoming_dir(target);
    std::filesystem::remove_all(incoming);  // left by a run killed before it was removed
    std::error_code not_moved;
    std::filesystem::rename(merged_dir, incoming, not_moved);
    const bool exchanged = !not_moved && exchange_folders(incoming, target);
    if (exchanged) {
        writer_record_.emplace(db_dir_);  // the old record left with the old folder
        lock_ = std::move(merged_lock);
    } else {
        move_tables(not_moved ? merged_dir : incoming, db_dir_);
    }
    db_.close();
    db_ = open_for_writing(db_dir_, lock_);
    std::filesystem::remove_all(incoming);
}

Interrupted::Interrupted(std::size_t committed)
    : Error("interrupted: " + with_thousands(committed) +
            " articles committed; run the same command again to continue"),
      committed(committed) {}

StrictError::StrictError(const Diagnostic& first_skip)
    : Error("--strict: a record was skipped, so nothing of its batch was written: " +
                         first_skip.to_string()) {}

namespace {

// One database: an IndexWriter that counts what it writes.
class SingleDatabase : public ArticleStore {
public:
    SingleDatabase(const std::filesystem::path& db_dir, SpellingData spelling) : writer_(db_dir, spelling) {}

    void store_synonyms(const SynonymGroups& groups) override { writer_.store_synonyms(groups); }

    void write(Article article) override {
        if (writer_.write(article) == WriteOutcome::added) ++added_;
        else ++replaced_;
    }

    void commit() override { writer_.commit(); }

    // The merge replaces the database's tables and numbers articles from 1:
    // an empty database with saved searches (whose alerts go by number, and
    // which live in those tables) is written one article at a time.
    bool write_in_parallel(const ParallelRun& run) override {
        if (writer_.database().get_doccount() != 0 || has_saved_searches(writer_.database())) return false;
        ParallelOutcome outcome = index_in_parallel(writer_, run);
        added_ += outcome.added;
        replaced_ += outcome.replaced;
        return true;
    }

    void count_writes(IndexSummary& summary) const override {
        summary.added += added_;
        summary.replaced += replaced_;
    }

private:
    IndexWriter writer_;
    std::size_t added_ = 0;
    std::size_t replaced_ = 0;
};

// The reason an article cannot be indexed, if any.
std::optional<std::string> rejected(const Article& article) {
    auto problem = missing_required_field(article);
    if (!problem) problem = too_large(article);
    return problem;
}

std::size_t worker_threads(std::size_t asked) {
    if (asked != 0) return asked;
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

IndexSummary index_into(ArticleStore& store, const IndexOptions& options, const DiagnosticSink& sink) {
    auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    std::optional<Diagnostic> first_skip;
    DiagnosticSink counting_sink = [&](const Diagnostic& diagnostic) {
        if (diagnostic.severity == Severity::error) {
            ++summary.skipped;
            ++summary.skip_reasons[diagnostic.summary_reason()];
            if (!first_skip) first_skip = diagnostic;
        } else {
            ++summary.warnings;
            ++summary.warning_reasons[diagnostic.summary_reason()];
        }
        sink(diagnostic);
    };

    std::optional<SynonymGroups> synonyms;
    if (!options.synonyms_file.empty()) {
        Analyzer analyzer;
        synonyms = read_synonym_groups(options.synonyms_file, analyzer, counting_sink);
    }
    InputReader reader(options.inputs, {options.format, options.csv}, counting_sink);
    const bool strict = options.on_skip == SkipPolicy::fail;
    std::size_t accepted = 0;  // articles of this run that passed the checks
    // The next article that can be indexed; records that cannot are reported
    // and skipped. In a --strict run a skip stops the run here.
    const auto next_article = [&]() -> std::optional<Article> {
        if (options.stop_requested && options.stop_requested()) throw Interrupted(0);
        std::optional<Article> article;
        while ((article = reader.next())) {
            auto problem = rejected(*article);
            if (!problem) break;
            // "too large for one article: 5000000 bytes...": the reason stops before the value.
            counting_sink({Severity::error, article->origin.file, article->origin.line, *problem,
                           problem->substr(0, problem->find(':'))});
        }
        if (strict && first_skip) throw StrictError(*first_skip);
        if (!article) return article;
        // Stored absolute, so that --prune finds the file from any working folder.
        article->origin.file = std::filesystem::absolute(article->origin.file).lexically_normal().string();
        ++accepted;
        return article;
    };
    // In a --strict run a batch is held back until it is whole and nothing
    // in it was skipped, so a failure never leaves half of it in the index.
    std::vector<Article> held_back;
    std::size_t uncommitted = 0;
    std::size_t committed = 0;  // articles of this run
    // The first article is reported at once, then at most four times a second.
    auto last_progress = started - std::chrono::seconds(1);
    const auto report_progress = [&](bool finished) {
        const auto now = std::chrono::steady_clock::now();
        if (!options.on_progress || (!finished && now - last_progress < std::chrono::milliseconds(250))) return;
        last_progress = now;
        options.on_progress({accepted, reader.bytes_read(), reader.total_bytes(),
                             std::chrono::duration<double>(now - started).count(), finished});
    };
    const auto end_batch = [&] {
        if (strict && first_skip) throw StrictError(*first_skip);
        for (Article& article : held_back) store.write(std::move(article));
        held_back.clear();
        store.commit();
        committed += uncommitted;
        uncommitted = 0;
    };
    const std::size_t threads = worker_threads(options.threads);
    try {
        // The parallel build settles each article's language on its workers,
        // so that language detection (CLD2) does not hold up the reading
        // thread, and stores the synonyms in the revision that brings its
        // articles.
        if (!(threads > 1 && store.write_in_parallel({threads, options.spelling, options.language, next_article,
                                                       [&](std::size_t) { report_progress(false); }, synonyms}))) {
            if (synonyms) store.store_synonyms(*synonyms);
            while (auto article = next_article()) {
                settle_language(*article, options.language);
                if (strict) held_back.push_back(std::move(*article));
                else store.write(std::move(*article));
                if (++uncommitted >= options.commit_every) end_batch();
                report_progress(false);
            }
        }
        end_batch();
        report_progress(true);
    } catch (const StrictError&) {
        report_progress(true);
        throw;  // the held-back batch is dropped: nothing of it was written
    } catch (const Interrupted&) {
        report_progress(true);
        store.commit();  // the articles written are whole; a --strict run's batch was not written
        throw Interrupted(strict ? committed : committed + uncommitted);
    } catch (const DiskFullError& error) {
        throw DiskFullError(std::string(error.what()) + "; it keeps what was committed before, " +
                            std::to_string(committed) + " articles of this run: free some space and run the same " +
                            "command again");
    } catch (...) {
        report_progress(true);
        store.commit();  // keep every article written before the failure
        throw;
    }
    store.count_writes(summary);
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

IndexSummary index_inputs(const IndexOptions& options, const DiagnosticSink& sink) {
    check_inputs(options.inputs);  // before the database is created
    SingleDatabase store(options.db_dir, options.spelling);
    return index_into(store, options, sink);
}

std::string describe(const IndexSummary& summary) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.2f s\n", summary.seconds);
    std::string out = "indexed " + count_of(summary.added + summary.replaced, "article") + " (" +
                      std::to_string(summary.added) + " new, " + std::to_string(summary.replaced) + " replaced), skipped " +
                      std::to_string(summary.skipped) + ", " + count_of(summary.warnings, "warning") + ", in " + seconds;
    for (const auto& [reason, count] : summary.skip_reasons) {
        out += "  skipped " + std::to_string(count) + ": " + reason + "\n";
    }
    for (const auto& [reason, count] : summary.warning_reasons) {
        out += "  warnings " + std::to_string(count) + ": " + reason + "\n";
    }
    return out;
}

}  // namespace gazette
