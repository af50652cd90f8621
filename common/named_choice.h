// An entry of a table of enumerated choices (sort orders, facets): the value,
// its name on the command line and in output, and a description for --help.
// common/command_line.h turns such tables into option values and error messages,
// searcher/search_spec.cpp into the values of a search spec's keys.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace gazette {

template <typename Enum>
struct NamedChoice {
    Enum value;
    std::string_view name;
    std::string_view description;
};

// The enum of a table entry (the format tables name it `format`, the others
// `value`).
template <typename Entry>
auto choice_value(const Entry& entry) {
    if constexpr (requires { entry.format; }) return entry.format;
    else return entry.value;
}

// "a, b or c" from a table of named choices.
template <typename Table>
std::string list_choices(const Table& table) {
    std::string out;
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (i > 0) out += i + 1 == table.size() ? " or " : ", ";
        out += table[i].name;
    }
    return out;
}

// The name the table gives `value`.
template <typename Table, typename Enum>
std::string name_of(const Table& table, Enum value) {
    for (const auto& entry : table) {
        if (choice_value(entry) == value) return std::string(entry.name);
    }
    throw std::logic_error("a choice missing from its table");
}

// The enum the table maps `name` to, if any.
template <typename Table>
auto lookup_choice(const Table& table, std::string_view name) -> std::optional<decltype(choice_value(table[0]))> {
    for (const auto& entry : table) {
        if (entry.name == name) return choice_value(entry);
    }
    return std::nullopt;
}

}  // namespace gazette
