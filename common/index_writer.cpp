#include "common/index_writer.h"

#include "common/document.h"
#include "common/schema.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
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

IndexWriter::IndexWriter(const std::filesystem::path& db_dir, SpellingData spelling)
    : db_dir_(db_dir), db_(open_for_writing(db_dir)), writer_record_(db_dir) {
    if (spelling == SpellingData::record) analyzer_.record_spelling(db_);
}

template <typename Write>
auto IndexWriter::on_disk(Write write) -> decltype(write()) {
    return translating_disk_full(db_dir_, write);
}

WriteOutcome IndexWriter::write(const Article& article) {
    Xapian::Document doc;
    analyzer_.index_article(article, doc);
    duplicates_.mark(article.id, analyzer_.normalise(article.title), analyzer_.normalise(article.body), doc);
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

void IndexWriter::store_synonyms(const SynonymGroups& groups) {
    on_disk([&] { db_.set_metadata(std::string(kSynonymsMetadataKey), serialise(groups)); });
}

void IndexWriter::commit() {
    on_disk([&] { db_.commit(); });
}

StrictError::StrictError(const Diagnostic& first_skip)
    : std::runtime_error("--strict: a record was skipped, so nothing of its batch was written: " +
                         first_skip.to_string()) {}

namespace {

// Counts what it writes for the summary.
class CountingWriter {
public:
    CountingWriter(IndexWriter& writer, IndexSummary& summary) : writer_(writer), summary_(summary) {}

    void write(const Article& article) {
        if (writer_.write(article) == WriteOutcome::added) ++summary_.added;
        else ++summary_.replaced;
    }

private:
    IndexWriter& writer_;
    IndexSummary& summary_;
};

}  // namespace

IndexSummary index_inputs(const IndexOptions& options, const DiagnosticSink& sink) {
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

    IndexWriter writer(options.db_dir, options.spelling);
    if (!options.synonyms_file.empty()) {
        Analyzer analyzer;
        writer.store_synonyms(read_synonym_groups(options.synonyms_file, analyzer, counting_sink));
    }
    CountingWriter counting_writer(writer, summary);
    InputReader reader(options.inputs, {options.format, options.csv}, counting_sink);
    const bool strict = options.on_skip == SkipPolicy::fail;
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
        options.on_progress({summary.added + summary.replaced + held_back.size(), reader.bytes_read(),
                             reader.total_bytes(), std::chrono::duration<double>(now - started).count(), finished});
    };
    const auto end_batch = [&] {
        if (strict && first_skip) throw StrictError(*first_skip);
        for (const Article& article : held_back) counting_writer.write(article);
        held_back.clear();
        writer.commit();
        committed += uncommitted;
        uncommitted = 0;
    };
    try {
        while (auto article = reader.next()) {
            auto problem = missing_required_field(*article);
            if (!problem) problem = too_large(*article);
            if (problem) {
                counting_sink({Severity::error, article->origin.file, article->origin.line, *problem});
                continue;
            }
            // Stored absolute, so that --prune finds the file from any working folder.
            article->origin.file = std::filesystem::absolute(article->origin.file).lexically_normal().string();
            settle_language(*article, options.language);
            if (strict) {
                if (first_skip) throw StrictError(*first_skip);
                held_back.push_back(std::move(*article));
            } else {
                counting_writer.write(*article);
            }
            if (++uncommitted >= options.commit_every) end_batch();
            report_progress(false);
        }
        end_batch();
        report_progress(true);
    } catch (const StrictError&) {
        report_progress(true);
        throw;  // the held-back batch is dropped: nothing of it was written
    } catch (const DiskFullError& error) {
        throw DiskFullError(std::string(error.what()) + "; it keeps what was committed before, " +
                            std::to_string(committed) + " articles of this run: free some space and run the same " +
                            "command again");
    } catch (...) {
        report_progress(true);
        writer.commit();  // keep every article written before the failure
        throw;
    }
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
    for (const auto& [reason, count] : summary.warning_reasons) {
        out += "  warnings " + std::to_string(count) + ": " + reason + "\n";
    }
    return out;
}

}  // namespace gazette
