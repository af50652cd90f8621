// The databases one search reads as one: local databases, stub files (a
// sharded archive's DB/XAPIANDB, or any Xapian stub) and remote shards served
// by xapian-tcpsrv (tcp://HOST:PORT). Xapian combines them into one match
// with global statistics, so ranking over shards equals ranking over one
// database holding the same articles.
#pragma once

#include "common/errors.h"

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

namespace gazette {

// What to do when a database cannot be opened: fail naming it, or go on
// without it (newssearch --allow-partial).
enum class MissingShards { fail, allowed };

struct DatabaseSources {
    std::vector<std::string> locations;  // DIR, stub FILE or tcp://HOST:PORT
    // For tcp:// shards: connecting, and each answer after that.
    std::chrono::milliseconds remote_timeout{10000};
    MissingShards missing = MissingShards::fail;
};

struct MissingShard {
    std::string location;
    std::string reason;
};

struct DatabaseSet {
    Xapian::Database db;
    std::vector<MissingShard> missing;  // only with MissingShards::allowed
    // Opened tcp:// shards: Xapian gives no spelling suggestions from them.
    std::size_t remote = 0;
    // Every database opened marks its copies (schema::kCopiesMarkedKey;
    // Xapian reads a stub's first shard, whose mark the indexer makes its
    // other shards' as well).
    bool copies_marked = true;
};

// Opens every location. Throws DatabaseError naming the
// first one that cannot be opened, or, with MissingShards::allowed, when
// none can.
DatabaseSet open_database_set(const DatabaseSources& sources);

// Which files the local locations are (device and inode of each folder or
// stub file; remote shards have none): it changes when a database is removed
// and built again, or a build's new folder takes the old one's place, which
// Xapian's reopen() does not see (it keeps reading the old, unlinked files).
// Empty when a location is missing, as in the middle of such a rebuild.
std::string location_identity(const DatabaseSources& sources);

// "note: answered without N of M shards: LOCATION (reason); ..." for people;
// empty when none is missing.
std::string describe_missing(const std::vector<MissingShard>& missing, std::size_t asked_for);

}  // namespace gazette
