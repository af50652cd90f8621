// The holders of each feature's settings and results, keyed by type.
#include "searcher/feature_slots.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using namespace gazette;

namespace {

struct Counted {
    int count = 7;
};

struct Words {
    std::vector<std::string> words;
};

}  // namespace

TEST_SUITE("searcher") {
    TEST_CASE("feature slots: each type has its own value, absent until set") {
        FeatureResults slots;
        CHECK(slots.find<Counted>() == nullptr);
        CHECK(slots.get<Counted>().count == 7);  // the type's defaults, nothing held
        CHECK(slots.find<Counted>() == nullptr);

        slots.set<Counted>().count = 3;
        slots.set(Words{{"cocoa"}});
        REQUIRE(slots.find<Counted>() != nullptr);
        CHECK(slots.find<Counted>()->count == 3);
        CHECK(slots.get<Words>().words == std::vector<std::string>{"cocoa"});

        // set<T>() keeps what is held; set(value) replaces it.
        slots.set<Words>().words.push_back("crop");
        CHECK(slots.get<Words>().words == std::vector<std::string>{"cocoa", "crop"});
        slots.set(Words{{"tea"}});
        CHECK(slots.get<Words>().words == std::vector<std::string>{"tea"});

        slots.erase<Words>();
        CHECK(slots.find<Words>() == nullptr);
        CHECK(slots.find<Counted>()->count == 3);
    }

    TEST_CASE("feature slots: a copy holds its own values (hits and specs are copied)") {
        FeatureSettings settings;
        settings_of<Counted>(settings).count = 1;
        FeatureSettings copy = settings;
        settings_of<Counted>(copy).count = 2;
        CHECK(settings_of<Counted>(std::as_const(settings)).count == 1);
        CHECK(settings_of<Counted>(std::as_const(copy)).count == 2);
    }
}
