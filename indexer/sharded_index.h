// A sharded archive: N ordinary Xapian databases DB/shard-000 ... and a stub
// file DB/XAPIANDB listing them, which Xapian opens as one database (so
// `newssearch --db DB` searches every shard with global statistics).
//
// An article lives in the shard chosen by a stable hash of its id, so a
// re-index replaces it in place and a delete finds it. The shards are
// written in parallel, one thread each, fed by the one reader, which also
// finds each article's near-duplicate cluster key over every shard.
#pragma once

#include "common/archive_layout.h"
#include "indexer/index_maintenance.h"
#include "indexer/index_writer.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string_view>

namespace gazette {

// The shard of `id` among `shard_count`: FNV-1a (64 bits) of the id's bytes,
// modulo the count. Never changes between runs, builds or machines.
std::size_t shard_of(std::string_view id, std::size_t shard_count);

// Indexes the inputs into `shards` shards under options.db_dir, creating
// them and the stub file if needed. Throws DatabaseError when DB is a plain
// database or a sharded archive with another number of shards (adding shards
// moves articles: see docs/scale-out.md), or when check_database_folder
// refuses it. Otherwise as index_inputs.
IndexSummary index_sharded(const IndexOptions& options, std::size_t shards, const DiagnosticSink& sink);

// delete_articles and prune_missing over every shard of an archive
// (options.db_dir), one commit per shard: an id is unknown when no shard
// holds it. Ids are looked up in every shard rather than only in their
// hash's, so an archive re-balanced by hand (docs/scale-out.md) stays whole.
RemovalSummary delete_from_shards(const DeleteOptions& options, std::size_t shards);
RemovalSummary prune_shards(const PruneOptions& options, std::size_t shards);

}  // namespace gazette
