// Search specs: reading the JSON of a search, its errors, and writing it back.
#include "searcher/search_spec.h"

#include "common/schema.h"
#include "searcher/characteristic_terms.h"
#include "searcher/concordance.h"
#include "searcher/explain.h"
#include "searcher/facets.h"
#include "searcher/query_builder.h"
#include "searcher/timeline.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <set>

using namespace gazette;

TEST_SUITE("searcher") {

TEST_CASE("search spec: every key fills the options the command line fills") {
    SearchSpec spec = parse_search_spec(
        R"({"query": "oil", "filters": {"sources": ["Reuters", "Wall Street Journal"], "languages": ["en"],
              "from": "1987-03", "to": "1987-04-15"},
            "options": {"limit": 25, "offset": 5, "language": "EN", "sort": "newest", "recency_half_life_days": 30,
              "collapse": false, "facets": ["source", "month"], "timeline": true, "top_terms": 7, "kwic_context": 4,
              "explain": true, "fuzzy": true, "format": "csv", "all": true,
              "ranking": {"weighting": "bm25", "tiers": "flat", "k1": 0.9, "b": 0.4, "title_boost": 2,
                          "proximity": 0.5, "proximity_model": "pairs", "feedback_docs": 0, "feedback_terms": 5, "feedback_weight": 0.6,
                          "feedback_min_words": 2, "feedback_min_gap": 0.25,
                          "feedback_term_docs": 2, "feedback_model": "rm3", "c": 7, "bb2_share": 0.25}},
            "provenance": {"databases": ["x"], "ran_at": "2026-01-01T00:00:00Z"}})",
        "spec.json");
    CHECK(spec.query == "oil");
    CHECK(query_with_filters(spec) == "oil source:\"Reuters\" source:\"Wall Street Journal\" lang:en date:1987-03..1987-04-15");
    const SearchOptions& o = spec.options;
    CHECK(o.limit == 25);
    CHECK(o.offset == 5);
    CHECK(o.language == "en");
    CHECK(o.sort == SortOrder::newest);
    CHECK(o.recency_half_life_days == 30.0);
    CHECK(o.duplicates == SearchOptions::Duplicates::show);
    const FeatureSettings& f = spec.features;
    CHECK(settings_of<FacetSettings>(f).facets == std::vector<Facet>{Facet::source, Facet::month});
    CHECK(settings_of<TimelineSettings>(f).shown);
    CHECK(settings_of<CharacteristicTermsSettings>(f).count == 7);
    REQUIRE(f.find<ConcordanceOptions>());
    CHECK(f.find<ConcordanceOptions>()->context_words == 4);
    CHECK(settings_of<ExplainSettings>(f).shown);
    CHECK(o.matching == WordMatching::fuzzy);
    CHECK(spec.output.format == OutputFormat::csv);
    CHECK(spec.output.range == HitRange::all);
    CHECK(spec.output.layout == &concordance_layout());
    CHECK(o.ranking.weighting == Weighting::bm25);
    CHECK(o.ranking.tiers == TierPolicy::flat);
    CHECK(o.ranking.k1 == 0.9);
    CHECK(o.ranking.b == 0.4);
    CHECK(o.ranking.title_boost == 2.0);
    CHECK(o.ranking.proximity_weight == 0.5);
    CHECK(o.ranking.proximity_model == ProximityModel::pairs);
    CHECK(o.ranking.feedback_docs == 0);
    CHECK(o.ranking.feedback_terms == 5);
    CHECK(o.ranking.feedback_model == FeedbackModel::rm3);
    CHECK(o.ranking.feedback_original_weight == 0.6);
    CHECK(o.ranking.feedback_min_words == 2);
    CHECK(o.ranking.feedback_min_gap == 0.25);
    CHECK(o.ranking.feedback_term_docs == 2);
    CHECK(o.ranking.dfr_c == 7.0);
    CHECK(o.ranking.bb2_share == 0.25);

    // Written back and read again, it is the same search.
    SearchSpec again = parse_search_spec(to_json(spec), "again.json");
    CHECK(to_json(again) == to_json(spec));
    CHECK(query_with_filters(again) == query_with_filters(spec));
}

TEST_CASE("search spec: missing keys keep the defaults, and an empty spec is the default search") {
    SearchSpec spec = parse_search_spec(R"({"query": "cocoa"})", "spec.json");
    SearchSpec defaults;
    defaults.query = "cocoa";
    CHECK(to_json(spec) == to_json(defaults));
    CHECK(query_with_filters(spec) == "cocoa");
    CHECK(query_with_filters(parse_search_spec(R"({"filters": {"to": "1987-03"}})", "s")) == "date:..1987-03");
}

TEST_CASE("search spec: filters apply to all of a query, read as on the command line") {
    // Five stories: oil, gas and coal from Reuters, oil and gas from the BBC.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::pair<const char*, const char*> stories[] = {
        {"oil", "reuters"}, {"gas", "reuters"}, {"coal", "reuters"}, {"oil", "bbc"}, {"gas", "bbc"}};
    for (const auto& [word, source] : stories) {
        Xapian::Document doc;
        doc.add_term("Z" + Xapian::Stem("en")(word));
        doc.add_boolean_term(std::string(schema::kSourcePrefix) + source);
        db.add_document(doc);
    }
    Analyzer analyzer;
    QueryBuilder builder(analyzer, db);
    const auto matches = [&](const std::string& query) {
        return test::matching_docids(db, builder.build(query).any);
    };
    const std::pair<const char*, std::set<Xapian::docid>> cases[] = {
        {"oil gas", {1, 2}},
        {"oil and gas", {1, 2}},  // "and" stays a word
        {"oil OR gas", {1, 2}},   // Xapian alone reads "oil OR (gas source:reuters)"
        {"oil NOT gas", {1}},
        {"(oil or gas) -coal", {1, 2}},
        // Regression (issue 17): "NEARBY" was taken for the operator NEAR, so the
        // spec bracketed the query and its "and" became AND (53 matches on all
        // of Reuters with --spec, 208 typed).
        {"NEARBY oil and gas prices", {1, 2}},
        {"", {1, 2, 3}},
    };
    for (const auto& [query, expected] : cases) {
        CAPTURE(std::string(query));
        SearchSpec spec;
        spec.query = query;
        spec.filters.sources = {"reuters"};
        // The very query typed on the command line, and all of it filtered.
        CHECK(query_with_filters(spec) == (spec.query.empty() ? "" : spec.query + " ") + "source:\"reuters\"");
        CHECK(matches(query_with_filters(spec)) == expected);
    }
}

TEST_CASE("search spec: a source filter finds its articles however the source is spelt") {
    // Regression: sources were written as source:Reuters-(UK), which the query
    // read as a tag "reuters-(uk" and a bracket that made "and" an operator,
    // and "A - B" as "a---b", where the index folds it to "a--b" (fold_tag).
    Analyzer analyzer;
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const char* sources[] = {"Reuters (UK)", "The  Daily - Test", "Reuters"};
    for (const char* source : sources) {
        for (const char* word : {"oil", "gas"}) {
            Xapian::Document doc;
            doc.add_term("Z" + Xapian::Stem("en")(word));
            doc.add_boolean_term(std::string(schema::kSourcePrefix) + fold_tag(analyzer, source));
            db.add_document(doc);
        }
    }
    QueryBuilder builder(analyzer, db);
    const std::pair<const char*, std::set<Xapian::docid>> cases[] = {
        {"Reuters (UK)", {1, 2}}, {"The  Daily - Test", {3, 4}}, {"reuters", {5, 6}}};
    for (const auto& [source, expected] : cases) {
        CAPTURE(std::string(source));
        SearchSpec spec;
        spec.query = "oil and gas";
        spec.filters.sources = {source};
        CHECK(test::matching_docids(db, builder.build(query_with_filters(spec)).any) == expected);
    }
}

TEST_CASE("search spec: doubles are written so that they read back exactly") {
    SearchSpec spec;
    spec.options.ranking.k1 = 0.123456789012345;
    spec.options.ranking.b = 0.1;
    SearchSpec again = parse_search_spec(to_json(spec), "s");
    CHECK(again.options.ranking.k1 == spec.options.ranking.k1);
    CHECK(again.options.ranking.b == spec.options.ranking.b);
}

TEST_CASE("search spec: provenance is written with the spec") {
    SearchSpec spec;
    spec.query = "oil";
    Provenance provenance{{"11111111-2222-3333-4444-555555555555", "aaaa"}, "2026-11-29T07:04:30Z"};
    std::string json = to_json(spec, &provenance);
    CHECK(json.find(R"("provenance":{"databases":["11111111-2222-3333-4444-555555555555","aaaa"],"ran_at":"2026-11-29T07:04:30Z"})") !=
          std::string::npos);
    CHECK(utc_now_iso8601().size() == std::string("2026-11-29T07:04:30Z").size());
    CHECK(utc_now_iso8601().back() == 'Z');
}

TEST_CASE("search spec: a bad key or value is one line naming the file, the key and the value") {
    struct Case {
        const char* json;
        const char* message;
    };
    const Case cases[] = {
        {R"({"qeury": "oil"})", "s.json: qeury: unknown key, with the value \"oil\""},
        {R"({"query": 3})", "s.json: query: must be a string, not 3"},
        {R"([1])", "s.json: the spec: must be a JSON object, not [1]"},
        {R"({"options": {"limit": -1}})", "s.json: options.limit: '-1' is not a whole number from 0 to 100000"},
        {R"({"options": {"limit": "10"}})", "s.json: options.limit: must be a number, not \"10\""},
        {R"({"options": {"sort": "bogus"}})",
         "s.json: options.sort: unknown value 'bogus' (choose relevance, newest, oldest or pickup)"},
        {R"({"options": {"facets": ["source", "colour"]}})",
         "s.json: options.facets: unknown value 'colour' (choose source, year, month, topic, place or lang)"},
        {R"({"options": {"timeline": "yes"}})", "s.json: options.timeline: must be true or false, not \"yes\""},
        {R"({"options": {"language": "english"}})",
         "s.json: options.language: 'english' is not an ISO 639-1 language code (e.g. de)"},
        {R"({"options": {"recency_half_life_days": 0}})",
         "s.json: options.recency_half_life_days: bad half-life '0' (e.g. 30d, 2w, 6m, 1y)"},
        {R"({"options": {"format": "xml"}})", "s.json: options.format: unknown value 'xml' (choose text, json, trec or csv)"},
        {R"({"options": {"ranking": {"k1": "high"}}})", "s.json: options.ranking.k1: must be a number, not \"high\""},
        {R"({"options": {"ranking": {"weight": 1}}})", "s.json: options.ranking.weight: unknown key, with the value 1"},
        {R"({"filters": {"sources": "reuters"}})", "s.json: filters.sources: must be an array of strings, not \"reuters\""},
        {R"({"filters": {"languages": ["en", "xx1"]}})",
         "s.json: filters.languages: must list ISO 639-1 language codes, not [\"en\",\"xx1\"]"},
        {R"({"filters": {"from": "1987-13"}})", "s.json: filters.from: is not a date"},
        {R"({"query": )", "s.json: not valid JSON"},
    };
    for (const Case& c : cases) {
        CAPTURE(std::string(c.json));
        try {
            parse_search_spec(c.json, "s.json");
            FAIL("no error");
        } catch (const SpecError& error) {
            std::string message = error.what();
            CHECK_MESSAGE(message.rfind(c.message, 0) == 0, message);
            CHECK(message.find('\n') == std::string::npos);
        }
    }
}

}  // TEST_SUITE
