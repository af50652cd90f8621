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

// --help sections: those newsbench takes alone (search_option_group), and
inline constexpr std::string_view kResultsGroup = "Results";
inline constexpr std::string_view kRankingGroup = "Ranking";
// The section the features counting over every match share.
inline constexpr std::string_view kCountsGroup = "Facets, timeline and terms (over every match, copies included)";

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

// The table, in --help order: newssearch's own options, then each
// registered feature's (searcher/search_features.cpp).
std::span<const SearchOption> search_option_table();

// The option whose spec key in `object` is `key`, or none.
const SearchOption* find_spec_option(SpecObject object, std::string_view key);

// The command-line options of the table's `group` (every group when empty),
// setting `spec`'s fields: flags only turn on, and an option not given leaves
// the field as it was (as a --spec file or the defaults set it).
po::options_description search_option_group(SearchSpec& spec, std::string_view group = {});

// `text` as a JSON string, for an option's `json`.
std::string json_text(std::string_view text);

// A descriptor without its `set` and `json`, which the caller adds.
SearchOption describe_option(std::string name, std::string group, OptionKind kind, std::string value_name,
                             std::string help, std::string range = {});

// Descriptors of each kind, for the table and for the features that declare
// their options next to their code. `field` is a generic lambda giving the
// field a spec keeps the value in, for a const spec too:
//   [](auto& spec) -> auto& { return settings_of<TimelineSettings>(spec.features).shown; }

// A whole number from 0 to `high`.
template <typename Field>
SearchOption count_option(std::string name, std::string group, std::size_t high, std::string help, Field field) {
    SearchOption option = describe_option(name, std::move(group), OptionKind::count, "N", std::move(help),
                                          "0 to " + std::to_string(high));
    option.set = [name, high, field](const std::string& text, auto& spec) {
        field(spec) = static_cast<std::size_t>(number_in_range(text, 0, static_cast<long long>(high), name));
    };
    option.json = [field](const auto& spec) { return std::to_string(field(spec)); };
    return option;
}

// One of the names in `table` (NamedChoice entries, common/named_choice.h),
// listed in --help after `what`.
template <typename Table, typename Field>
SearchOption choice_option(std::string name, std::string group, std::string what, Table table, Field field) {
    SearchOption option =
        describe_option(name, std::move(group), OptionKind::choice, "NAME", describe_choices(what, table));
    option.set = [name, table, field](const std::string& text, auto& spec) {
        field(spec) = find_choice(table, text, name);
    };
    option.json = [table, field](const auto& spec) { return json_text(name_of(table, field(spec))); };
    return option;
}

// A switch that sets `on` (or, from a spec's false, `off`).
template <typename Field, typename Value>
SearchOption flag_option(std::string name, std::string group, std::string help, Field field, Value on, Value off) {
    SearchOption option = describe_option(name, std::move(group), OptionKind::flag, "", std::move(help));
    option.set = [name, field, on, off](const std::string& text, auto& spec) {
        if (text != "true" && text != "false") throw OptionValueError(name, "'" + text + "' is not true or false");
        field(spec) = text == "true" ? on : off;
    };
    option.json = [field, on](const auto& spec) { return std::string(field(spec) == on ? "true" : "false"); };
    return option;
}

template <typename Field>
SearchOption flag_option(std::string name, std::string group, std::string help, Field field) {
    return flag_option(std::move(name), std::move(group), std::move(help), field, true, false);
}

}  // namespace gazette
