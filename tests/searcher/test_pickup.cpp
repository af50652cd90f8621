// Wire-copy pickup: a cluster's copies, first date and outlets; the sort key.
#include "searcher/database_set.h"
#include "indexer/near_duplicates.h"
#include "searcher/pickup.h"
#include "common/schema.h"

#include "test_support.h"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

// A document as the indexer leaves it: date, source and cluster key.
Xapian::Document copy_of(const std::string& cluster, const std::string& day, const std::string& source) {
    Xapian::Document doc;
    doc.add_value(schema::kDateSlot, day);
    doc.add_value(schema::kSourceSlot, source);
    set_cluster_key(cluster, /*id=*/"", doc);  // every one a copy
    return doc;
}

}  // namespace

TEST_SUITE("searcher") {

TEST_CASE("pickup: every copy of the cluster, the earliest date, the distinct outlets sorted") {
    Xapian::WritableDatabase db(test::scratch_dir("pickup").string(), Xapian::DB_CREATE);
    db.add_document(copy_of("s", "20240103", "Reuters"));
    db.add_document(copy_of("s", "20240101", "AP"));
    db.add_document(copy_of("t", "20231231", "BBC"));  // another story, earlier
    db.add_document(copy_of("s", "", ""));             // a copy without date or source
    db.add_document(copy_of("s", "20240105", "Reuters"));
    db.commit();

    Pickup story = pickup_of(db, "s");
    CHECK(story.copies == 4);
    REQUIRE(story.first_date);
    CHECK(to_iso(*story.first_date) == "2024-01-01");
    CHECK(story.outlets == std::vector<std::string>{"AP", "Reuters"});

    CHECK(pickup_of(db, "unknown").copies == 0);
    CHECK_FALSE(pickup_of(db, "unknown").first_date);

    ClusterSizeKey size(db);
    CHECK(size(db.get_document(1)) == Xapian::sortable_serialise(4));
    CHECK(size(db.get_document(3)) == Xapian::sortable_serialise(1));
    CHECK_NOTHROW(require_cluster_terms(db));
}

TEST_CASE("pickup: a database indexed before cluster terms is refused, an empty one is not") {
    Xapian::WritableDatabase db(test::scratch_dir("pickup-old").string(), Xapian::DB_CREATE);
    CHECK_NOTHROW(require_cluster_terms(db));
    Xapian::Document old;
    old.add_value(schema::kClusterSlot, "a");  // the key as a value only, as older versions wrote it
    db.add_document(old);
    db.commit();
    CHECK_THROWS_AS(require_cluster_terms(db), DatabaseError);
}

}
