// Command-line checking shared by the programs (Boost.ProgramOptions): the
// option groups both sides take, choices looked up in one table (so --help
// and the error for a bad value list the same names), and the parse itself.
// Each program composes its own groups: indexer/command_line.h,
// searcher/command_line.h.
#pragma once

#include "common/errors.h"
#include "common/named_choice.h"

#include <concepts>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>

namespace gazette {

namespace po = boost::program_options;

// Help text listing each choice with its description.
template <typename Table>
std::string describe_choices(std::string_view what, const Table& table) {
    std::string out(what);
    for (const auto& entry : table) {
        out += "\n  ";
        out += entry.name;
        out += ": ";
        out += entry.description;
    }
    return out;
}

// The enum a choice's name maps to in the table, or an OptionValueError
// listing the valid names.
template <typename Table>
auto find_choice(const Table& table, std::string_view name, const std::string& option) {
    if (auto value = lookup_choice(table, name)) return *value;
    throw OptionValueError(option, "unknown value '" + std::string(name) + "' (choose " + list_choices(table) + ")");
}

// A notifier that maps a choice's name to its enum through the table.
template <typename Table, typename Enum>
auto choose_from(const Table& table, Enum& target, std::string option) {
    return [&table, &target, option](const std::string& name) { target = find_choice(table, name, option); };
}

// `text` as a whole number from `low` to `high`; anything else (a negative
// number, a fraction, words, a number too large) is an OptionValueError
// naming the option and the range: "--threads: '-1' is not a whole number from 0 to 256".
long long number_in_range(const std::string& text, long long low, long long high, const std::string& option);

// `text` as a number (fractions too) from `low` to `high`, else an
// OptionValueError: "--b: '7' is not a number from 0 to 1".
double real_in_range(const std::string& text, double low, double high, const std::string& option);

// The ISO 639-1 code a --lang tag names ("de-AT" -> "de"), else an
// OptionValueError: "--lang: 'english' is not an ISO 639-1 language code (e.g. de)".
std::string language_in(const std::string& tag, const std::string& option);

// An option value (for add_options) that must be a whole number from `low` to
// `high`, stored in `target` (chain ->default_value(TEXT) for a default).
// Boost would read "-1" into an unsigned type as a huge number; this refuses it.
template <std::integral Number>
po::typed_value<std::string>* in_range(Number& target, Number low, Number high, std::string option) {
    return po::value<std::string>()
        ->value_name("N")
        ->notifier([&target, low, high, option](const std::string& text) {
            target = static_cast<Number>(number_in_range(text, static_cast<long long>(low),
                                                         static_cast<long long>(high), option));
        });
}

// Whether a program cannot run without an option (newsbench eval takes
// --collection instead of --db).
enum class OptionNeed { required, optional };

po::options_description database_options(std::vector<std::filesystem::path>& db_dirs,
                                         OptionNeed need = OptionNeed::required);

// "PROGRAM (Gazette) VERSION": what --version prints.
std::string version_line(std::string_view program);

// Parses argv against `visible` plus the positional arguments named by
// `positional_name` (collected into `positional`). Returns false when --help
// was asked for (and printed `usage` + the options) or --version (and printed
// version_line of argv[0]'s file name).
bool parse_command_line(int argc, const char* const argv[], const po::options_description& visible,
                        const std::string& positional_name, std::vector<std::string>& positional,
                        const std::string& usage);

}  // namespace gazette
