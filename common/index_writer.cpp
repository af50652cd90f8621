#include "common/index_writer.h"

#include "common/document.h"
#include "common/schema.h"

#include <chrono>
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

IndexSummary index_inputs(const IndexOptions& options, const DiagnosticSink& sink) {
    auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    DiagnosticSink counting_sink = [&](const Diagnostic& diagnostic) {
        if (diagnostic.severity == Severity::error) {
            ++summary.skipped;
            ++summary.skip_reasons[diagnostic.message];
        } else {
            ++summary.warnings;
        }
        sink(diagnostic);
    };

    IndexWriter writer(options.db_dir);
    InputReader reader(options.inputs, {options.format, options.csv}, counting_sink);
    std::size_t uncommitted = 0;
    try {
        while (auto article = reader.next()) {
            if (auto missing = missing_required_field(*article)) {
                counting_sink({Severity::error, article->origin.file, article->origin.line, *missing});
                continue;
            }
            if (writer.write(*article) == WriteOutcome::added) ++summary.added;
            else ++summary.replaced;
            if (++uncommitted >= options.commit_every) {
                writer.commit();
                uncommitted = 0;
            }
        }
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
