#include "searcher/database_set.h"

#include "common/schema.h"

#include <charconv>

#include <sys/stat.h>
#include <string_view>

namespace gazette {

namespace {

constexpr std::string_view kRemoteScheme = "tcp://";

// tcp://HOST:PORT → a remote database served by xapian-tcpsrv.
Xapian::Database open_remote(std::string_view address, std::chrono::milliseconds timeout) {
    std::size_t colon = address.rfind(':');
    unsigned port = 0;
    const char* port_end = address.data() + address.size();
    if (colon == std::string_view::npos || colon == 0 ||
        std::from_chars(address.data() + colon + 1, port_end, port).ptr != port_end || port == 0 || port > 65535) {
        throw DatabaseError("bad remote shard '" + std::string(kRemoteScheme) + std::string(address) +
                            "': expected tcp://HOST:PORT");
    }
    auto ms = static_cast<useconds_t>(timeout.count());  // Xapian counts these in milliseconds
    return Xapian::Remote::open(std::string(address.substr(0, colon)), port, ms, ms);
}

Xapian::Database open_location(const std::string& location, std::chrono::milliseconds timeout) {
    if (location.starts_with(kRemoteScheme)) return open_remote(std::string_view(location).substr(kRemoteScheme.size()), timeout);
    return Xapian::Database(location);  // a database folder, a stub file, or a folder holding XAPIANDB
}

}  // namespace

std::string location_identity(const DatabaseSources& sources) {
    std::string identity;
    for (const auto& location : sources.locations) {
        if (location.starts_with(kRemoteScheme)) continue;
        struct stat status {};
        if (::stat(location.c_str(), &status) != 0) return {};
        identity += std::to_string(status.st_dev) + ":" + std::to_string(status.st_ino) + ";";
    }
    return identity;
}

DatabaseSet open_database_set(const DatabaseSources& sources) {
    DatabaseSet set;
    for (const auto& location : sources.locations) {
        try {
            Xapian::Database opened = open_location(location, sources.remote_timeout);
            if (opened.get_metadata(std::string(schema::kCopiesMarkedKey)) != "1") set.copies_marked = false;
            set.db.add_database(opened);
            if (location.starts_with(kRemoteScheme)) ++set.remote;
        } catch (const Xapian::DatabaseOpeningError& error) {
            // Other errors (a database caught mid-commit) are the caller's to retry.
            if (sources.missing == MissingShards::fail) {
                throw DatabaseError("cannot open database '" + location + "': " + error.get_msg());
            }
            set.missing.push_back({location, error.get_msg()});
        } catch (const Xapian::NetworkError& error) {
            std::string reason = error.get_msg();
            if (error.get_error_string() != nullptr) reason += std::string(" (") + error.get_error_string() + ")";
            if (sources.missing == MissingShards::fail) {
                throw DatabaseError("cannot open database '" + location + "': " + reason);
            }
            set.missing.push_back({location, reason});
        }
    }
    if (!sources.locations.empty() && set.missing.size() == sources.locations.size()) {
        throw DatabaseError("cannot open any database: '" + set.missing.front().location + "': " +
                            set.missing.front().reason);
    }
    return set;
}

std::string describe_missing(const std::vector<MissingShard>& missing, std::size_t asked_for) {
    if (missing.empty()) return {};
    std::string out = "note: answered without " + std::to_string(missing.size()) + " of " +
                      std::to_string(asked_for) + " databases:";
    for (const auto& shard : missing) out += " '" + shard.location + "' (" + shard.reason + ");";
    out.pop_back();
    return out;
}

}  // namespace gazette
