// What the search features (searcher/search_feature.h) are asked for and
// what they find, held by type, so that the structs carrying them (a spec's
// FeatureSettings, SearchResults::features, Hit::features) name no feature:
// the timeline keeps its TimelineSettings and its Timeline here, declared in
// searcher/timeline.h, and a new feature adds its own types in its own
// header without touching the holder or recompiling its users.
#pragma once

#include <any>
#include <typeindex>
#include <typeinfo>
#include <utility>
#include <vector>

namespace gazette {

class FeatureSlots {
public:
    // The value of type T, or null when none is held.
    template <class T>
    const T* find() const {
        for (const auto& [type, value] : slots_) {
            if (type == std::type_index(typeid(T))) return std::any_cast<T>(&value);
        }
        return nullptr;
    }

    // The value of type T, or T's defaults (an empty list...) when none is held.
    template <class T>
    const T& get() const {
        static const T defaults{};
        const T* held = find<T>();
        return held ? *held : defaults;
    }

    // The value of type T, made as T{} first when none is held.
    template <class T>
    T& set() {
        for (auto& [type, value] : slots_) {
            if (type == std::type_index(typeid(T))) return *std::any_cast<T>(&value);
        }
        return *std::any_cast<T>(&slots_.emplace_back(std::type_index(typeid(T)), T{}).second);
    }

    // Holds `value` as the value of type T, in place of any before.
    template <class T>
    T& set(T value) {
        return set<T>() = std::move(value);
    }

    // Holds no value of type T.
    template <class T>
    void erase() {
        std::erase_if(slots_, [](const auto& slot) { return slot.first == std::type_index(typeid(T)); });
    }

private:
    // A handful at most (one a feature asked for), so a list beats a map.
    std::vector<std::pair<std::type_index, std::any>> slots_;
};

// A feature's settings (--timeline, --facet...), each a struct declared in
// the feature's header and filled by its options (searcher/option_table.h)
// from the command line, a spec or newsserve's parameters; its add_...
// function (searcher/search_features.cpp) reads them.
class FeatureSettings : public FeatureSlots {};

// What collectors add to SearchResults and decorators to a Hit, each a
// type declared in the feature's header and read by its output
// (searcher/feature_output.h) and by whoever else needs it.
class FeatureResults : public FeatureSlots {};

// The settings of type T as written, made as T{} first; for the options'
// setters.
template <class T>
T& settings_of(FeatureSettings& settings) {
    return settings.set<T>();
}

// The settings of type T, or T's defaults when none were written; for the
// spec writer and the add_... functions.
template <class T>
const T& settings_of(const FeatureSettings& settings) {
    return settings.get<T>();
}

}  // namespace gazette
