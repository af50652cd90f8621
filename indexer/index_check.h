// Checking that an index is whole (newsindex --check): Xapian's own structure
// check, then every article's stored data, terms and date value agree, and
// every id is held by exactly one document. Used after a crash, and by the
// crash test (tests/e2e/e2e_crash.sh).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace gazette {

struct CheckReport {
    std::size_t articles = 0;
    std::vector<std::string> problems;  // one line each; empty when the index is whole
    std::string skipped;                // a part of the check that could not be done, and why
};

// Checks one database, or every shard of a sharded archive in turn (a
// shard's problems begin with its name, "shard-001: "). Throws
// DatabaseError when there is no database at `db_dir`, or it cannot be
// opened at all.
CheckReport check_index(const std::filesystem::path& db_dir);

// "checked 1001 articles: no problems" or the count and the first problems.
std::string describe(const CheckReport& report);

}  // namespace gazette
