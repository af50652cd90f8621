// Searching: a query string in, ranked hits with snippets out.
#pragma once

#include "common/analyzer.h"
#include "common/article.h"
#include "common/document.h"
#include "common/explain.h"
#include "common/facets.h"
#include "common/named_choice.h"
#include "common/query_builder.h"
#include "common/snippet.h"
#include "common/timeline.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

namespace gazette {

class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class SortOrder { relevance, newest, oldest };

using SortOrderName = NamedChoice<SortOrder>;

// The one table of sort orders, for --help, parsing and errors.
std::span<const SortOrderName> sort_order_names();

struct SearchOptions {
    std::size_t offset = 0;
    std::size_t limit = 10;
    std::string language;  // of the query; empty = the default
    SortOrder sort = SortOrder::relevance;
    // Relevance order only: adds a boost that halves every this many days
    // back from the newest article (common/recency.h).
    std::optional<double> recency_half_life_days;
    std::vector<Facet> facets;  // counted over every match
    bool explain = false;       // fill Hit::explanation
    bool timeline = false;      // fill SearchResults::timeline
    // Show each near-duplicate cluster once, as its best article
    // (common/near_duplicates.h), or every copy.
    enum class Duplicates { collapse, show } duplicates = Duplicates::collapse;
};

struct Hit {
    std::size_t rank = 0;  // 1-based, counting from the first result, not the page
    double score = 0;
    Article article;  // as stored: id, title, date, source, ...
    Snippet snippet;
    Xapian::docid docid = 0;  // in the (combined) database
    Xapian::doccount hidden_copies = 0;  // near-duplicates collapsed into this hit
    std::vector<TermContribution> explanation;  // with SearchOptions::explain
};

struct SearchResults {
    std::string query;
    Xapian::doccount total = 0;  // matching articles (an estimate when not exact)
    bool total_is_exact = true;
    std::vector<Hit> hits;
    std::vector<FacetResult> facets;  // in the order asked for
    std::optional<Timeline> timeline;  // articles per period, over every match
    std::optional<std::string> did_you_mean;  // the query respelt (common/spelling.h); never searched
};

class Searcher {
public:
    // Opens the databases as one. Throws DatabaseError naming the one that
    // cannot be opened.
    explicit Searcher(const std::vector<std::filesystem::path>& db_dirs);

    // BM25, articles matching all the words first (see TieredQuery), in
    // relevance or date order.
    // Throws QueryError for a malformed query.
    SearchResults search(const std::string& query, const SearchOptions& options);

    // The articles most like the one with this id (common/similar.h), best
    // first. Throws UnknownArticleError.
    SearchResults more_like(const std::string& id, const SearchOptions& options);

private:
    std::vector<Hit> collect_hits(const Xapian::MSet& mset, std::size_t first_rank, const SnippetMaker& snippets);
    SearchResults rank(const TieredQuery& tiers, const SearchOptions& options, const SnippetMaker& snippets);
    // Facets, timeline and explanations, as `options` ask, for the articles
    // matching `matches` (without the recency boost).
    void add_counts_and_explanations(SearchResults& results, const Xapian::Query& matches, const SearchOptions& options);
    // The tiers with the recency boost added, when asked for.
    TieredQuery boost_recency(TieredQuery tiers, const SearchOptions& options);

    Xapian::Database db_;
    Analyzer analyzer_;
    DocumentDataDecoder decoder_;
};

}  // namespace gazette
