// Taking articles out of an index: by id (newsindex --delete, --delete-from),
// or because the file they came from is gone (newsindex --prune).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace gazette {

struct RemovalSummary {
    std::size_t removed = 0;
    std::size_t missing_files = 0;        // --prune: source files no longer there
    std::vector<std::string> unknown_ids;  // --delete: ids not in the database
    double seconds = 0;
};

struct DeleteOptions {
    std::filesystem::path db_dir;
    std::vector<std::string> ids;
    // One id per line (blank lines ignored); empty for none.
    std::filesystem::path ids_file;
};

// Removes the articles with these ids, in one commit. Throws DatabaseError
// when there is no database at options.db_dir (none is created), InputError
// when the ids file cannot be read, DatabaseLockedError when another writer holds
// the database.
RemovalSummary delete_articles(const DeleteOptions& options);

struct PruneOptions {
    std::filesystem::path db_dir;
    std::vector<std::filesystem::path> roots;  // the inputs the articles were indexed from
};

// Removes the articles whose stored source file lies under one of the roots
// and no longer exists, in one commit. A root that does not exist at all is
// an InputError, not a reason to remove everything under it: an unmounted
// disk looks like that. No database at options.db_dir is a DatabaseError.
RemovalSummary prune_missing(const PruneOptions& options);

// "deleted 3 articles, 1 id not in the database: a7, in 0.01 s"
std::string describe(const RemovalSummary& summary);

}  // namespace gazette
