#include "searcher/searcher.h"

#include "common/analyzer.h"
#include "common/archive_layout.h"
#include "common/document.h"
#include "common/language.h"
#include "common/schema.h"
#include "searcher/comparison.h"
#include "searcher/pickup.h"
#include "searcher/query_builder.h"
#include "searcher/recency.h"
#include "searcher/similar.h"
#include "searcher/spelling.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>
#include <unordered_set>

namespace gazette {

namespace {

constexpr SortOrderName kSortOrders[] = {
    {SortOrder::relevance, "relevance", "best match first (see --recency)"},
    {SortOrder::newest, "newest", "latest date first, best match first within a day"},
    {SortOrder::oldest, "oldest", "earliest date first, best match first within a day"},
    {SortOrder::pickup, "pickup",
     "most widely carried story first (most copies in the database: see --pickup), best match first among equals"},
};

// A writer that commits twice while a search reads discards the revision the
// search started on (Xapian::DatabaseModifiedError); a read that races the
// writer's block writes can also be reported as Xapian::DatabaseCorruptError
// ("Expected block 2 to be level 1, not 0", seen in
// tests/e2e/e2e_concurrent.sh), when opening as well as when searching. Both
// pass: `read` runs again, whole, on the newest revision, so no page mixes two
// revisions. A database that is really corrupt fails every attempt and is
// reported.
template <typename Read>
auto retry_while_written(Read read) -> decltype(read(false)) {
    constexpr int kAttempts = 10;
    for (int attempt = 1;; ++attempt) {
        try {
            return read(attempt > 1);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == kAttempts) throw;
        } catch (const Xapian::DatabaseCorruptError&) {
            if (attempt == kAttempts) throw;
        }
        // Gives a commit in progress time to finish.
        std::this_thread::sleep_for(std::chrono::milliseconds(10 * attempt));
    }
}

DatabaseSources local_databases(const std::vector<std::filesystem::path>& db_dirs) {
    DatabaseSources sources;
    sources.locations.assign(db_dirs.begin(), db_dirs.end());
    return sources;
}

}  // namespace

std::span<const SortOrderName> sort_order_names() { return kSortOrders; }

// A Searcher's state and the steps of a search: the database (or the shards
// as one), the analysis, the query builder of this revision and the decoder
// of stored articles.
class Searcher::Impl {
public:
    explicit Impl(const DatabaseSources& sources);

    const std::vector<MissingShard>& missing_shards() const { return missing_shards_; }
    std::vector<std::string> database_uuids() const;
    bool has_remote_shards() const { return remote_shards_ > 0; }
    bool refresh();
    SearchResults search(const std::string& query, const SearchOptions& options);
    SearchResults more_like(const std::string& id, const SearchOptions& options);
    std::vector<ShownArticle> show(const std::vector<std::string>& ids);
    Comparison compare(const std::vector<LabelledQuery>& queries, const SearchOptions& options, ChosenTimelineUnit unit);
    Xapian::doccount for_each_match(const std::string& query, const SearchOptions& options,
                                    const std::function<void(const Hit&)>& on_hit);

    // Holds a QueryBuilder that refers to its analyzer.
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

private:
    // Moves to the newest revision of the database; false when it was already there.
    bool reopen();
    // Opens the locations again when they are other files than the open
    // ones (location_identity); false when they are not, or not yet whole.
    bool reopen_rebuilt();
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
    // matching `matches`: exact up to 10,000 or the page's end (or at any size
    // for Counting::exact), a lower bound beyond.
    void count_matches(SearchResults& results, const Xapian::Query& matches, const SearchOptions& options);
    // count_matches for stories on local databases: exact up to `exact_up_to`.
    void count_stories(SearchResults& results, Xapian::Enquire& enquire, Xapian::doccount exact_up_to);
    // count_stories for databases that mark their copies: reads the copies' keys alone.
    void count_marked_stories(SearchResults& results, const Xapian::Query& matches, Xapian::doccount exact_up_to);
    // How many of the matches are the first article (no copy) of one of these clusters.
    Xapian::doccount firsts_matching(const Xapian::Query& matches, const std::unordered_set<std::string>& cluster_keys);
    std::vector<Hit> collect_hits(const Xapian::MSet& mset, std::size_t first_rank, const SnippetMaker& snippets,
                                  const SearchOptions& options);
    // The stored article (or only its id) and its snippet, as `options` ask.
    void fill_hit(Hit& hit, const Xapian::Document& doc, const SnippetMaker& snippets, const SearchOptions& options);
    // Runs options.features: the hit decorators over the page, then the
    // collectors over the articles matching `matches` (without the ranking
    // extras); `baseline`: the articles passing the query's collection filters.
    void run_features(SearchResults& results, const Xapian::Query& matches, const Xapian::Query& baseline,
                      const SnippetMaker& snippets, const SearchOptions& options);
    // `scoring` with the recency boost added, when asked for.
    Xapian::Query boost_recency(const Xapian::Query& scoring, const SearchOptions& options);

    DatabaseSources sources_;
    std::string identity_;  // location_identity(sources_) when opened
    std::vector<MissingShard> missing_shards_;
    std::size_t remote_shards_ = 0;
    bool copies_marked_ = false;  // DatabaseSet::copies_marked
    Xapian::Database db_;
    Analyzer analyzer_;
    DocumentDataDecoder decoder_;
    std::optional<QueryBuilder> builder_;  // see builder_for
    std::string builder_language_;
};

Searcher::Impl::Impl(const DatabaseSources& sources) : sources_(sources), identity_(location_identity(sources)) {
    DatabaseSet set = retry_while_written([&sources](bool) { return open_database_set(sources); });
    db_ = std::move(set.db);
    missing_shards_ = std::move(set.missing);
    remote_shards_ = set.remote;
    copies_marked_ = set.copies_marked;
}

// Xapian joins the UUIDs of several databases with ':' (a UUID has none).
std::vector<std::string> Searcher::Impl::database_uuids() const {
    std::vector<std::string> uuids;
    std::string joined = db_.get_uuid();
    std::size_t start = 0;
    while (start < joined.size()) {
        std::size_t end = std::min(joined.find(':', start), joined.size());
        uuids.push_back(joined.substr(start, end - start));
        start = end + 1;
    }
    return uuids;
}

bool Searcher::Impl::reopen() {
    if (!db_.reopen()) return false;
    builder_.reset();  // its languages and synonyms were the old revision's
    return true;
}

bool Searcher::Impl::reopen_rebuilt() {
    std::string identity = location_identity(sources_);
    if (identity.empty() || identity == identity_) return false;
    DatabaseSet set;
    try {
        set = open_database_set(sources_);
    } catch (const Xapian::Error&) {
        return false;  // caught mid-build: the next refresh tries again
    } catch (const DatabaseError&) {
        return false;
    }
    db_ = std::move(set.db);
    missing_shards_ = std::move(set.missing);
    remote_shards_ = set.remote;
    copies_marked_ = set.copies_marked;
    identity_ = std::move(identity);
    builder_.reset();
    return true;
}

bool Searcher::Impl::refresh() {
    if (reopen_rebuilt()) return true;
    return retry_while_written([this](bool) { return reopen(); });
}

// The parsers, stemmers and stop words of a query language, and the
// database's languages and synonyms, are set up once, not for every query.
QueryBuilder& Searcher::Impl::builder_for(const std::string& language) {
    if (!builder_ || builder_language_ != language) {
        builder_.emplace(analyzer_, db_, language);
        builder_language_ = language;
    }
    return *builder_;
}

// Safe while newsindex writes: see retry_while_written.
SearchResults Searcher::Impl::search(const std::string& query, const SearchOptions& options) {
    try {
        return retry_while_written([&](bool again) {
            if (again) reopen();
            return search_revision(query, options);
        });
    } catch (const Xapian::UnimplementedError& error) {
        // Our own match spies, posting sources and sort keys cannot be sent
        // to xapian-tcpsrv, which knows only Xapian's.
        throw DatabaseError("this search cannot run on a remote (tcp://) shard: --recency, --sort oldest or pickup and "
                            "--facet topic or place need every shard local (" + error.get_msg() + ")");
    }
}

std::vector<Hit> Searcher::Impl::collect_hits(const Xapian::MSet& mset, std::size_t first_rank,
                                        const SnippetMaker& snippets, const SearchOptions& options) {
    std::vector<Hit> hits;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.docid = *it;
        hit.hidden_copies = it.get_collapse_count();
        hit.rank = first_rank + hits.size();
        hit.score = it.get_weight();
        Xapian::Document doc = it.get_document();
        fill_hit(hit, doc, snippets, options);
        hits.push_back(std::move(hit));
    }
    return hits;
}

void Searcher::Impl::fill_hit(Hit& hit, const Xapian::Document& doc, const SnippetMaker& snippets,
                        const SearchOptions& options) {
    if (options.detail == HitDetail::ids) {
        hit.article.id = doc.get_value(schema::kIdSlot);
        return;
    }
    hit.article = decoder_.decode(doc.get_data());
    hit.snippet = snippets.make(hit.article.body, stemmer_for(hit.article.language));
}

namespace {

// Totals are counted exactly up to this many matches, as Elasticsearch's
// track_total_hits does, and given as a lower bound beyond: Xapian's estimate
// is far off for date ranges (11,544 articles of March 1987 were "about
// 1000"). The cost over 1,000: bench/RESULTS.md, "Exact totals".
constexpr Xapian::doccount kExactTotalUpTo = 10000;

Xapian::doccount to_doccount(std::size_t n) { return static_cast<Xapian::doccount>(n); }

// Ids-only runs (evaluations, benchmarks) print no total; a page of no hits
// (limit 0) is asked for its total alone.
bool wants_total(const SearchOptions& options) { return options.detail == HitDetail::full || options.limit == 0; }

// Articles without a date come last in either date order. The pickup order
// looks up every match's cluster size (ClusterSizeKey), so it sorts the whole
// match set, not only the first page.
void set_order(Xapian::Enquire& enquire, SortOrder order, const Xapian::Database& db) {
    // Reversed, an empty value sorts after every date.
    if (order == SortOrder::newest) enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
    if (order == SortOrder::oldest) {
        // "~" stands in for a missing date: it sorts after every digit.
        auto key = std::make_unique<Xapian::MultiValueKeyMaker>();
        key->add_value(schema::kDateSlot, false, "~");
        enquire.set_sort_by_key_then_relevance(key.release()->release(), false);
    }
    if (order == SortOrder::pickup) {
        auto key = std::make_unique<ClusterSizeKey>(db);
        enquire.set_sort_by_key_then_relevance(key.release()->release(), true);  // the largest first
    }
}

}  // namespace

// The boost peaks at the best score of the query alone, so a fresh article
// can climb about as far as relevance can separate two articles.
Xapian::Query Searcher::Impl::boost_recency(const Xapian::Query& scoring, const SearchOptions& options) {
    if (!options.recency_half_life_days || options.sort != SortOrder::relevance) return scoring;
    Xapian::Enquire enquire(db_);
    enquire.set_query(scoring);
    enquire.set_weighting_scheme(*make_weight(options.ranking));
    double peak = enquire.get_mset(0, 1).get_max_attained();
    if (peak <= 0) return scoring;
    auto boost = std::make_unique<RecencyBoost>(peak, *options.recency_half_life_days);
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, scoring, Xapian::Query(boost.release()->release()));
}

// The user's query is scored with the ranking extras (searcher/ranking.h) and
// the recency boost; which articles match, and in which tier, is the query's
// alone.
SearchResults Searcher::Impl::search_revision(const std::string& query, const SearchOptions& options) {
    QueryBuilder& builder = builder_for(options.language);
    TieredQuery tiers = builder.build(query, options.syntax, options.matching);
    Xapian::Query scoring = rescore(tiers.any, content_words(tiers.content, options.language), options.ranking, db_,
                                    options.language);
    bool tiered = !tiers.single_tier() && options.ranking.tiers == TierPolicy::all_words_first;
    SearchResults results;
    results.query = query;
    SnippetMaker snippets(analyzer_, tiers.any);
    results.hits = rank(boost_recency(scoring, options), tiered ? &tiers.all : nullptr, options, snippets);
    if (wants_total(options)) count_matches(results, tiers.any, options);
    if (options.syntax == QuerySyntax::full && options.detail == HitDetail::full) {
        results.did_you_mean = suggest_spelling(db_, analyzer_, tiers.tree, builder.synonyms());
    }
    run_features(results, tiers.any, baseline_of(builder, tiers.tree), snippets, options);
    return results;
}

Xapian::Query Searcher::Impl::baseline_of(QueryBuilder& builder, const QueryTree& query) {
    std::string filters = collection_filters(query);
    return filters.empty() ? all_articles_query() : builder.build(filters).any;
}

Comparison Searcher::Impl::compare(const std::vector<LabelledQuery>& queries, const SearchOptions& options,
                                   ChosenTimelineUnit unit) {
    return retry_while_written([&](bool again) {
        if (again) reopen();
        QueryBuilder& builder = builder_for(options.language);
        std::vector<ComparedMatches> matches;
        for (const auto& labelled : queries) {
            try {
                TieredQuery tiers = builder.build(labelled.query, options.syntax, options.matching);
                matches.push_back({labelled, tiers.any, baseline_of(builder, tiers.tree)});
            } catch (const QueryError& error) {
                throw QueryError(labelled.label + ": " + error.what());
            }
        }
        return gazette::compare(db_, matches, unit);
    });
}

SearchResults Searcher::Impl::more_like(const std::string& id, const SearchOptions& options) {
    return retry_while_written([&](bool again) {
        if (again) reopen();
        Xapian::Query like = more_like_query(db_, id);
        SearchResults results;
        results.query = "like:" + id;
        SnippetMaker snippets(analyzer_, like);
        results.hits = rank(like, nullptr, options, snippets);
        if (wants_total(options)) count_matches(results, like, options);
        run_features(results, like, all_articles_query(), snippets, options);
        return results;
    });
}

std::vector<ShownArticle> Searcher::Impl::show(const std::vector<std::string>& ids) {
    return retry_while_written([&](bool again) {
        if (again) reopen();
        std::vector<ShownArticle> shown;
        for (const auto& id : ids) {
            std::string id_term = std::string(schema::kIdPrefix) + id;
            Xapian::PostingIterator posting = db_.postlist_begin(id_term);
            if (posting == db_.postlist_end(id_term)) throw UnknownArticleError("no article with id '" + id + "'");
            Xapian::Document doc = db_.get_document(*posting);
            ShownArticle article{decoder_.decode(doc.get_data()), {}};
            std::string cluster = doc.get_value(schema::kClusterSlot);
            if (!cluster.empty()) article.copies = copies_of(db_, cluster);
            std::erase_if(article.copies, [&](const ClusterCopy& copy) { return copy.docid == *posting; });
            shown.push_back(std::move(article));
        }
        return shown;
    });
}

namespace {

// Hands every matching document to a callback as Xapian finds it: a match
// spy sees each match once, and nothing is kept.
class EachMatchSpy : public Xapian::MatchSpy {
public:
    explicit EachMatchSpy(std::function<void(const Xapian::Document&, double)> on_match) : on_match_(std::move(on_match)) {}
    void operator()(const Xapian::Document& doc, double weight) override { on_match_(doc, weight); }

private:
    std::function<void(const Xapian::Document&, double)> on_match_;
};

}  // namespace

Xapian::doccount Searcher::Impl::for_each_match(const std::string& query, const SearchOptions& options,
                                          const std::function<void(const Hit&)>& on_hit) {
    QueryBuilder& builder = builder_for(options.language);
    Xapian::Query matches = builder.build(query, options.syntax, options.matching).any;
    SnippetMaker snippets(analyzer_, matches);
    const HitScope scope{db_, matches, snippets, options};
    Xapian::doccount count = 0;
    const auto on_match = [&](const Xapian::Document& doc, double weight) {
        if (doc.get_docid() <= options.added_after) return;
        Hit hit;
        hit.rank = ++count;
        hit.score = weight;
        hit.docid = doc.get_docid();
        fill_hit(hit, doc, snippets, options);
        for (const auto& decorator : options.features.decorators) {
            if (decorator->one_at_a_time()) decorator->decorate(scope, std::span<Hit>(&hit, 1));
        }
        on_hit(hit);
    };
    Xapian::Enquire enquire(db_);
    enquire.set_query(matches);
    enquire.set_weighting_scheme(*make_weight(options.ranking));
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    if (has_remote_shards()) {
        // Xapian cannot send a match spy to a tcp:// shard: page through the
        // matches in docid order instead, one bounded page in memory at a time.
        constexpr Xapian::doccount kPage = 1000;
        for (Xapian::doccount first = 0;; first += kPage) {
            Xapian::MSet page = enquire.get_mset(first, kPage);
            for (auto it = page.begin(); it != page.end(); ++it) on_match(it.get_document(), it.get_weight());
            if (page.size() < kPage) break;
        }
        return count;
    }
    EachMatchSpy spy(on_match);
    enquire.add_matchspy(&spy);
    // No page: every match is checked (and spied on), none is kept.
    enquire.get_mset(0, 0, db_.get_doccount());
    return count;
}

void Searcher::Impl::run_features(SearchResults& results, const Xapian::Query& matches, const Xapian::Query& baseline,
                            const SnippetMaker& snippets, const SearchOptions& options) {
    const HitScope page{db_, matches, snippets, options};
    for (const auto& decorator : options.features.decorators) decorator->decorate(page, results.hits);
    const MatchScope every_match{db_, matches, baseline, options};
    for (const auto& collector : options.features.collectors) collector->collect(every_match, results);
}

// Tier one pages through the articles that match every word (`all_words`;
// null when there is one tier); when it runs out, the page is filled from
// tier two, the articles that match only some. Both are ordered by `scoring`.
// No total: Xapian looks at no more matches than the page needs.
std::vector<Hit> Searcher::Impl::rank(const Xapian::Query& scoring, const Xapian::Query* all_words,
                                const SearchOptions& options, const SnippetMaker& snippets) {
    Xapian::Enquire enquire(db_);
    enquire.set_weighting_scheme(*make_weight(options.ranking));
    set_order(enquire, options.sort, db_);
    if (options.duplicates == SearchOptions::Duplicates::collapse) enquire.set_collapse_key(schema::kClusterSlot);
    if (all_words == nullptr) {
        enquire.set_query(scoring);
        return collect_hits(enquire.get_mset(to_doccount(options.offset), to_doccount(options.limit)),
                            options.offset + 1, snippets, options);
    }
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, scoring, *all_words));
    Xapian::MSet all = enquire.get_mset(to_doccount(options.offset), to_doccount(options.limit));
    std::vector<Hit> hits = collect_hits(all, options.offset + 1, snippets, options);
    if (hits.size() == options.limit) return hits;

    // Exact: the page was not filled, so Xapian saw every match of tier one.
    // It tells how many articles before the page came from tier one.
    Xapian::doccount all_count = all.get_matches_estimated();
    std::size_t rest_offset = options.offset > all_count ? options.offset - all_count : 0;
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, scoring, *all_words));
    Xapian::MSet rest = enquire.get_mset(to_doccount(rest_offset), to_doccount(options.limit - hits.size()));
    for (auto& hit : collect_hits(rest, options.offset + hits.size() + 1, snippets, options)) hits.push_back(std::move(hit));
    return hits;
}

namespace {

// Counts the stories among the matches it is shown: the distinct cluster keys,
// and each article without one (it has no copy), as Xapian's collapsing
// counts them.
class StoryCountSpy : public Xapian::MatchSpy {
public:
    void operator()(const Xapian::Document& doc, double /*weight*/) override {
        ++articles_;
        std::string key = doc.get_value(schema::kClusterSlot);
        if (key.empty() || keys_.insert(std::move(key)).second) ++stories_;
    }
    Xapian::doccount articles() const { return articles_; }
    Xapian::doccount stories() const { return stories_; }
    const std::unordered_set<std::string>& keys() const { return keys_; }

private:
    Xapian::doccount articles_ = 0;
    Xapian::doccount stories_ = 0;
    std::unordered_set<std::string> keys_;
};

}  // namespace

// Weights play no part in a count, so none are computed, and the ranking
// extras (feedback terms, the recency boost: searcher/ranking.h) are left out
// of `matches`: they change the order, never which articles match.
void Searcher::Impl::count_matches(SearchResults& results, const Xapian::Query& matches, const SearchOptions& options) {
    Xapian::Enquire enquire(db_);
    enquire.set_query(matches);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::doccount exact_up_to = options.counting == SearchOptions::Counting::exact
                                       ? db_.get_doccount()
                                       : std::max(to_doccount(options.offset + options.limit), kExactTotalUpTo);
    bool collapsing = options.duplicates == SearchOptions::Duplicates::collapse;
    results.total_counts = collapsing ? SearchResults::Counts::stories : SearchResults::Counts::articles;
    if (collapsing && !has_remote_shards()) {
        if (copies_marked_) count_marked_stories(results, matches, exact_up_to);
        else count_stories(results, enquire, exact_up_to);
        return;
    }
    // Every copy is counted without a page. Xapian collapses near-duplicates
    // only while it fills a page, and counts the stories exactly only when
    // they fit in it: over a tcp:// shard, which cannot run StoryCountSpy,
    // the page holds as many as are counted exactly. One more than the
    // bound: a count that reaches it cannot tell whether more follow.
    if (collapsing) enquire.set_collapse_key(schema::kClusterSlot);
    Xapian::MSet mset = enquire.get_mset(0, collapsing ? exact_up_to + 1 : 0, exact_up_to + 1);
    bool exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    results.total = exact ? mset.get_matches_estimated() : exact_up_to;
    results.total_relation = exact ? SearchResults::Relation::eq : SearchResults::Relation::gte;
}

// The stories are counted by a match spy over the first `look_at` matches,
// without a page: a page of 10,001 collapsed hits cost Xapian most of a broad
// query's time (bench/RESULTS.md, "Fourth round"). When the articles looked at
// fill `look_at` but their stories do not pass the bound, later matches may
// be new stories: Xapian looks again from the first match, at as many more as
// the copies seen so far suggest the missing stories need, and an eighth
// more. The first look is an eighth past the bound for the same reason: a
// few copies among the first 10,001 matches would otherwise cost a second.
void Searcher::Impl::count_stories(SearchResults& results, Xapian::Enquire& enquire, Xapian::doccount exact_up_to) {
    auto with_an_eighth_more = [](std::uint64_t n) { return n + n / 8 + 1; };
    std::uint64_t look_at = with_an_eighth_more(exact_up_to);
    for (;;) {
        StoryCountSpy spy;
        enquire.add_matchspy(&spy);
        enquire.get_mset(0, 0, static_cast<Xapian::doccount>(std::min<std::uint64_t>(look_at, db_.get_doccount())));
        enquire.clear_matchspies();
        if (spy.stories() > exact_up_to) {
            results.total = exact_up_to;
            results.total_relation = SearchResults::Relation::gte;
            return;
        }
        if (spy.articles() < look_at) {  // every match seen
            results.total = spy.stories();
            results.total_relation = SearchResults::Relation::eq;
            return;
        }
        std::uint64_t missing_stories = exact_up_to + 1 - spy.stories();
        look_at += with_an_eighth_more(missing_stories * spy.articles() / spy.stories());
    }
}

// Each match that is no copy is a story of its own (its cluster key is its
// id), so those are counted as articles, without a key read, as
// `--no-collapse` counts: on a million articles the key reads were most of a
// broad query's time (bench/RESULTS.md, "Fifth round"). The matching copies'
// keys are read; a copy is a new story unless its cluster's first article
// matches too. Over `look_at` copies at a time, doubled while their stories
// may be too few to pass the bound.
void Searcher::Impl::count_marked_stories(SearchResults& results, const Xapian::Query& matches,
                                          Xapian::doccount exact_up_to) {
    const Xapian::Query copy{std::string(schema::kCopyTerm)};
    Xapian::Enquire enquire(db_);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, matches, copy));
    const Xapian::doccount firsts = enquire.get_mset(0, 0, exact_up_to + 1).get_matches_lower_bound();
    auto give = [&results](Xapian::doccount total, SearchResults::Relation relation) {
        results.total = total;
        results.total_relation = relation;
    };
    if (firsts > exact_up_to) return give(exact_up_to, SearchResults::Relation::gte);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, matches, copy));
    for (std::uint64_t look_at = exact_up_to + 1 - firsts;; look_at *= 2) {
        StoryCountSpy copies;
        enquire.add_matchspy(&copies);
        enquire.get_mset(0, 0, static_cast<Xapian::doccount>(std::min<std::uint64_t>(look_at, db_.get_doccount())));
        enquire.clear_matchspies();
        Xapian::doccount stories = firsts + copies.stories() - firsts_matching(matches, copies.keys());
        if (stories > exact_up_to) return give(exact_up_to, SearchResults::Relation::gte);
        if (copies.articles() < look_at) return give(stories, SearchResults::Relation::eq);  // every copy seen
    }
}

Xapian::doccount Searcher::Impl::firsts_matching(const Xapian::Query& matches,
                                                 const std::unordered_set<std::string>& cluster_keys) {
    if (cluster_keys.empty()) return 0;
    std::vector<std::string> cluster_terms;
    for (const auto& key : cluster_keys) cluster_terms.push_back(std::string(schema::kClusterPrefix) + key);
    Xapian::Query clusters(Xapian::Query::OP_OR, cluster_terms.begin(), cluster_terms.end());
    Xapian::Enquire enquire(db_);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_FILTER, matches, clusters),
                                    Xapian::Query(std::string(schema::kCopyTerm))));
    return enquire.get_mset(0, 0, db_.get_doccount()).get_matches_lower_bound();
}

Searcher::Searcher(const std::vector<std::filesystem::path>& db_dirs) : Searcher(local_databases(db_dirs)) {}

Searcher::Searcher(const DatabaseSources& sources) : impl_(std::make_unique<Impl>(sources)) {}

Searcher::~Searcher() = default;

const std::vector<MissingShard>& Searcher::missing_shards() const { return impl_->missing_shards(); }

std::vector<std::string> Searcher::database_uuids() const { return impl_->database_uuids(); }

bool Searcher::has_remote_shards() const { return impl_->has_remote_shards(); }

bool Searcher::refresh() { return impl_->refresh(); }

SearchResults Searcher::search(const std::string& query, const SearchOptions& options) {
    return impl_->search(query, options);
}

SearchResults Searcher::more_like(const std::string& id, const SearchOptions& options) {
    return impl_->more_like(id, options);
}

std::vector<ShownArticle> Searcher::show(const std::vector<std::string>& ids) { return impl_->show(ids); }

Comparison Searcher::compare(const std::vector<LabelledQuery>& queries, const SearchOptions& options,
                             ChosenTimelineUnit unit) {
    return impl_->compare(queries, options, unit);
}

Xapian::doccount Searcher::for_each_match(const std::string& query, const SearchOptions& options,
                                          const std::function<void(const Hit&)>& on_hit) {
    return impl_->for_each_match(query, options, on_hit);
}

}  // namespace gazette
