// Saved searches and alerts. newssearch --save NAME QUERY stores a named
// search in the database's metadata (schema kSavedSearchKeyPrefix + NAME);
// newssearch --alerts lists, for each, the matching articles added since
// alerts were last read, and remembers where it got to.
//
// "Added since" goes by document number. Xapian numbers each new document
// one above the highest number it has ever given (a deleted article's number
// is never reused), and newsindex replaces an updated article in place,
// keeping its number. So each saved search keeps a mark, the highest number
// when it was saved or its alerts were last read, and its alerts are the
// matches numbered above it: an article updated after it was reported is not
// reported again, and one deleted and indexed again is new.
//
// One database only: a sharded archive numbers each shard's articles apart,
// so it is refused, as are stub files and tcp:// shards. Saving and reading
// alerts write the database, so they take the writer lock like newsindex.
#pragma once

#include "searcher/searcher.h"
#include "common/writer_lock.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <xapian.h>

namespace gazette {

struct SavedSearch {
    std::string name;
    std::string query;     // as given: words, fields, dates
    std::string language;  // --lang when saved; empty = the default
    Xapian::docid seen = 0;  // alerts report the matches numbered above this
};

// Letters, digits, '-', '_' and '.', 1 to 64 of them. Throws
// std::invalid_argument naming the bad name.
void check_saved_search_name(const std::string& name);

// The saved searches of a database, by name.
std::vector<SavedSearch> saved_searches(const Xapian::Database& db);

// One database's saved searches, opened for writing: holds the writer lock
// (common/writer_lock.h) for its lifetime.
class SavedSearchStore {
public:
    // Throws DatabaseError when `db_dir` is not one existing database (a
    // sharded archive, a stub file, a missing folder), DatabaseLockedError
    // when a writer holds it.
    explicit SavedSearchStore(const std::filesystem::path& db_dir);

    // Saves (or replaces) `search`, its mark at the newest article: alerts
    // report what is added from now on.
    void save(SavedSearch search);

    // False when no search has this name.
    bool remove(const std::string& name);

    // Calls `on_alert` with the name of each saved search and each article
    // matching it that was added since its mark, in the order added, then
    // moves every mark to the newest article. Returns the number of alerts.
    std::size_t read_alerts(const std::function<void(const std::string& name, const Hit& hit)>& on_alert);

private:
    void store(const SavedSearch& search);

    std::filesystem::path db_dir_;
    WriterLock lock_;  // before db_: gazette's lock, then Xapian's
    Xapian::WritableDatabase db_;
    WriterRecord writer_record_;  // after db_: recorded only once the locks are held
};

// What newssearch does with saved searches instead of a search.
enum class SavedSearchAction { none, save, list, remove, alerts };

struct SavedSearchRequest {
    SavedSearchAction action = SavedSearchAction::none;
    std::string name;  // of --save and --unsave
};

// Carries out `request` on the database `db_dir` (for --save: `query`, with
// options.language) and prints its outcome to `out`: a line for --save and
// --unsave, "NAME<TAB>QUERY" lines for --saved, JSON Lines for --alerts
// (print_alert). Returns how many searches were saved, removed or listed, or
// alerts printed. Throws std::invalid_argument for an unknown name or a bad
// one, QueryError for a malformed query, and what SavedSearchStore throws.
std::size_t run_saved_search_request(const SavedSearchRequest& request, const std::filesystem::path& db_dir,
                                     const std::string& query, const SearchOptions& options, std::ostream& out);

}  // namespace gazette
