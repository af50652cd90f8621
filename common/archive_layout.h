// The layout of an archive on disk, as both programs see it: a sharded
// archive is N ordinary Xapian databases DB/shard-000 ... and a stub file
// DB/XAPIANDB listing them (Xapian opens the stub as one database); and what
// the database holds besides articles (saved searches, the filter guard).
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

// The filter guard. Xapian 1.4.22 replaces a term that indexes every
// document of a database with its all-documents posting list, but keeps the
// term's name on it; when document numbers have gaps (an article deleted or
// pruned) that list is read in chunks, and moving to its second chunk checks
// the chunk's key against the term's name and throws DatabaseCorruptError
// "Unexpected end of posting list for 'Len'". Any filter matching every
// article (lang:en, source:reuters, date:1987 on a one-year archive) then
// fails when it drives the match or is counted. So a database whose
// document numbers have gaps holds one guard document: no article terms,
// only schema::kFilterGuardTerm, so no term indexes every document and Xapian
// keeps the real posting list. Only such a database: the guard counts in
// Xapian's statistics, and a database without gaps (every new build, serial,
// parallel or sharded; a re-index, which replaces in place) must rank exactly
// as before. The writer adds it in the commit that makes the gaps
// (indexer/index_writer.h); newsindex --check reports a database that would
// fail for the want of it (one written before it existed).

// Whether `db` has gaps in its document numbers and no guard document.
bool lacks_filter_guard(const Xapian::Database& db);

// Whether `db` would fail a filter for the want of the guard: it lacks it
// and a term indexes every document.
bool needs_filter_guard(const Xapian::Database& db);

// The guard document to add to a database that lacks it.
Xapian::Document filter_guard_document();

// Every article: all documents but the filter guard. A query of its own, safe
// to build in any thread.
Xapian::Query all_articles_query();

// The number of articles in `db` (one database or several as one): its
// documents less the guards.
Xapian::doccount article_count(const Xapian::Database& db);

// The document number of `db`'s filter guard; 0 when it has none.
Xapian::docid filter_guard_docid(const Xapian::Database& db);

}  // namespace gazette
