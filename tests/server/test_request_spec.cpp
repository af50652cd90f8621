#include "server/request_spec.h"

#include "searcher/characteristic_terms.h"
#include "searcher/facets.h"
#include "searcher/timeline.h"

#include <doctest/doctest.h>

using namespace gazette;

TEST_SUITE("server") {
    TEST_CASE("spec_from_parameters reads each parameter into the spec newssearch --spec reads") {
        RequestLimits limits;
        SUBCASE("query, page, order and facets") {
            SearchSpec spec = spec_from_parameters(
                {{"q", "oil OR gas"}, {"n", "5"}, {"offset", "10"}, {"sort", "newest"}, {"facet", "source,month"},
                 {"facet", "lang"}, {"timeline", "1"}, {"by", "month"}, {"top_terms", "3"}, {"collapse", "false"}},
                limits);
            CHECK(spec.query == "oil OR gas");
            CHECK(spec.options.limit == 5);
            CHECK(spec.options.offset == 10);
            CHECK(spec.options.sort == SortOrder::newest);
            CHECK(settings_of<FacetSettings>(spec.features).facets ==
                  std::vector<Facet>{Facet::source, Facet::month, Facet::language});
            CHECK(settings_of<TimelineSettings>(spec.features).shown);
            CHECK(settings_of<TimelineSettings>(spec.features).unit == TimelineUnit::month);
            CHECK(settings_of<CharacteristicTermsSettings>(spec.features).count == 3);
            CHECK(spec.options.duplicates == SearchOptions::Duplicates::show);
        }
        SUBCASE("filters become the query's own filters") {
            SearchSpec spec = spec_from_parameters(
                {{"q", "grain"}, {"source", "Wall Street Journal,Reuters"}, {"lang", "en"}, {"date", "1987-03"}}, limits);
            CHECK(query_with_filters(spec) ==
                  "grain source:\"Wall Street Journal\" source:\"Reuters\" lang:en date:1987-03..1987-03");
            spec = spec_from_parameters({{"q", "grain"}, {"date", "1987-03-01.."}}, limits);
            CHECK(query_with_filters(spec) == "grain date:1987-03-01..");
        }
        SUBCASE("none: newssearch's defaults") {
            SearchSpec spec = spec_from_parameters({}, limits);
            CHECK(spec.options.limit == SearchOptions{}.limit);
            CHECK(settings_of<FacetSettings>(spec.features).facets.empty());
        }
    }

    TEST_CASE("spec_from_parameters refuses a bad request in the parameter's name") {
        RequestLimits limits;
        limits.max_page = 50;
        auto error_of = [&limits](const RequestParameters& parameters) {
            try {
                spec_from_parameters(parameters, limits);
            } catch (const RequestError& error) {
                return std::string(error.what());
            }
            return std::string("no error");
        };
        CHECK(error_of({{"n", "abc"}}) == "parameter 'n': must be a number, not \"abc\"");
        CHECK(error_of({{"n", "-1"}}) == "parameter 'n': '-1' is not a whole number from 0 to 100000");
        CHECK(error_of({{"n", "51"}}) == "parameter 'n': at most 50 hits a page, not 51");
        CHECK(error_of({{"n", "50"}}) == "no error");
        CHECK(error_of({{"timeline", "maybe"}}) == "parameter 'timeline': must be true or false, not \"maybe\"");
        CHECK(error_of({{"sort", "up"}}) == "parameter 'sort': unknown value 'up' (choose relevance, newest, oldest or pickup)");
        CHECK(error_of({{"by", "week"}}) == "parameter 'by': unknown value 'week' (choose auto, day, month or year)");
        CHECK(error_of({{"date", "1987-13"}}).starts_with("parameter 'date': is not a date"));
        CHECK(error_of({{"date", "1987..1987-02-30"}}).starts_with("parameter 'date': is not a date"));
        CHECK(error_of({{"lang", "english"}}).starts_with("parameter 'lang': must list ISO 639-1 language codes"));
        CHECK(error_of({{"q", "a"}, {"q", "b"}}) == "parameter 'q' given 2 times");
        CHECK(error_of({{"limit", "5"}}).starts_with("unknown parameter 'limit=5' (known: q, "));
    }
}
