// A 64-bit hash of bytes that never changes between runs, builds or machines
// (FNV-1a), for what must stay put: generated ids (corpus/reader.h), a
// document's shard (indexer/sharded_index.h), SimHash shingles
// (indexer/near_duplicates.h).
#pragma once

#include <cstdint>
#include <string_view>

namespace gazette {

constexpr std::uint64_t stable_hash(std::string_view bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

}  // namespace gazette
