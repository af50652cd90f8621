// Search features as plug-ins: the Searcher runs the collectors and hit
// decorators it is given, and make_features gives each feature asked for.
#include "indexer/index_writer.h"
#include "searcher/characteristic_terms.h"
#include "searcher/concordance.h"
#include "searcher/explain.h"
#include "searcher/facets.h"
#include "searcher/pickup.h"
#include "searcher/search_features.h"
#include "searcher/searcher.h"
#include "searcher/timeline.h"
#include "test_support.h"

#include <algorithm>

#include <doctest/doctest.h>

using namespace gazette;

namespace {

std::filesystem::path cocoa_db() {
    auto dir = test::scratch_dir("features-db");
    IndexWriter writer(dir);
    const char* bodies[] = {"cocoa harvest in bahia", "cocoa prices rose", "the harvest was late", "cocoa stocks"};
    int id = 0;
    for (const char* body : bodies) {
        Article article;
        article.id = std::to_string(++id);
        article.body = body;
        writer.write(article);
    }
    writer.commit();
    return dir;
}

// Records how many articles match and how many hits the page held when it
// was called.
class MatchCounter : public MatchCollector {
public:
    struct Seen {
        Xapian::doccount matches = 0;
        std::size_t page = 0;
    };
    explicit MatchCounter(Seen& seen) : seen_(seen) {}
    void collect(const MatchScope& scope, SearchResults& results) const override {
        Xapian::Enquire enquire(scope.db);
        enquire.set_query(scope.matches);
        seen_.matches = enquire.get_mset(0, 100).size();
        seen_.page = results.hits.size();
    }

private:
    Seen& seen_;
};

// A test feature's own result: the sizes of the spans a hit came in, one
// a decorator that saw it.
struct SpanSizes {
    std::vector<std::size_t> sizes;
};

// Marks each hit it is given with the size of the span it came in.
class SpanMarker : public HitDecorator {
public:
    explicit SpanMarker(bool one_at_a_time) : one_at_a_time_(one_at_a_time) {}
    void decorate(const HitScope&, std::span<Hit> hits) const override {
        for (Hit& hit : hits) hit.features.set<SpanSizes>().sizes.push_back(hits.size());
    }
    bool one_at_a_time() const override { return one_at_a_time_; }

private:
    bool one_at_a_time_;
};

std::size_t count_of(const std::vector<std::shared_ptr<const MatchCollector>>& v) {
    return v.size();
}
std::size_t count_of(const std::vector<std::shared_ptr<const HitDecorator>>& v) {
    return v.size();
}

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("search features: a search runs the collectors and decorators it is given, and only those") {
        Searcher searcher({cocoa_db()});
        SearchOptions options;
        options.limit = 2;
        MatchCounter::Seen seen;
        SUBCASE("none given: nothing added") {
            SearchResults results = searcher.search("cocoa", options);
            REQUIRE(results.hits.size() == 2);
            CHECK(results.hits[0].features.find<SpanSizes>() == nullptr);
        }
        SUBCASE("a collector sees every match, after the page is ranked; a decorator the page at once") {
            options.features.collectors.push_back(std::make_shared<MatchCounter>(seen));
            options.features.decorators.push_back(std::make_shared<SpanMarker>(false));
            SearchResults results = searcher.search("cocoa", options);
            CHECK(seen.matches == 3);
            CHECK(seen.page == 2);
            REQUIRE(results.hits.size() == 2);
            for (const Hit& hit : results.hits) CHECK(hit.features.get<SpanSizes>().sizes == std::vector<std::size_t>{2});
        }
        SUBCASE("every match: decorators that take one match at a time, each alone") {
            options.features.decorators.push_back(std::make_shared<SpanMarker>(true));
            options.features.decorators.push_back(std::make_shared<SpanMarker>(false));
            std::size_t seen = 0;
            searcher.for_each_match("cocoa", options, [&seen](const Hit& hit) {
                ++seen;
                CHECK(hit.features.get<SpanSizes>().sizes == std::vector<std::size_t>{1});
            });
            CHECK(seen == 3);
        }
    }

    TEST_CASE("search features: make_features gives each feature asked for, and nothing else") {
        SearchOptions options;
        FeatureSettings wanted;
        SearchFeatures none = make_features(wanted, options);
        CHECK(count_of(none.collectors) == 0);
        CHECK(count_of(none.decorators) == 0);

        wanted.set(FacetSettings{{Facet::year}});
        wanted.set(TimelineSettings{true, std::nullopt});
        wanted.set(CharacteristicTermsSettings{3});
        CHECK(count_of(make_features(wanted, options).collectors) == 3);
        CHECK(count_of(make_features(wanted, options).decorators) == 0);

        FeatureSettings per_hit;
        per_hit.set(ExplainSettings{true});
        per_hit.set(PickupSettings{true});
        per_hit.set<ConcordanceOptions>();
        CHECK(count_of(make_features(per_hit, options).collectors) == 0);
        CHECK(count_of(make_features(per_hit, options).decorators) == 3);

        // --sort pickup shows each hit's pickup too.
        options.sort = SortOrder::pickup;
        CHECK(count_of(make_features(FeatureSettings{}, options).decorators) == 1);
    }

    TEST_CASE("search features: the registered features fill their results through the Searcher") {
        Searcher searcher({cocoa_db()});
        SearchOptions options;
        FeatureSettings wanted;
        wanted.set(FacetSettings{{Facet::language}});
        wanted.set(CharacteristicTermsSettings{2});
        wanted.set(ExplainSettings{true});
        wanted.set(ConcordanceOptions{1});
        options.features = make_features(wanted, options);
        SearchResults results = searcher.search("cocoa", options);
        const FacetResults& facets = results.features.get<FacetResults>();
        REQUIRE(facets.size() == 1);
        CHECK(facets[0].facet == Facet::language);
        CHECK_FALSE(results.features.get<CharacteristicTerms>().empty());
        REQUIRE(results.hits.size() == 3);
        for (const Hit& hit : results.hits) {
            CAPTURE(hit.article.id);
            const Explanation& explanation = hit.features.get<Explanation>();
            REQUIRE(explanation.size() == 1);
            CHECK(explanation[0].term == "cocoa");
            const KeywordsInContext& keywords = hit.features.get<KeywordsInContext>();
            REQUIRE(keywords.size() == 1);
            CHECK(keywords[0].match == "cocoa");
        }
    }

}  // TEST_SUITE
