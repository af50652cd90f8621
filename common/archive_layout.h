// The layout of an archive on disk, as both programs see it: a sharded
// archive is N ordinary Xapian databases DB/shard-000 ... and a stub file
// DB/XAPIANDB listing them (Xapian opens the stub as one database); and what
// the database's metadata holds besides articles (saved searches).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>

#include <xapian.h>

namespace gazette {

// DB/XAPIANDB: the stub file listing a sharded archive's shards.
std::filesystem::path stub_path(const std::filesystem::path& db_dir);

// DB/shard-007: the database of shard 7.
std::filesystem::path shard_dir(const std::filesystem::path& db_dir, std::size_t shard);

// The number of shards listed in DB/XAPIANDB; nothing when DB is not a
// sharded archive.
std::optional<std::size_t> shard_count(const std::filesystem::path& db_dir);

// Whether the database holds a saved search (searcher/saved_searches.h):
// the indexer must then not rebuild it from scratch, which renumbers the
// articles that alerts go by.
bool has_saved_searches(const Xapian::Database& db);

}  // namespace gazette
