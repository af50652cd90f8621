#include "indexer/seen_ids.h"

#include <functional>

namespace gazette {

namespace {

constexpr std::size_t kFirstSlots = 1024;  // a power of two: the table doubles

}  // namespace

SeenIds::SeenIds(Hash hash) : hash_(hash), slots_(kFirstSlots, 0) {}

std::uint64_t SeenIds::hash_id(std::string_view id) { return std::hash<std::string_view>{}(id); }

bool SeenIds::insert(std::string_view id) {
    std::size_t slot = slot_of(id, hash_(id));
    if (slots_[slot] != 0) return false;
    slots_[slot] = ids_.add(id) + 1;
    if (2 * ids_.size() > slots_.size()) grow();
    return true;
}

std::size_t SeenIds::slot_of(std::string_view id, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
        if (slots_[slot] == 0 || ids_[slots_[slot] - 1] == id) return slot;
    }
}

void SeenIds::grow() {
    slots_.assign(2 * slots_.size(), 0);
    for (std::uint32_t number = 0; number < ids_.size(); ++number) {
        std::string_view id = ids_[number];
        slots_[slot_of(id, hash_(id))] = number + 1;
    }
}

}  // namespace gazette
