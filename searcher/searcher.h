// Searching: a query string in, ranked hits with snippets out.
//
// What the search features add (facets, a timeline, explanations...) is in
// SearchResults::features and Hit::features, under types each feature
// declares in its own header, so this header names none of them: a change
// to a feature recompiles the feature and its readers, not every user of
// the Searcher.
#pragma once

#include "common/article.h"
#include "common/named_choice.h"
#include "searcher/database_set.h"
#include "searcher/feature_slots.h"
#include "searcher/query_syntax.h"
#include "searcher/ranking.h"
#include "searcher/search_feature.h"
#include "searcher/snippet.h"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <xapian.h>

namespace gazette {

struct Comparison;     // searcher/comparison.h
struct LabelledQuery;  // searcher/comparison.h
enum class TimelineUnit;  // searcher/timeline.h

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
    // The collectors and hit decorators the search runs (facets, timeline,
    // explanations...: searcher/search_feature.h, made by make_features).
    SearchFeatures features;
    // for_each_match only, over one database: only the articles numbered
    // (Xapian docid) above this, i.e. added after it (saved-search alerts).
    Xapian::docid added_after = 0;
    // Show each near-duplicate cluster once, as its best article
    // (indexer/near_duplicates.h), or every copy.
    enum class Duplicates { collapse, show } duplicates = Duplicates::collapse;
    // How far SearchResults::total is counted: exactly up to 10,000 matches
    // (or the page's end) and as that lower bound beyond, or exactly at any
    // size (newssearch --count: every match is looked at).
    enum class Counting { bounded, exact } counting = Counting::bounded;
};

struct Hit {
    std::size_t rank = 0;  // 1-based, counting from the first result, not the page
    double score = 0;
    Article article;  // as stored: id, title, date, source, ... (only the id for HitDetail::ids)
    Snippet snippet;  // empty for HitDetail::ids
    Xapian::docid docid = 0;  // in the (combined) database
    Xapian::doccount hidden_copies = 0;  // near-duplicates collapsed into this hit
    // What hit decorators add (searcher/search_feature.h), by type: Pickup
    // (--pickup, searcher/pickup.h), Explanation (--explain), KeywordsInContext (--kwic).
    FeatureResults features;
};

struct SearchResults {
    std::string query;
    // Matching articles, or stories (near-duplicates counted once) when
    // collapsing; 0 for HitDetail::ids. Never an estimate: exact (eq), or a
    // lower bound (gte: there are more than `total`) past SearchOptions::counting's bound.
    Xapian::doccount total = 0;
    enum class Relation { eq, gte } total_relation = Relation::eq;
    enum class Counts { articles, stories } total_counts = Counts::articles;
    std::vector<Hit> hits;
    // What collectors add (searcher/search_feature.h), by type: FacetResults
    // (--facet, searcher/facets.h), Timeline (--timeline), CharacteristicTerms (--top-terms).
    FeatureResults features;
    std::optional<std::string> did_you_mean;  // the query respelt (searcher/spelling.h); never searched
    // What the results cannot show, one line each, for the reader to be told
    // beside them: "no matching article has a date: the timeline is empty".
    std::vector<std::string> notes;
};

// One article of a cluster, from its values (no document data read):
// searcher/pickup.h finds them.
struct ClusterCopy {
    Xapian::docid docid = 0;
    std::string id;
    std::optional<Date> date;
    std::string source;
};

// An article as newssearch --show prints it: every stored field (its file
// and line too), and the other copies of its story (its near-duplicate
// cluster: searcher/pickup.h), in index order.
struct ShownArticle {
    Article article;
    std::vector<ClusterCopy> copies;
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

    ~Searcher();

    const std::vector<MissingShard>& missing_shards() const;

    // The UUID of each database or shard searched (Xapian::Database::get_uuid),
    // for a search's provenance.
    std::vector<std::string> database_uuids() const;

    // Whether tcp:// shards are searched: they add no spelling suggestions.
    bool has_remote_shards() const;

    // Moves to the newest committed revision of every database, so that a
    // long-lived Searcher (newsserve's) searches what newsindex committed
    // since it opened, or opens them again when one was removed and built
    // anew (or replaced by a build's new folder). Cheap when nothing
    // changed. Returns whether it moved.
    bool refresh();

    // Ranked as options.ranking says (see searcher/ranking.h; articles matching
    // all the words first: see TieredQuery in searcher/query_builder.h). Throws QueryError for a malformed
    // query. Safe while newsindex writes: every hit comes from one committed
    // revision of the database.
    SearchResults search(const std::string& query, const SearchOptions& options);

    // The articles most like the one with this id (searcher/similar.h), best
    // first. Throws UnknownArticleError.
    SearchResults more_like(const std::string& id, const SearchOptions& options);

    // The stored articles with these ids, in this order. Throws
    // UnknownArticleError (searcher/similar.h) naming the first id not in the
    // database.
    std::vector<ShownArticle> show(const std::vector<std::string>& ids);

    // Counts, shares, overlaps and timelines of several queries
    // (searcher/comparison.h). Throws QueryError naming the label of a
    // malformed query. The timelines are by `unit` (--timeline-by), or by
    // the span of the matches.
    Comparison compare(const std::vector<LabelledQuery>& queries, const SearchOptions& options,
                       std::optional<TimelineUnit> unit = std::nullopt);

    // Calls `on_hit` for every article matching `query` (newssearch --all), in
    // index order, copies included, without holding the matches in memory:
    // ranks count from 1 in that order, scores are the query's alone (no
    // ranking extras). Only options.detail, options.ranking,
    // options.added_after and the hit decorators that take one match at a
    // time apply. Returns the number of articles. Not retried when a writer
    // replaces the revision (rows already passed on cannot be taken back): a
    // DatabaseModifiedError ends it.
    Xapian::doccount for_each_match(const std::string& query, const SearchOptions& options,
                                    const std::function<void(const Hit&)>& on_hit);

    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

private:
    // The database, its analyzer, query builder and document decoder, and
    // the steps of a search (searcher/searcher.cpp).
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace gazette
