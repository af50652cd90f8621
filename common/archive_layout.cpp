#include "common/archive_layout.h"

#include "common/schema.h"

#include <cstdio>
#include <fstream>
#include <string>

namespace gazette {

namespace {
constexpr const char* kStubName = "XAPIANDB";  // the name Xapian looks for in a folder
}  // namespace

std::filesystem::path stub_path(const std::filesystem::path& db_dir) {
    return db_dir / kStubName;
}

std::filesystem::path shard_dir(const std::filesystem::path& db_dir, std::size_t shard) {
    char name[32];
    std::snprintf(name, sizeof name, "shard-%03zu", shard);
    return db_dir / name;
}

std::optional<std::size_t> shard_count(const std::filesystem::path& db_dir) {
    std::ifstream stub(stub_path(db_dir));
    if (!stub) return std::nullopt;
    std::size_t count = 0;
    for (std::string line; std::getline(stub, line);) {
        if (line.find_first_not_of(" \t") != std::string::npos && line[0] != '#') ++count;
    }
    return count;
}

bool has_saved_searches(const Xapian::Database& db) {
    std::string prefix(schema::kSavedSearchKeyPrefix);
    return db.metadata_keys_begin(prefix) != db.metadata_keys_end(prefix);
}

}  // namespace gazette
