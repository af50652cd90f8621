// The stem cache: the Snowball stemmer's own stems, each distinct word stemmed once.
#include "common/stem_cache.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace gazette;

namespace {

// A stemmer that counts the words it is asked for and stems like English Snowball.
class CountingStemmer : public Xapian::StemImplementation {
public:
    explicit CountingStemmer(int& calls) : calls_(calls) {}
    std::string operator()(const std::string& word) override {
        ++calls_;
        return english_(word);
    }
    std::string get_description() const override { return "counting"; }

private:
    int& calls_;
    Xapian::Stem english_{"english"};
};

}  // namespace

TEST_SUITE("common") {

TEST_CASE("stem cache: the stems are the stemmer's, each distinct word stemmed once") {
    int calls = 0;
    Xapian::Stem cached(new StemCache(Xapian::Stem(new CountingStemmer(calls))));
    Xapian::Stem english("english");
    const std::vector<std::string> words = {"markets", "rallied", "markets", "rates", "rallied", "markets", "rate"};
    for (const auto& word : words) CHECK(cached(word) == english(word));
    CHECK(calls == 4);  // markets, rallied, rates, rate
}

TEST_CASE("stem cache: a full cache starts again, its stems still right") {
    int calls = 0;
    auto* cache = new StemCache(Xapian::Stem(new CountingStemmer(calls)), 2);
    Xapian::Stem cached(cache);
    Xapian::Stem english("english");
    for (const char* word : {"banks", "lending", "rates", "banks"}) CHECK(cached(word) == english(word));
    CHECK(cache->size() <= 2);
    CHECK(calls == 4);  // "banks" was forgotten when "rates" filled the cache
}

TEST_CASE("stem cache: a stemmer that does not stem stays one") {
    CHECK(with_stem_cache(Xapian::Stem()).is_none());
    Xapian::Stem english = with_stem_cache(Xapian::Stem("english"));
    CHECK_FALSE(english.is_none());
    CHECK(english("indexing") == "index");
}

}
