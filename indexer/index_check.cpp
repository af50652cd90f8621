#include "indexer/index_check.h"

#include "common/analyzer.h"
#include "common/archive_layout.h"
#include "common/document.h"
#include "common/schema.h"
#include "indexer/database_errors.h"
#include "indexer/near_duplicates.h"

#include <sstream>
#include <stdexcept>

#include <xapian.h>

namespace gazette {

namespace {

bool has_term_starting(const Xapian::Document& doc, std::string_view prefix) {
    auto term = doc.termlist_begin();
    term.skip_to(std::string(prefix));
    return term != doc.termlist_end() && (*term).starts_with(prefix);
}

// Each check appends "document DOCID (id ID): what is wrong".
class DocumentChecker {
public:
    explicit DocumentChecker(const Xapian::Database& db, std::vector<std::string>& problems)
        : db_(db), problems_(problems),
          copies_marked_(db.get_metadata(std::string(schema::kCopiesMarkedKey)) == "1") {}

    void check(Xapian::docid docid) {
        Xapian::Document stored = db_.get_document(docid);
        Article article;
        try {
            article = decoder_.decode(stored.get_data());
        } catch (const std::exception& error) {
            report(docid, "", std::string("stored data cannot be read: ") + error.what());
            return;
        }
        if (article.id.empty()) {
            report(docid, "", "stored data has no id");
            return;
        }
        std::string id_term = std::string(schema::kIdPrefix) + article.id;
        if (Xapian::doccount holders = db_.get_termfreq(id_term); holders != 1) {
            report(docid, article.id, "the id is held by " + std::to_string(holders) + " documents");
        }
        Xapian::Document expected;
        FoldedText folded = analyzer_.index_article(article, expected);
        add_fingerprint(folded.title, folded.body, expected);
        // The cluster key depends on the articles indexed before this one:
        // its terms must agree with the stored key (absent before the terms
        // existed, in databases built by older versions).
        std::string cluster_key = stored.get_value(schema::kClusterSlot);
        if (!cluster_key.empty() && has_term_starting(stored, schema::kClusterPrefix)) {
            set_cluster_key(cluster_key, article.id, expected);
            bool copy_term_optional = !copies_marked_ && !has_term_starting(stored, schema::kCopyTerm);
            if (copy_term_optional && cluster_key != article.id) expected.remove_term(std::string(schema::kCopyTerm));
        }
        compare_terms(docid, article.id, stored, expected);
        if (stored.get_value(schema::kDateSlot) != expected.get_value(schema::kDateSlot)) {
            report(docid, article.id, "the date value does not match the stored date");
        }
    }

private:
    // The terms the stored fields give, with their counts, against the terms
    // the document holds: a half-written article differs here.
    void compare_terms(Xapian::docid docid, const std::string& id, const Xapian::Document& stored,
                       const Xapian::Document& expected) {
        auto have = stored.termlist_begin(), want = expected.termlist_begin();
        while (have != stored.termlist_end() || want != expected.termlist_end()) {
            if (want == expected.termlist_end() || (have != stored.termlist_end() && *have < *want)) {
                report(docid, id, "term '" + *have + "' is not in the stored fields");
                return;
            }
            if (have == stored.termlist_end() || *want < *have) {
                report(docid, id, "term '" + *want + "' of the stored fields is missing");
                return;
            }
            if (have.get_wdf() != want.get_wdf()) {
                report(docid, id, "term '" + *have + "' is counted " + std::to_string(have.get_wdf()) + " times, not " +
                                      std::to_string(want.get_wdf()));
                return;
            }
            ++have;
            ++want;
        }
    }

    void report(Xapian::docid docid, const std::string& id, const std::string& what) {
        std::string line = "document " + std::to_string(docid);
        if (!id.empty()) line += " (id " + id + ")";
        problems_.push_back(line + ": " + what);
    }

    const Xapian::Database& db_;
    std::vector<std::string>& problems_;
    bool copies_marked_;  // schema::kCopiesMarkedKey: a copy without kCopyTerm is then a fault
    Analyzer analyzer_;
    DocumentDataDecoder decoder_;
};

CheckReport check_revision(const std::filesystem::path& db_dir) {
    CheckReport report;
    std::ostringstream xapian_output;
    try {
        if (std::size_t errors = Xapian::Database::check(db_dir.string(), 0, &xapian_output); errors > 0) {
            report.problems.push_back("Xapian finds " + std::to_string(errors) + " errors: " + xapian_output.str());
        }
    } catch (const Xapian::DatabaseCorruptError& error) {
        report.problems.push_back("Xapian finds the database corrupt: " + error.get_msg());
    } catch (const Xapian::DatabaseOpeningError& error) {
        // Xapian opens the tables read/write to check them; a database on a
        // read-only disk, or not ours to write, still opens for reading below.
        report.skipped = std::string("Xapian's check of the tables, which needs write access (") +
                         error.get_error_string() + ")";
    }
    Xapian::Database db(db_dir.string());
    if (needs_filter_guard(db)) {
        report.problems.push_back(std::string("a term indexes every document and document numbers have gaps ") +
                                  "(deleted articles), but there is no filter guard, so Xapian 1.4.22 fails a filter " +
                                  "matching every article (\"Unexpected end of posting list\"); any newsindex run " +
                                  "that writes adds the guard, e.g. newsindex --db " + db_dir.string() +
                                  " --delete-from /dev/null");
    }
    DocumentChecker checker(db, report.problems);
    Xapian::docid guard = filter_guard_docid(db);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        if (*it == guard) continue;
        checker.check(*it);
        ++report.articles;
    }
    return report;
}

// A writer that commits twice during the check discards the revision it
// reads; the check then starts again on the newest one.
CheckReport check_database(const std::filesystem::path& db_dir) {
    check_database_exists(db_dir);
    constexpr int kAttempts = 3;
    for (int attempt = 1;; ++attempt) {
        try {
            return check_revision(db_dir);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == kAttempts) {
                throw DatabaseError("database '" + db_dir.string() +
                                    "' kept changing while it was checked; check it when no newsindex writes to it");
            }
        } catch (const Xapian::Error& error) {
            throw database_error(error, db_dir);
        }
    }
}

}  // namespace

CheckReport check_index(const std::filesystem::path& db_dir) {
    const auto shards = shard_count(db_dir);
    if (!shards) return check_database(db_dir);
    CheckReport all;
    for (std::size_t shard = 0; shard < *shards; ++shard) {
        const std::filesystem::path dir = shard_dir(db_dir, shard);
        CheckReport report = check_database(dir);
        all.articles += report.articles;
        if (all.skipped.empty()) all.skipped = report.skipped;
        for (const std::string& problem : report.problems) all.problems.push_back(dir.filename().string() + ": " + problem);
    }
    return all;
}

std::string describe(const CheckReport& report) {
    // The first few problems say what is wrong; the count says how much.
    constexpr std::size_t kProblemsShown = 20;
    std::string out = "checked " + std::to_string(report.articles) + " articles: ";
    const std::string skipped = report.skipped.empty() ? "" : "; not done: " + report.skipped;
    if (report.problems.empty()) return out + "no problems" + skipped + "\n";
    out += std::to_string(report.problems.size()) + " problems" + skipped + "\n";
    for (std::size_t i = 0; i < std::min(kProblemsShown, report.problems.size()); ++i) {
        out += "  " + report.problems[i] + "\n";
    }
    return out;
}

}  // namespace gazette
