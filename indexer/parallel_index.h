// Building a new database on every core (newsindex --threads).
//
// Xapian spends its indexing time in its write path, not in text analysis,
// and a small database costs less to write per article than a big one
// (bench/RESULTS.md). So the calling thread reads and cuts the input into
// chunks of kChunkArticles; each worker thread settles the language of a
// chunk's articles (detecting it where the input names none), analyses them
// and adds them to a database of its own under DB/gazette-build/
// (add_document, no fsync); at the end Xapian's compaction merges the chunks,
// in input order, into the target, which was empty until then.
//
// Spelling data is counted on the workers for the whole build and written
// once, after the last chunk, into a database of its own that joins the
// final merge: Xapian works out each word's spelling fragments once, not once
// per chunk, and the chunk and round databases carry none.
//
// Near-duplicate cluster keys must see every earlier article: each worker
// hands its chunk's fingerprints to one ordered stage (FingerprintClusters)
// that serves the chunks in input order, so the keys are those of a serial
// build. An id read twice is written twice and its earlier copies are removed
// after the merge, as a serial build replaces them. The ordered stage keeps
// every article's fingerprint, cluster key and id in memory, compactly (about
// 100 bytes an article with ids of 16 characters: 100 MB for a million
// articles, bench/RESULTS.md), so no article is looked up in a database.
//
// Each full round of kRoundArticles is merged into a round database, on a
// thread of its own while the workers build the next round, so the final
// merge takes a few round databases and the last round's chunks, not
// thousands of chunks.
//
// Until the merge the target stays empty: a crash, a kill or a --strict
// failure leaves it empty, and running the same command again starts over.
// The earlier copies of repeated ids are removed, and the synonyms stored,
// in the merged database before its folder takes the place of the empty
// database's (IndexWriter::merge_into_empty), so the build becomes visible
// whole, in one step.
#pragma once

#include "common/article.h"
#include "indexer/index_writer.h"
#include "common/synonyms.h"

#include <cstddef>
#include <functional>
#include <optional>

namespace gazette {

// Articles per chunk database: small enough that Xapian writes each cheaply,
// large enough that the merge has few to read (bench/RESULTS.md).
inline constexpr std::size_t kChunkArticles = 1000;

// Articles per round: each full round's chunks are merged into a database of
// their own while the next round is built, which bounds the chunk databases
// on disk and open in the final merge.
inline constexpr std::size_t kRoundArticles = 100000;

struct ParallelRun {
    std::size_t threads = 2;  // worker threads, at least 1
    SpellingData spelling = SpellingData::record;
    // How articles that name no language get one (settle_language, on the workers).
    LanguageChoice language;
    // The next article to index, or none at the end; called on this thread
    // only. May throw (e.g. StrictError): the run stops, the target stays empty.
    std::function<std::optional<Article>()> next_article;
    // Called on this thread after each article read, with the count so far.
    std::function<void(std::size_t articles_read)> on_read;
    // Stored with the articles, in the one revision that makes them visible.
    std::optional<SynonymGroups> synonyms;
    std::size_t chunk_articles = kChunkArticles;  // tests make both small
    std::size_t round_articles = kRoundArticles;
};

struct ParallelOutcome {
    std::size_t added = 0;
    std::size_t replaced = 0;  // ids read more than once: the last copy stays
};

// Indexes every article run.next_article() yields into `writer`'s database,
// which must hold no documents. Throws what a worker or next_article threw,
// after stopping every worker; the target is then still empty.
ParallelOutcome index_in_parallel(IndexWriter& writer, const ParallelRun& run);

}  // namespace gazette
