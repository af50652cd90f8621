// Strings held back to back in one buffer and numbered in the order added:
// a few bytes each beyond their text, where a std::string each would cost
// 32 and an allocation. For the build's memory of every article read
// (near_duplicates.h, seen_ids.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

class PackedStrings {
public:
    // Adds `text`; returns its number.
    std::uint32_t add(std::string_view text) {
        text_ += text;
        ends_.push_back(text_.size());
        return static_cast<std::uint32_t>(ends_.size() - 1);
    }

    std::string_view operator[](std::uint32_t number) const {
        std::size_t start = number == 0 ? 0 : ends_[number - 1];
        return std::string_view(text_).substr(start, ends_[number] - start);
    }

    std::size_t size() const { return ends_.size(); }

private:
    std::string text_;
    std::vector<std::size_t> ends_;  // per string: where its text ends in text_
};

}  // namespace gazette
