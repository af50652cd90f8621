// SeenIds: the ids of every article a parallel build has read, told apart by
// their text, not only by their hash.
#include "indexer/seen_ids.h"

#include <doctest/doctest.h>

#include <string>

using namespace gazette;

TEST_SUITE("indexer") {

TEST_CASE("seen ids: an id is new once, however many ids share its hash") {
    // Every id lands on the same slot: only their text tells them apart, so
    // a collision neither drops an article's id nor calls a new one repeated.
    for (SeenIds::Hash hash : {&SeenIds::hash_id, +[](std::string_view) -> std::uint64_t { return 7; }}) {
        SeenIds ids(hash);
        for (int i = 0; i < 3000; ++i) CHECK(ids.insert("id-" + std::to_string(i)));  // grows the table twice
        CHECK(ids.size() == 3000);
        for (int i = 0; i < 3000; i += 7) CHECK(!ids.insert("id-" + std::to_string(i)));
        CHECK(ids.insert("id-3000"));
        CHECK(ids.insert(""));
        CHECK(!ids.insert(""));
        CHECK(ids.size() == 3002);
    }
}

}  // TEST_SUITE
