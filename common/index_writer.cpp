#include "common/index_writer.h"

#include "common/document.h"
#include "common/schema.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <cstdio>

namespace gazette {

namespace {

bool is_disk_full(const Xapian::Error& error) {
    return error.get_description().find(std::strerror(ENOSPC)) != std::string::npos;
}

// Xapian reports a full disk as a DatabaseError whose text carries the
// system's message; it becomes a DiskFullError that says so plainly.
template <typename Write>
auto translating_disk_full(const std::filesystem::path& db_dir, Write write) -> decltype(write()) {
    try {
        return write();
    } catch (const Xapian::Error& error) {
        if (!is_disk_full(error)) throw;
        throw DiskFullError("cannot write to database '" + db_dir.string() + "': the disk is full (" +
                            std::strerror(ENOSPC) + ")");
    }
}

Xapian::WritableDatabase open_for_writing(const std::filesystem::path& db_dir) {
    try {
        return translating_disk_full(
            db_dir, [&db_dir] { return Xapian::WritableDatabase(db_dir.string(), Xapian::DB_CREATE_OR_OPEN); });
    } catch (const Xapian::DatabaseLockError&) {
        throw DatabaseLockedError("database '" + db_dir.string() + "' is locked by another writer: " +
                                  describe_writer(db_dir) + "; try again when it has finished");
    }
}

std::string id_term(std::string_view id) {
    std::string term(schema::kIdPrefix);
    term += id;
    return term;
}

}  // namespace

IndexWriter::IndexWriter(const std::filesystem::path& db_dir)
    : db_dir_(db_dir), db_(open_for_writing(db_dir)), writer_record_(db_dir) {}

template <typename Write>
auto IndexWriter::on_disk(Write write) -> decltype(write()) {
    return translating_disk_full(db_dir_, write);
}

WriteOutcome IndexWriter::write(const Article& article) {
    Xapian::Document doc;
    analyzer_.index_article(article, doc);
    doc.set_data(encode_document_data(article));

    std::string term = id_term(article.id);
    bool exists = db_.term_exists(term);
    on_disk([&] { db_.replace_document(term, doc); });  // flushes now and then
    return exists ? WriteOutcome::replaced : WriteOutcome::added;
}

bool IndexWriter::remove(std::string_view id) {
    std::string term = id_term(id);
    if (!db_.term_exists(term)) return false;
    on_disk([&] { db_.delete_document(term); });
    return true;
}

void IndexWriter::remove(Xapian::docid docid) {
    on_disk([&] { db_.delete_document(docid); });
}

void IndexWriter::commit() {
    on_disk([&] { db_.commit(); });
}

DiagnosticSink counting_into(IndexSummary& summary, const DiagnosticSink& sink) {
    return [&summary, sink](const Diagnostic& diagnostic) {
        if (diagnostic.severity == Severity::error) {
            ++summary.skipped;
            ++summary.skip_reasons[diagnostic.message];
        } else {
            ++summary.warnings;
        }
        sink(diagnostic);
    };
}

bool ready_to_index(Article& article, const DiagnosticSink& sink) {
    if (auto missing = missing_required_field(article)) {
        sink({Severity::error, article.origin.file, article.origin.line, *missing});
        return false;
    }
    // Stored absolute, so that --prune finds the file from any working folder.
    article.origin.file = std::filesystem::absolute(article.origin.file).lexically_normal().string();
    return true;
}

IndexSummary index_inputs(const IndexOptions& options, const DiagnosticSink& sink) {
    auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    DiagnosticSink counting_sink = counting_into(summary, sink);

    IndexWriter writer(options.db_dir);
    InputReader reader(options.inputs, options.format, counting_sink);
    std::size_t uncommitted = 0;
    std::size_t committed = 0;  // articles of this run
    try {
        while (auto article = reader.next()) {
            if (!ready_to_index(*article, counting_sink)) continue;
            if (writer.write(*article) == WriteOutcome::added) ++summary.added;
            else ++summary.replaced;
            if (++uncommitted >= options.commit_every) {
                writer.commit();
                committed += uncommitted;
                uncommitted = 0;
            }
        }
    } catch (const DiskFullError& error) {
        throw DiskFullError(std::string(error.what()) + "; it keeps what was committed before, " +
                            std::to_string(committed) + " articles of this run: free some space and run the same " +
                            "command again");
    } catch (...) {
        writer.commit();  // keep every article written before the failure
        throw;
    }
    writer.commit();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

std::string describe(const IndexSummary& summary) {
    std::string out;
    char line[160];
    std::snprintf(line, sizeof line, "indexed %zu articles (%zu new, %zu replaced), skipped %zu, %zu warnings, in %.2f s\n",
                  summary.added + summary.replaced, summary.added, summary.replaced, summary.skipped, summary.warnings,
                  summary.seconds);
    out += line;
    for (const auto& [reason, count] : summary.skip_reasons) {
        out += "  skipped " + std::to_string(count) + ": " + reason + "\n";
    }
    return out;
}

}  // namespace gazette
