#include "indexer/index_maintenance.h"

#include "common/archive_layout.h"
#include "common/document.h"
#include "common/text.h"
#include "corpus/reader.h"
#include "indexer/database_errors.h"
#include "indexer/index_writer.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <unordered_map>

namespace gazette {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point started) {
    return std::chrono::duration<double>(Clock::now() - started).count();
}

std::vector<std::string> read_ids(const fs::path& file) {
    std::ifstream in(file);
    if (!in) throw InputError(file.string(), "cannot open the file");
    std::vector<std::string> ids;
    for (std::string line; std::getline(in, line);) {
        std::string_view id = trim(line);
        if (!id.empty()) ids.emplace_back(id);
    }
    if (in.bad()) throw InputError(file.string(), "cannot read the file");
    return ids;
}

// An absolute path without "." and ".." parts and without a trailing slash,
// so that paths compare part by part.
fs::path normal_absolute(const fs::path& path) {
    fs::path normal = fs::absolute(path).lexically_normal();
    if (normal.has_parent_path() && normal.filename().empty()) normal = normal.parent_path();
    return normal;
}

bool lies_under(const fs::path& file, const fs::path& root) {
    return std::mismatch(root.begin(), root.end(), file.begin(), file.end()).first == root.end();
}

// Answers "is this source file gone?" once per file: a Reuters file holds a
// thousand articles.
class MissingFiles {
public:
    explicit MissingFiles(const std::vector<fs::path>& roots) {
        for (const fs::path& root : roots) {
            std::error_code error;
            if (!fs::exists(root, error)) {
                throw InputError(root.string(), "no such file or folder; nothing pruned (is the disk mounted?)");
            }
            roots_.push_back(normal_absolute(root));
        }
    }

    bool is_missing(const std::string& stored_file) {
        auto [known, inserted] = missing_.try_emplace(stored_file, false);
        if (inserted) {
            fs::path file = normal_absolute(stored_file);
            bool in_roots = std::any_of(roots_.begin(), roots_.end(),
                                        [&file](const fs::path& root) { return lies_under(file, root); });
            std::error_code error;
            known->second = in_roots && !fs::exists(file, error) && !error;
        }
        return known->second;
    }

    std::size_t count() const {
        return static_cast<std::size_t>(std::count_if(missing_.begin(), missing_.end(),
                                                      [](const auto& entry) { return entry.second; }));
    }

private:
    std::vector<fs::path> roots_;
    std::unordered_map<std::string, bool> missing_;
};

}  // namespace

RemovalSummary delete_articles(const DeleteOptions& options) {
    auto started = Clock::now();
    check_database_exists(options.db_dir);  // not created empty for nothing to delete from
    std::vector<std::string> ids = options.ids;
    if (!options.ids_file.empty()) {
        std::vector<std::string> from_file = read_ids(options.ids_file);
        ids.insert(ids.end(), from_file.begin(), from_file.end());
    }
    IndexWriter writer(options.db_dir);
    RemovalSummary summary;
    for (const std::string& id : ids) {
        if (writer.remove(id)) ++summary.removed;
        else summary.unknown_ids.push_back(id);
    }
    writer.commit();
    summary.seconds = seconds_since(started);
    return summary;
}

RemovalSummary prune_missing(const PruneOptions& options) {
    auto started = Clock::now();
    check_database_exists(options.db_dir);
    MissingFiles missing(options.roots);
    IndexWriter writer(options.db_dir);
    const Xapian::Database& db = writer.database();
    DocumentDataDecoder decoder;
    // Collected first, removed after: the walk must not see its own deletions.
    std::vector<Xapian::docid> doomed;
    Xapian::docid guard = filter_guard_docid(db);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        if (*it == guard) continue;
        std::string file = decoder.decode(db.get_document(*it).get_data()).origin.file;
        if (!file.empty() && missing.is_missing(file)) doomed.push_back(*it);
    }
    for (Xapian::docid docid : doomed) writer.remove(docid);
    writer.commit();

    RemovalSummary summary;
    summary.removed = doomed.size();
    summary.missing_files = missing.count();
    summary.seconds = seconds_since(started);
    return summary;
}

std::string describe(const RemovalSummary& summary) {
    // Enough unknown ids to spot a typo, not a screenful.
    constexpr std::size_t kIdsShown = 10;
    std::string out = "removed " + std::to_string(summary.removed) + " articles";
    if (summary.missing_files > 0) out += " from " + std::to_string(summary.missing_files) + " missing files";
    if (!summary.unknown_ids.empty()) {
        out += ", " + std::to_string(summary.unknown_ids.size()) +
               (summary.unknown_ids.size() == 1 ? " id" : " ids") + " not in the database:";
        for (std::size_t i = 0; i < std::min(kIdsShown, summary.unknown_ids.size()); ++i) {
            out += " " + summary.unknown_ids[i];
        }
        if (summary.unknown_ids.size() > kIdsShown) out += " ...";
    }
    char time[32];
    std::snprintf(time, sizeof time, ", in %.2f s\n", summary.seconds);
    return out + time;
}

}  // namespace gazette
