// An entry of a table of enumerated choices (sort orders, facets): the value,
// its name on the command line and in output, and a description for --help.
// common/options.cpp turns such tables into option values and error messages.
#pragma once

#include <string_view>

namespace gazette {

template <typename Enum>
struct NamedChoice {
    Enum value;
    std::string_view name;
    std::string_view description;
};

}  // namespace gazette
