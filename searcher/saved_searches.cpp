#include "searcher/saved_searches.h"

#include "common/archive_layout.h"
#include "common/schema.h"
#include "common/writer_lock.h"
#include "searcher/output.h"

#include <algorithm>
#include <stdexcept>

namespace gazette {

namespace {

constexpr std::size_t kMaxNameLength = 64;

std::string key_of(const std::string& name) { return std::string(schema::kSavedSearchKeyPrefix) + name; }

// "seen=123\nlang=de\nquery=..." (the query last: it may hold anything).
std::string serialise(const SavedSearch& search) {
    return "seen=" + std::to_string(search.seen) + "\nlang=" + search.language + "\nquery=" + search.query;
}

SavedSearch parse(const std::string& name, const std::string& value) {
    SavedSearch search;
    search.name = name;
    std::size_t lang = value.find("\nlang="), query = value.find("\nquery=");
    if (!value.starts_with("seen=") || lang == std::string::npos || query == std::string::npos || query < lang) {
        throw DatabaseError("saved search '" + name + "' cannot be read: '" + value + "'");
    }
    search.seen = static_cast<Xapian::docid>(std::stoul(value.substr(5, lang - 5)));
    search.language = value.substr(lang + 6, query - lang - 6);
    search.query = value.substr(query + 7);
    return search;
}

// `db_dir`, when it is one database: saved searches live in one database's
// metadata, and alerts compare document numbers, which the shards of an
// archive give apart.
const std::filesystem::path& one_database(const std::filesystem::path& db_dir) {
    if (auto shards = shard_count(db_dir)) {
        throw DatabaseError("'" + db_dir.string() + "' is a sharded archive of " + std::to_string(*shards) +
                            " shards: saved searches and alerts need one database (each shard numbers its articles "
                            "apart)");
    }
    if (!std::filesystem::exists(db_dir / "iamglass")) {
        throw DatabaseError("'" + db_dir.string() + "' is not a database folder: saved searches and alerts need one "
                            "local database written by newsindex");
    }
    return db_dir;
}

}  // namespace

void check_saved_search_name(const std::string& name) {
    bool valid = !name.empty() && name.size() <= kMaxNameLength && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.';
    });
    if (!valid) {
        throw std::invalid_argument("bad saved search name '" + name + "': use letters, digits, '-', '_' and '.', up to " +
                                    std::to_string(kMaxNameLength));
    }
}

std::vector<SavedSearch> saved_searches(const Xapian::Database& db) {
    std::vector<SavedSearch> searches;
    std::string prefix(schema::kSavedSearchKeyPrefix);
    for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
        searches.push_back(parse((*key).substr(prefix.size()), db.get_metadata(*key)));
    }
    return searches;  // in key order: by name
}

SavedSearchStore::SavedSearchStore(const std::filesystem::path& db_dir)
    : db_dir_(one_database(db_dir)), lock_(db_dir), db_(open_for_writing(db_dir, lock_)), writer_record_(db_dir) {}

void SavedSearchStore::store(const SavedSearch& search) {
    write_to(db_dir_, [&] { db_.set_metadata(key_of(search.name), serialise(search)); });
}

void SavedSearchStore::save(SavedSearch search) {
    search.seen = db_.get_lastdocid();
    store(search);
    write_to(db_dir_, [&] { db_.commit(); });
}

bool SavedSearchStore::remove(const std::string& name) {
    if (db_.get_metadata(key_of(name)).empty()) return false;
    write_to(db_dir_, [&] {
        db_.set_metadata(key_of(name), "");  // an empty value deletes the key
        db_.commit();
    });
    return true;
}

// The searcher reads the revision this store sees: it holds the writer lock,
// so nothing is committed in between.
std::size_t SavedSearchStore::read_alerts(const std::function<void(const std::string& name, const Hit& hit)>& on_alert) {
    Xapian::docid newest = db_.get_lastdocid();
    std::vector<SavedSearch> searches = saved_searches(db_);
    Searcher searcher(std::vector<std::filesystem::path>{db_dir_});
    std::size_t alerts = 0;
    for (const SavedSearch& search : searches) {
        SearchOptions options;
        options.language = search.language;
        options.added_after = search.seen;
        alerts += searcher.for_each_match(search.query, options, [&](const Hit& hit) { on_alert(search.name, hit); });
    }
    // Only once every alert is out: an error before leaves them to the next read.
    for (SavedSearch& search : searches) {
        search.seen = newest;
        store(search);
    }
    write_to(db_dir_, [&] { db_.commit(); });
    return alerts;
}

std::size_t run_saved_search_request(const SavedSearchRequest& request, const std::filesystem::path& db_dir,
                                     const std::string& query, const SearchOptions& options, std::ostream& out) {
    if (request.action == SavedSearchAction::none) return 0;
    if (request.action == SavedSearchAction::list) {  // reads only: no lock
        auto searches = saved_searches(Xapian::Database(db_dir.string()));
        for (const auto& search : searches) {
            out << search.name << "\t" << search.query;
            if (!search.language.empty()) out << "\t--lang " << search.language;
            out << "\n";
        }
        return searches.size();
    }
    if (request.action != SavedSearchAction::alerts) check_saved_search_name(request.name);
    SavedSearchStore store(db_dir);
    switch (request.action) {
    case SavedSearchAction::none:
    case SavedSearchAction::list: return 0;  // done above
    case SavedSearchAction::save: {
        SearchOptions count = options;
        count.limit = 0;
        SearchResults now = Searcher(std::vector<std::filesystem::path>{db_dir}).search(query, count);  // checks the query
        store.save({request.name, query, options.language});
        out << "saved search '" << request.name << "': " << query << " (" << now.total
            << " matching now; --alerts lists the articles added from now on)\n";
        return 1;
    }
    case SavedSearchAction::remove:
        if (!store.remove(request.name)) throw std::invalid_argument("no saved search named '" + request.name + "'");
        out << "removed saved search '" << request.name << "'\n";
        return 1;
    case SavedSearchAction::alerts:
        return store.read_alerts([&out](const std::string& name, const Hit& hit) { print_alert(out, name, hit); });
    }
    return 0;
}

}  // namespace gazette
