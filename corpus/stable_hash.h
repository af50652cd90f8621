// A 64-bit hash of bytes that never changes between runs, builds or machines
// (FNV-1a), for what must stay put: generated ids (corpus/reader.h), a
// document's shard (indexer/sharded_index.h), SimHash shingles
// (indexer/near_duplicates.h).
#pragma once

#include <cstdint>
#include <string_view>

namespace gazette {

inline constexpr std::uint64_t kStableHashStart = 0xcbf29ce484222325ULL;

// The hash of some bytes followed by `bytes`, given the hash of the first ones
// (`hash`): stable_hash(b, stable_hash(a)) == stable_hash(a + b), so text in
// pieces is hashed without joining it into one string first.
constexpr std::uint64_t stable_hash(std::string_view bytes, std::uint64_t hash) {
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

constexpr std::uint64_t stable_hash(std::string_view bytes) { return stable_hash(bytes, kStableHashStart); }

}  // namespace gazette
