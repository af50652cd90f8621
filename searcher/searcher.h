// Searching: a query string in, ranked hits with snippets out.
#pragma once

#include "common/analyzer.h"
#include "common/article.h"
#include "searcher/database_set.h"
#include "searcher/characteristic_terms.h"
#include "searcher/comparison.h"
#include "searcher/concordance.h"
#include "common/document.h"
#include "searcher/explain.h"
#include "searcher/facets.h"
#include "common/named_choice.h"
#include "searcher/pickup.h"
#include "searcher/query_builder.h"
#include "searcher/ranking.h"
#include "searcher/snippet.h"
#include "searcher/timeline.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

namespace gazette {

// How much to fetch: ids only (for evaluation runs and benchmarks) gives the
// hits' ids and scores alone: no stored data, snippets, total (unless the
// limit is 0) or spelling suggestion.
enum class HitDetail { full, ids };

enum class SortOrder { relevance, newest, oldest, pickup };

using SortOrderName = NamedChoice<SortOrder>;

// The one table of sort orders, for --help, parsing and errors.
std::span<const SortOrderName> sort_order_names();

struct SearchOptions {
    std::size_t offset = 0;
    std::size_t limit = 10;
    std::string language;  // of the query; empty = the default
    RankingOptions ranking;
    QuerySyntax syntax = QuerySyntax::full;
    WordMatching matching = WordMatching::exact;  // --fuzzy: also OCR variants of the words
    HitDetail detail = HitDetail::full;
    SortOrder sort = SortOrder::relevance;
    // Relevance order only: adds a boost that halves every this many days
    // back from the newest article (searcher/recency.h).
    std::optional<double> recency_half_life_days;
    std::vector<Facet> facets;  // counted over every match
    bool explain = false;       // fill Hit::explanation
    bool timeline = false;      // fill SearchResults::timeline
    bool pickup = false;        // fill Hit::pickup (also with SortOrder::pickup); not with for_each_match
    std::size_t top_terms = 0;  // how many characteristic terms to list (0: none)
    std::optional<ConcordanceOptions> concordance;  // fill Hit::keywords_in_context (HitDetail::full only)
    // for_each_match only, over one database: only the articles numbered
    // (Xapian docid) above this, i.e. added after it (saved-search alerts).
    Xapian::docid added_after = 0;
    // Show each near-duplicate cluster once, as its best article
    // (indexer/near_duplicates.h), or every copy.
    enum class Duplicates { collapse, show } duplicates = Duplicates::collapse;
};

struct Hit {
    std::size_t rank = 0;  // 1-based, counting from the first result, not the page
    double score = 0;
    Article article;  // as stored: id, title, date, source, ... (only the id for HitDetail::ids)
    Snippet snippet;  // empty for HitDetail::ids
    Xapian::docid docid = 0;  // in the (combined) database
    Xapian::doccount hidden_copies = 0;  // near-duplicates collapsed into this hit
    std::optional<Pickup> pickup;  // with SearchOptions::pickup: every copy of its story in the database
    std::vector<TermContribution> explanation;  // with SearchOptions::explain
    std::vector<KeywordInContext> keywords_in_context;  // with SearchOptions::concordance
};

struct SearchResults {
    std::string query;
    Xapian::doccount total = 0;  // matching articles (an estimate when not exact; 0 for HitDetail::ids)
    bool total_is_exact = true;
    std::vector<Hit> hits;
    std::vector<FacetResult> facets;  // in the order asked for
    std::optional<Timeline> timeline;  // articles per period, over every match
    std::vector<CharacteristicTerm> top_terms;  // with SearchOptions::top_terms: the words, then the phrases
    std::optional<std::string> did_you_mean;  // the query respelt (searcher/spelling.h); never searched
};

class Searcher {
public:
    // Opens the databases as one. Throws DatabaseError naming the one that
    // cannot be opened.
    explicit Searcher(const std::vector<std::filesystem::path>& db_dirs);

    // Opens local databases, stub files and remote shards as one (see
    // searcher/database_set.h); with MissingShards::allowed, those that cannot
    // be opened are left out and listed by missing_shards().
    explicit Searcher(const DatabaseSources& sources);

    const std::vector<MissingShard>& missing_shards() const { return missing_shards_; }

    // The UUID of each database or shard searched (Xapian::Database::get_uuid),
    // for a search's provenance.
    std::vector<std::string> database_uuids() const;

    // Whether tcp:// shards are searched: they add no spelling suggestions.
    bool has_remote_shards() const { return remote_shards_ > 0; }

    // Ranked as options.ranking says (see searcher/ranking.h; articles matching
    // all the words first: see TieredQuery). Throws QueryError for a malformed
    // query. Safe while newsindex writes: every hit comes from one committed
    // revision of the database.
    SearchResults search(const std::string& query, const SearchOptions& options);

    // The articles most like the one with this id (searcher/similar.h), best
    // first. Throws UnknownArticleError.
    SearchResults more_like(const std::string& id, const SearchOptions& options);

    // Counts, shares, overlaps and timelines of several queries
    // (searcher/comparison.h). Throws QueryError naming the label of a
    // malformed query.
    Comparison compare(const std::vector<LabelledQuery>& queries, const SearchOptions& options);

    // Calls `on_hit` for every article matching `query` (newssearch --all), in
    // index order, copies included, without holding the matches in memory:
    // ranks count from 1 in that order, scores are the query's alone (no
    // ranking extras). Only options.detail, options.concordance,
    // options.ranking and options.added_after apply. Returns
    // the number of articles. Not retried when a writer replaces the revision
    // (rows already passed on cannot be taken back): a DatabaseModifiedError
    // ends it.
    Xapian::doccount for_each_match(const std::string& query, const SearchOptions& options,
                                    const std::function<void(const Hit&)>& on_hit);

    // Holds a QueryBuilder that refers to its analyzer.
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

private:
    // Moves to the newest revision of the database.
    void reopen();
    // The query builder for queries in `language` ("": detected), kept
    // from one query to the next for this revision of the database.
    QueryBuilder& builder_for(const std::string& language);
    SearchResults search_revision(const std::string& query, const SearchOptions& options);
    // The articles passing the collection filters of `query` (all of them
    // when it has none): the denominator of its shares.
    Xapian::Query baseline_of(QueryBuilder& builder, const QueryTree& query);
    std::vector<Hit> rank(const Xapian::Query& scoring, const Xapian::Query* all_words, const SearchOptions& options,
                          const SnippetMaker& snippets);
    // Sets results.total (stories, when collapsing) from the articles
    // matching `matches`: exact up to 1,000 or the page's end, estimated beyond.
    void count_matches(SearchResults& results, const Xapian::Query& matches, const SearchOptions& options);
    std::vector<Hit> collect_hits(const Xapian::MSet& mset, std::size_t first_rank, const SnippetMaker& snippets,
                                  const SearchOptions& options);
    // The stored article (or only its id), its snippet and its keywords in
    // context, as `options` ask.
    void fill_hit(Hit& hit, const Xapian::Document& doc, const SnippetMaker& snippets, const SearchOptions& options);
    // Facets, timeline, characteristic terms and explanations, as `options` ask, for the articles
    // matching `matches` (without the recency boost); the timeline's shares
    // are of the articles matching `baseline`.
    void add_counts_and_explanations(SearchResults& results, const Xapian::Query& matches,
                                     const Xapian::Query& baseline, const SearchOptions& options);
    // `scoring` with the recency boost added, when asked for.
    Xapian::Query boost_recency(const Xapian::Query& scoring, const SearchOptions& options);

    std::vector<MissingShard> missing_shards_;
    std::size_t remote_shards_ = 0;
    Xapian::Database db_;
    Analyzer analyzer_;
    DocumentDataDecoder decoder_;
    std::optional<QueryBuilder> builder_;  // see builder_for
    std::string builder_language_;
};

}  // namespace gazette
