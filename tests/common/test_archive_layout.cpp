#include "common/archive_layout.h"

#include <doctest/doctest.h>

using namespace gazette;

TEST_SUITE("common") {
    // Regression: all_articles_query() copied Xapian::Query::MatchAll, a
    // global whose reference count is not atomic; searches in several
    // threads (newsserve) corrupted it and crashed in Enquire::set_query.
    TEST_CASE("all_articles_query holds no reference to the global Xapian::Query::MatchAll") {
        unsigned before = Xapian::Query::MatchAll.internal->_refs;
        Xapian::Query all = all_articles_query();
        CHECK(Xapian::Query::MatchAll.internal->_refs == before);
        CHECK_FALSE(all.empty());
    }
}
