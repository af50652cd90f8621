#include "server/request_spec.h"

#include "common/json.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace gazette {

namespace {

// How a parameter's text is written into the spec.
enum class ValueKind {
    text,   // a JSON string
    count,  // a whole number (anything else is passed on as a string, which the spec refuses)
    flag,   // true/1 or false/0
    list,   // comma-separated and repeatable: an array of strings
    date,   // "FROM..TO" (either end open) or one day, month or year: filters.from and filters.to
};

enum class SpecSection { top, filters, options };

struct RequestParameter {
    std::string_view name;  // in the URL
    SpecSection section;
    std::string_view key;  // in the spec (searcher/search_spec.h)
    ValueKind kind;
};

constexpr std::array kRequestParameters{
    RequestParameter{"q", SpecSection::top, "query", ValueKind::text},
    RequestParameter{"source", SpecSection::filters, "sources", ValueKind::list},
    RequestParameter{"lang", SpecSection::filters, "languages", ValueKind::list},
    RequestParameter{"date", SpecSection::filters, "from", ValueKind::date},
    RequestParameter{"n", SpecSection::options, "limit", ValueKind::count},
    RequestParameter{"offset", SpecSection::options, "offset", ValueKind::count},
    RequestParameter{"sort", SpecSection::options, "sort", ValueKind::text},
    RequestParameter{"facet", SpecSection::options, "facets", ValueKind::list},
    RequestParameter{"timeline", SpecSection::options, "timeline", ValueKind::flag},
    RequestParameter{"by", SpecSection::options, "timeline_by", ValueKind::text},
    RequestParameter{"top_terms", SpecSection::options, "top_terms", ValueKind::count},
    RequestParameter{"explain", SpecSection::options, "explain", ValueKind::flag},
    RequestParameter{"fuzzy", SpecSection::options, "fuzzy", ValueKind::flag},
    RequestParameter{"collapse", SpecSection::options, "collapse", ValueKind::flag},
};

const RequestParameter& find_parameter(const std::string& name, const std::string& value) {
    auto found = std::find_if(kRequestParameters.begin(), kRequestParameters.end(),
                              [&name](const RequestParameter& parameter) { return parameter.name == name; });
    if (found == kRequestParameters.end()) {
        std::string known;
        for (const auto& parameter : kRequestParameters) known += (known.empty() ? "" : ", ") + std::string(parameter.name);
        throw RequestError("unknown parameter '" + name + "=" + value + "' (known: " + known + ")");
    }
    return *found;
}

std::string json_string(std::string_view text) {
    std::string out;
    append_json_string(out, text);
    return out;
}

std::vector<std::string> split_list(const std::vector<std::string>& values) {
    std::vector<std::string> items;
    for (const auto& value : values) {
        std::size_t start = 0;
        while (start <= value.size()) {
            std::size_t end = std::min(value.find(',', start), value.size());
            if (end > start) items.push_back(json_string(value.substr(start, end - start)));
            start = end + 1;
        }
    }
    return items;
}

// The JSON value of a parameter that is not a list. A value of the wrong
// kind stays a string, for the spec reader to refuse in its words.
std::string scalar_json(ValueKind kind, const std::string& value) {
    // An optional minus and digits: a number, so that the option table
    // (searcher/option_table.h) names the range it misses, as for newssearch.
    std::string_view digits = value.starts_with('-') ? std::string_view(value).substr(1) : std::string_view(value);
    bool number = !digits.empty() && digits.size() <= 18 && std::all_of(digits.begin(), digits.end(), [](char c) {
        return c >= '0' && c <= '9';
    });
    if (kind == ValueKind::count && number) return value;
    if (kind == ValueKind::flag && (value == "true" || value == "1")) return "true";
    if (kind == ValueKind::flag && (value == "false" || value == "0")) return "false";
    return json_string(value);
}

// "parameter 'n': '-1' is not a whole number from 0 to 100000" from the
// spec's "request: options.limit: '-1' is not ...".
[[noreturn]] void rethrow_in_parameter_names(const SpecError& error) {
    std::string message = error.what();
    for (const auto& parameter : kRequestParameters) {
        std::string section = parameter.section == SpecSection::filters   ? "filters."
                              : parameter.section == SpecSection::options ? "options."
                                                                          : "";
        std::vector<std::string> keys{section + std::string(parameter.key)};
        if (parameter.kind == ValueKind::date) keys.push_back("filters.to");
        for (const auto& key : keys) {
            std::string prefix = "request: " + key + ": ";
            if (message.starts_with(prefix)) {
                throw RequestError("parameter '" + std::string(parameter.name) + "': " + message.substr(prefix.size()));
            }
        }
    }
    throw RequestError(message);
}

}  // namespace

SearchSpec spec_from_parameters(const RequestParameters& parameters, const RequestLimits& limits) {
    JsonObject top;
    JsonObject filters;
    JsonObject options;
    for (auto at = parameters.begin(); at != parameters.end(); at = parameters.upper_bound(at->first)) {
        const RequestParameter& parameter = find_parameter(at->first, at->second);
        std::vector<std::string> values;
        for (auto [same, end] = parameters.equal_range(at->first); same != end; ++same) values.push_back(same->second);
        if (values.size() > 1 && parameter.kind != ValueKind::list) {
            throw RequestError("parameter '" + at->first + "' given " + std::to_string(values.size()) + " times");
        }
        JsonObject& section = parameter.section == SpecSection::filters   ? filters
                              : parameter.section == SpecSection::options ? options
                                                                          : top;
        if (parameter.kind == ValueKind::list) {
            section.add_raw(parameter.key, json_array(split_list(values)));
        } else if (parameter.kind == ValueKind::date) {
            const std::string& range = values.front();
            std::size_t dots = range.find("..");
            section.add("from", range.substr(0, dots));
            section.add("to", dots == std::string::npos ? range : range.substr(dots + 2));
        } else {
            section.add_raw(parameter.key, scalar_json(parameter.kind, values.front()));
        }
    }
    top.add_raw("filters", filters.str()).add_raw("options", options.str());
    SearchSpec spec;
    try {
        spec = parse_search_spec(top.str(), "request");
    } catch (const SpecError& error) {
        rethrow_in_parameter_names(error);
    }
    if (spec.options.limit > limits.max_page) {
        throw RequestError("parameter 'n': at most " + std::to_string(limits.max_page) + " hits a page, not " +
                           std::to_string(spec.options.limit));
    }
    return spec;
}

}  // namespace gazette
