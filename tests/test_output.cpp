// Printing results: the TREC run form.
#include "common/output.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace gazette;

TEST_SUITE("common") {

TEST_CASE("output: a TREC run's scores never rise down the list") {
    SearchResults results;
    for (auto [id, score] : {std::pair{"a", 5.0}, {"b", 7.5}, {"c", 2.0}}) {
        Hit hit;
        hit.rank = results.hits.size() + 1;
        hit.score = score;
        hit.article.id = id;
        results.hits.push_back(hit);
    }
    std::ostringstream out;
    print_trec(out, results, "q7", "tag");
    // Regression guard: trec_eval sorts by score, so "b" (tier two, scored
    // above tier one's "a") must not overtake it.
    CHECK(out.str() == "q7 Q0 a 1 5.000000 tag\nq7 Q0 b 2 4.999990 tag\nq7 Q0 c 3 2.000000 tag\n");
}

}  // TEST_SUITE
