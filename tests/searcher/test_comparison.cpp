// Comparing queries: counts, shares, overlaps and per-period counts over one
// set of periods; LABEL=QUERY arguments.
#include "searcher/comparison.h"

#include "common/schema.h"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace gazette;

TEST_SUITE("searcher") {

TEST_CASE("comparison: LABEL=QUERY splits at the first '='") {
    CHECK(parse_labelled_query("oil=oil OR gas").label == "oil");
    CHECK(parse_labelled_query("oil=oil OR gas").query == "oil OR gas");
    CHECK(parse_labelled_query("x=a=b").query == "a=b");
    for (const char* bad : {"oil", "=oil", "oil="}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(parse_labelled_query(bad), std::invalid_argument);
    }
}

TEST_CASE("comparison: counts, overlaps and timelines over the same periods") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    // terms and dates: a in Feb and Apr, b in Mar and Apr, one article with both.
    const std::pair<const char*, const char*> articles[] = {
        {"a", "19870210"}, {"a", "19870415"}, {"b", "19870301"}, {"ab", "19870420"}, {"", "19870305"}};
    for (auto [terms, date] : articles) {
        Xapian::Document doc;
        for (const char* t = terms; *t != '\0'; ++t) doc.add_term(std::string(1, *t));
        doc.add_value(schema::kDateSlot, date);
        db.add_document(doc);
    }
    Xapian::Query all(Xapian::Query::MatchAll);
    Comparison comparison = compare(db, {{{"A", "a"}, Xapian::Query("a"), all}, {{"B", "b"}, Xapian::Query("b"), all}});
    REQUIRE(comparison.queries.size() == 2);
    CHECK(comparison.unit == TimelineUnit::month);
    CHECK(comparison.periods == std::vector<std::string>{"1987-02", "1987-03", "1987-04"});
    CHECK(comparison.queries[0].count == 3);
    CHECK(comparison.queries[0].all == 5);
    CHECK(comparison.queries[0].overlaps == std::vector<Xapian::doccount>{3, 1});
    CHECK(comparison.queries[1].per_period == std::vector<Xapian::doccount>{0, 1, 1});
    CHECK(render_json(comparison) ==
          "{\"compare\":[{\"label\":\"A\",\"query\":\"a\",\"count\":3,\"all\":5,\"share\":0.6,\"overlaps\":{\"A\":3,\"B\":1}},"
          "{\"label\":\"B\",\"query\":\"b\",\"count\":2,\"all\":5,\"share\":0.4,\"overlaps\":{\"A\":1,\"B\":2}}],"
          "\"timeline\":{\"unit\":\"month\",\"periods\":[\"1987-02\",\"1987-03\",\"1987-04\"],"
          "\"counts\":{\"A\":[1,0,2],\"B\":[0,1,1]}}}");
}

}  // TEST_SUITE
