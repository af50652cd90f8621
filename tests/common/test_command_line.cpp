// Option checking shared by the programs: numbers in range.
#include "common/command_line.h"

#include <cstddef>
#include <string>

#include <doctest/doctest.h>

namespace {

// The UsageError's message for `text` as --threads from 0 to 256, or "ok".
std::string threads_error(const std::string& text) {
    try {
        gazette::number_in_range(text, 0, 256, "threads");
    } catch (const gazette::UsageError& error) {
        return error.what();
    }
    return "ok";
}

}  // namespace

TEST_SUITE("common") {
    // Issue 18: --shards=-1 wrapped to a huge number and created shard folders
    // until stopped; --threads=-1 gave a vector-size error.
    TEST_CASE("number_in_range: whole numbers within the range, else one line naming the option and the range") {
        CHECK(gazette::number_in_range("0", 0, 256, "threads") == 0);
        CHECK(gazette::number_in_range("256", 0, 256, "threads") == 256);
        for (const char* bad : {"-1", "257", "2000", "two", "1.5", "", " 3", "3 ", "99999999999999999999999"}) {
            CAPTURE(bad);
            CHECK(threads_error(bad) == std::string("--threads: '") + bad + "' is not a whole number from 0 to 256");
        }
    }

    TEST_CASE("in_range: an option value refused out of range, the default kept") {
        std::size_t shards = 0;
        std::size_t threads = 4;
        gazette::po::options_description options;
        options.add_options()("shards", gazette::in_range(shards, std::size_t{1}, std::size_t{100}, "shards"), "")(
            "threads", gazette::in_range(threads, std::size_t{0}, std::size_t{256}, "threads")->default_value("4"), "");
        std::vector<std::string> positional;
        SUBCASE("in range") {
            const char* argv[] = {"prog", "--shards=7"};
            CHECK(gazette::parse_command_line(2, argv, options, "input", positional, ""));
            CHECK(shards == 7);
            CHECK(threads == 4);
        }
        SUBCASE("a negative number is not a huge one") {
            const char* argv[] = {"prog", "--shards=-1"};
            CHECK_THROWS_WITH_AS(gazette::parse_command_line(2, argv, options, "input", positional, ""),
                                 "--shards: '-1' is not a whole number from 1 to 100", gazette::UsageError);
        }
    }
}  // TEST_SUITE
