// The progress line, and what index_inputs reports to it.
#include "indexer/index_writer.h"
#include "indexer/progress.h"
#include "test_support.h"

#include <vector>

#include <doctest/doctest.h>

namespace fs = std::filesystem;

TEST_SUITE("indexer") {
    TEST_CASE("describe_progress") {
        constexpr std::uintmax_t mb = 1024 * 1024;
        SUBCASE("with a known total: rate and ETA from the share read so far") {
            CHECK(gazette::describe_progress({12345, 100 * mb, 400 * mb, 10.0, false}) ==
                  "12,345 articles  100.0 / 400.0 MB  10.0 MB/s  ETA 0:30");
            CHECK(gazette::describe_progress({1234567, 10 * mb, 4000 * mb, 10.0, false}) ==
                  "1,234,567 articles  10.0 / 4000.0 MB  1.0 MB/s  ETA 1:06:30");
        }
        SUBCASE("standard input: no total, no ETA") {
            CHECK(gazette::describe_progress({7, 0, 0, 2.0, false}) == "7 articles  0.0 MB  0.0 MB/s");
        }
        SUBCASE("at the start: no rate") {
            CHECK(gazette::describe_progress({0, 0, 5 * mb, 0.0, false}) == "0 articles  0.0 / 5.0 MB");
        }
    }

    TEST_CASE("index_inputs reports progress, and the end of the run") {
        const fs::path dir = gazette::test::scratch_dir("progress");
        const fs::path input = gazette::test::sample("reuters21578/reut2-000.sgm");
        gazette::IndexOptions options;
        options.db_dir = dir / "db";
        options.inputs = {input};
        std::vector<gazette::IndexProgress> reports;
        options.on_progress = [&](const gazette::IndexProgress& progress) { reports.push_back(progress); };
        gazette::index_inputs(options, {});
        REQUIRE_FALSE(reports.empty());
        const gazette::IndexProgress& last = reports.back();
        CHECK(last.finished);
        CHECK(last.articles == 1000);
        CHECK(last.total_bytes == fs::file_size(input));
        CHECK(last.bytes_read == fs::file_size(input));
        for (std::size_t i = 1; i < reports.size(); ++i) {
            CHECK(reports[i].articles >= reports[i - 1].articles);
            CHECK(reports[i].bytes_read >= reports[i - 1].bytes_read);
        }
    }
}
