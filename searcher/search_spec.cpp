#include "searcher/search_spec.h"

#include "common/json.h"
#include "common/language.h"
#include "searcher/option_table.h"
#include "searcher/query_builder.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <functional>
#include <sstream>

#include <simdjson.h>

namespace gazette {

namespace {

using simdjson::dom::element;

// The key a reader is at, as a path: "options.ranking.k1".
std::string child(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

// Reads the values of a spec's keys, each error naming the file, the key and
// the value.
class SpecReader {
public:
    explicit SpecReader(std::string origin) : origin_(std::move(origin)) {}

    [[noreturn]] void fail(const std::string& key, const std::string& reason, element value) const {
        throw SpecError(origin_ + ": " + key + ": " + reason + " " + std::string(simdjson::minify(value)));
    }

    // A value the option refuses, in the command line's words: "FILE: KEY: REASON".
    [[noreturn]] void refuse(const std::string& key, const std::string& reason) const {
        throw SpecError(origin_ + ": " + key + ": " + reason);
    }

    std::string text(const std::string& key, element value) const {
        std::string_view text;
        if (value.get_string().get(text) != simdjson::SUCCESS) fail(key, "must be a string, not", value);
        return std::string(text);
    }

    bool flag(const std::string& key, element value) const {
        bool flag = false;
        if (value.get_bool().get(flag) != simdjson::SUCCESS) fail(key, "must be true or false, not", value);
        return flag;
    }

    std::vector<std::string> texts(const std::string& key, element value) const {
        simdjson::dom::array items;
        if (value.get_array().get(items) != simdjson::SUCCESS) fail(key, "must be an array of strings, not", value);
        std::vector<std::string> out;
        for (element item : items) out.push_back(text(key, item));
        return out;
    }

    // Calls the handler named by each key of the object `value`; a key
    // without one is an error.
    using Handler = std::function<void(const std::string& key, element value)>;
    void read_object(const std::string& path, element value,
                     const std::vector<std::pair<std::string_view, Handler>>& handlers) const {
        simdjson::dom::object object;
        if (value.get_object().get(object) != simdjson::SUCCESS) {
            fail(path.empty() ? "the spec" : path, "must be a JSON object, not", value);
        }
        for (auto field : object) {
            auto handler = std::find_if(handlers.begin(), handlers.end(),
                                        [&field](const auto& entry) { return entry.first == field.key; });
            if (handler == handlers.end()) fail(child(path, field.key), "unknown key, with the value", field.value);
            handler->second(child(path, field.key), field.value);
        }
    }

private:
    std::string origin_;
};

// Old spellings of keys, read so that specs saved before every option had
// one name still run; the writer writes the table's names.
struct SpecAlias {
    std::string_view key;
    std::string_view option;  // its spec key now
    bool inverted;  // a flag meaning the opposite: "collapse" is not "no_collapse"
};
constexpr SpecAlias kSpecAliases[] = {
    {"language", "lang", false},       {"recency_half_life_days", "recency", false},
    {"collapse", "no_collapse", true}, {"facets", "facet", false},
    {"kwic_context", "context", false},
};

// The option an old key of "options" stands for, or none.
const SearchOption* find_alias(SpecObject object, std::string_view key, bool& inverted) {
    for (const SpecAlias& alias : kSpecAliases) {
        if (alias.key != key || object != SpecObject::options) continue;
        inverted = alias.inverted;
        return find_spec_option(object, alias.option);
    }
    return nullptr;
}

// A spec value as the command line spells it ("0.9", "source,month"), its
// JSON type checked against what the option takes.
std::string option_text(const SpecReader& reader, const SearchOption& option, const std::string& key, element value) {
    switch (option.kind) {
    case OptionKind::flag: return reader.flag(key, value) ? "true" : "false";
    case OptionKind::count:
    case OptionKind::number:
        if (!value.is_number()) reader.fail(key, "must be a number, not", value);
        return std::string(simdjson::minify(value));
    case OptionKind::text:
        if (value.is_number()) return std::string(simdjson::minify(value));
        return reader.text(key, value);
    case OptionKind::choice: return reader.text(key, value);
    case OptionKind::list: {
        std::string joined;
        for (const auto& item : reader.texts(key, value)) joined += (joined.empty() ? "" : ",") + item;
        return joined;
    }
    }
    return {};
}

// Sets the option a key of `object` names; null keeps its default.
void read_option(const SpecReader& reader, SpecObject object, const std::string& path, std::string_view key,
                 element value, SearchSpec& spec) {
    bool inverted = false;
    const SearchOption* option = find_spec_option(object, key);
    if (option == nullptr) option = find_alias(object, key, inverted);
    if (option == nullptr) reader.fail(path, "unknown key, with the value", value);
    if (value.is_null()) return;
    std::string text = option_text(reader, *option, path, value);
    if (inverted) text = text == "true" ? "false" : "true";
    try {
        option->set(text, spec);
    } catch (const OptionValueError& error) {
        reader.refuse(path, error.reason());
    }
}

void read_options(const SpecReader& reader, const std::string& path, SpecObject object, element value,
                  SearchSpec& spec) {
    simdjson::dom::object fields;
    if (value.get_object().get(fields) != simdjson::SUCCESS) reader.fail(path, "must be a JSON object, not", value);
    for (auto field : fields) {
        if (object == SpecObject::options && field.key == "ranking") {
            read_options(reader, child(path, field.key), SpecObject::ranking, field.value, spec);
        } else {
            read_option(reader, object, child(path, field.key), field.key, field.value, spec);
        }
    }
}

void read_filters(const SpecReader& reader, element value, SearchFilters& filters) {
    auto text = [&reader](std::string& target) -> SpecReader::Handler {
        return [&reader, &target](const std::string& key, element value) {
            target = reader.text(key, value);
            if (target.empty()) return;
            try {
                parse_query("date:" + target);
            } catch (const QueryError& error) {
                reader.fail(key, std::string("is not a date (") + error.what() + "):", value);
            }
        };
    };
    reader.read_object("filters", value,
                       {{"sources", [&](const std::string& key, element v) { filters.sources = reader.texts(key, v); }},
                        {"languages",
                         [&](const std::string& key, element v) {
                             filters.languages = reader.texts(key, v);
                             for (const auto& code : filters.languages) {
                                 if (!is_language_code(language_code(code))) {
                                     reader.fail(key, "must list ISO 639-1 language codes, not", v);
                                 }
                             }
                         }},
                        {"from", text(filters.from)},
                        {"to", text(filters.to)}});
}

std::string date_range(const SearchFilters& filters) {
    if (filters.from.empty() && filters.to.empty()) return {};
    return "date:" + filters.from + ".." + filters.to;
}

// Every option of `object` with its value, defaults included.
std::string options_json(const SearchSpec& spec, SpecObject object) {
    JsonObject json;
    for (const SearchOption& option : search_option_table()) {
        if (option.spec_object() == object) json.add_raw(option.spec_key(), option.json(spec));
    }
    if (object == SpecObject::options) json.add_raw("ranking", options_json(spec, SpecObject::ranking));
    return json.str();
}

}  // namespace

SearchSpec parse_search_spec(std::string_view json, const std::string& origin) {
    simdjson::dom::parser parser;
    element root;
    if (auto error = parser.parse(simdjson::padded_string(json)).get(root)) {
        throw SpecError(origin + ": not valid JSON (" + std::string(simdjson::error_message(error)) + ")");
    }
    SpecReader reader(origin);
    SearchSpec spec;
    reader.read_object("", root,
                       {{"query", [&](const std::string& key, element v) { spec.query = reader.text(key, v); }},
                        {"filters", [&](const std::string&, element v) { read_filters(reader, v, spec.filters); }},
                        {"options",
                         [&](const std::string&, element v) {
                             read_options(reader, "options", SpecObject::options, v, spec);
                         }},
                        // Written by --save-spec for people; a re-run makes its own.
                        {"provenance", [](const std::string&, element) {}}});
    return spec;
}

SearchSpec read_search_spec(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw SpecError(file.string() + ": cannot read the spec file");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_search_spec(text.str(), file.string());
}

std::string query_with_filters(const SearchSpec& spec) {
    std::string filters;
    auto add = [&filters](const std::string& word) { filters += (filters.empty() ? "" : " ") + word; };
    // A source as a facet shows it, in quotes: the query tree reads it whole
    // and the builder folds it with fold_tag, as the indexer did, so spaces,
    // brackets and hyphens ("Reuters (UK)", "A - B") match the articles'.
    for (const auto& source : spec.filters.sources) add("source:\"" + source + "\"");
    for (const auto& language : spec.filters.languages) add("lang:" + language);
    if (std::string range = date_range(spec.filters); !range.empty()) add(range);
    if (filters.empty()) return spec.query;
    if (spec.query.empty()) return filters;
    // Filters standing after the query apply to all of it (QueryBuilder), as
    // on the command line: no brackets, which would change how its words read.
    return spec.query + " " + filters;
}

std::string utc_now_iso8601() {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string to_json(const SearchSpec& spec, const Provenance* provenance) {
    std::string filters = JsonObject()
                              .add("sources", spec.filters.sources)
                              .add("languages", spec.filters.languages)
                              .add("from", spec.filters.from)
                              .add("to", spec.filters.to)
                              .str();
    JsonObject json;
    json.add("query", spec.query)
        .add_raw("filters", filters)
        .add_raw("options", options_json(spec, SpecObject::options));
    if (provenance != nullptr) {
        json.add_raw("provenance",
                     JsonObject().add("databases", provenance->database_uuids).add("ran_at", provenance->ran_at).str());
    }
    return json.str();
}

void save_search_spec(const std::filesystem::path& file, const SearchSpec& spec, const Provenance& provenance) {
    std::ofstream out(file, std::ios::binary);
    out << to_json(spec, &provenance) << "\n";
    out.flush();
    if (!out) throw std::runtime_error(file.string() + ": cannot write the spec file");
}

}  // namespace gazette
