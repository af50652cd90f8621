// The ids a build has read, held compactly in memory: the parallel build
// (indexer/parallel_index.h) asks of every article whether its id came
// before, over the whole input, without looking it up in a database.
#pragma once

#include "indexer/packed_strings.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace gazette {

class SeenIds {
public:
    using Hash = std::uint64_t (*)(std::string_view);

    // `hash` places the ids in the table; ids whose hashes are equal are
    // still told apart by their text (tests give a poor hash to show it).
    explicit SeenIds(Hash hash = &hash_id);

    // Adds `id`; returns false if it was there already.
    bool insert(std::string_view id);

    std::size_t size() const { return ids_.size(); }

    static std::uint64_t hash_id(std::string_view id);

private:
    // The slot that holds `id`, or the empty slot where it would go.
    std::size_t slot_of(std::string_view id, std::uint64_t hash) const;
    void grow();

    Hash hash_;
    PackedStrings ids_;
    // Open addressing, linear probing: 0 is empty, else the id's number + 1.
    // At most half full, so a miss ends soon.
    std::vector<std::uint32_t> slots_;
};

}  // namespace gazette
