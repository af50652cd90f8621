// Every search option, defined once: its name, value, range or choices,
// default, help and the field it sets. newssearch's command line
// (searcher/command_line.h) and the spec reader and writer
// (searcher/search_spec.h) are both made from this table, so they take the
// same names and refuse the same values in the same words: a bad value is
// one OptionValueError, "--NAME: REASON" (a spec names its key instead).
//
// One name an option: --feedback-weight on the command line is
// "feedback_weight" in a spec (hyphens become underscores), under "options",
// or "options.ranking" for the options of the Ranking group.
#pragma once

#include "common/command_line.h"

#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace gazette {

struct SearchSpec;

// What an option's value is. It decides the option's command-line form
// (a flag is a switch; the others take a value) and the JSON type of its spec
// key: true/false, a number, a string (text also takes a number: recency's
// bare days), or an array of strings (list: "source,year" on the command line).
enum class OptionKind { flag, count, number, text, choice, list };

// The --help sections newsbench takes alone (search_option_group).
inline constexpr std::string_view kResultsGroup = "Results";
inline constexpr std::string_view kRankingGroup = "Ranking";

// Where an option's spec key lives.
enum class SpecObject { options, ranking };

struct SearchOption {
    std::string name;     // --name; the spec key is spec_key()
    char short_name = 0;  // -n for --limit; 0: none
    std::string group;    // its section of --help
    OptionKind kind = OptionKind::flag;
    std::string value_name;  // N, X, CODE... in --help
    std::string help;        // the choices included
    std::string range;       // "0 to 1" for numbers; --help adds it and the default
    // Checks `text` (the command line's form: "true" or "false" for a flag)
    // and sets it; throws OptionValueError naming --name.
    std::function<void(const std::string& text, SearchSpec& spec)> set;
    // The value as JSON, for the spec writer; null when it is unset (an
    // option without a default, like --recency). Read back by `set`, it
    // gives the same value.
    std::function<std::string(const SearchSpec& spec)> json;

    std::string spec_key() const;
    SpecObject spec_object() const;
};

// The table, in --help order.
std::span<const SearchOption> search_option_table();

// The option whose spec key in `object` is `key`, or none.
const SearchOption* find_spec_option(SpecObject object, std::string_view key);

// The command-line options of the table's `group` (every group when empty),
// setting `spec`'s fields: flags only turn on, and an option not given leaves
// the field as it was (as a --spec file or the defaults set it).
po::options_description search_option_group(SearchSpec& spec, std::string_view group = {});

}  // namespace gazette
