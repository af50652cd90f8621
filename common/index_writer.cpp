#include "common/index_writer.h"

#include "common/document.h"
#include "common/schema.h"

#include <chrono>
#include <optional>
#include <cstdio>

namespace gazette {

IndexWriter::IndexWriter(const std::filesystem::path& db_dir)
    : db_(db_dir.string(), Xapian::DB_CREATE_OR_OPEN) {}

WriteOutcome IndexWriter::write(const Article& article) {
    Xapian::Document doc;
    analyzer_.index_article(article, doc);
    doc.set_data(encode_document_data(article));

    std::string id_term(schema::kIdPrefix);
    id_term += article.id;
    bool exists = db_.term_exists(id_term);
    db_.replace_document(id_term, doc);
    return exists ? WriteOutcome::replaced : WriteOutcome::added;
}

void IndexWriter::commit() { db_.commit(); }

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

    IndexWriter writer(options.db_dir);
    CountingWriter counting_writer(writer, summary);
    InputReader reader(options.inputs, {options.format, options.csv}, counting_sink);
    const bool strict = options.on_skip == SkipPolicy::fail;
    // In a --strict run a batch is held back until it is whole and nothing
    // in it was skipped, so a failure never leaves half of it in the index.
    std::vector<Article> held_back;
    std::size_t uncommitted = 0;
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
        uncommitted = 0;
    };
    try {
        while (auto article = reader.next()) {
            if (auto missing = missing_required_field(*article)) {
                counting_sink({Severity::error, article->origin.file, article->origin.line, *missing});
                continue;
            }
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
