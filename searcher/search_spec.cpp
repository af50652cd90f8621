#include "searcher/search_spec.h"

#include "common/json.h"
#include "common/language.h"
#include "searcher/query_builder.h"

#include <chrono>
#include <cmath>
#include <charconv>
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

    std::string text(const std::string& key, element value) const {
        std::string_view text;
        if (value.get_string().get(text) != simdjson::SUCCESS) fail(key, "must be a string, not", value);
        return std::string(text);
    }

    std::size_t count(const std::string& key, element value) const {
        std::uint64_t number = 0;
        if (value.get_uint64().get(number) != simdjson::SUCCESS) fail(key, "must be a whole number, 0 or more, not", value);
        return static_cast<std::size_t>(number);
    }

    double number(const std::string& key, element value) const {
        double number = 0;
        if (value.get_double().get(number) != simdjson::SUCCESS || !std::isfinite(number)) {
            fail(key, "must be a number, not", value);
        }
        return number;
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

    // The enum `table` maps the string to.
    template <typename Table>
    auto choice(const Table& table, const std::string& key, element value) const {
        auto found = lookup_choice(table, text(key, value));
        if (!found) fail(key, "must be one of " + list_choices(table) + ", not", value);
        return *found;
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

void read_ranking(const SpecReader& reader, element value, RankingOptions& ranking) {
    static const auto weightings = weighting_names();
    static const auto tiers = tier_policy_names();
    static const auto feedback_models = feedback_model_names();
    static const auto proximity_models = proximity_model_names();
    auto number = [&reader](double& target) {
        return [&reader, &target](const std::string& key, element value) { target = reader.number(key, value); };
    };
    auto count = [&reader](std::size_t& target) {
        return [&reader, &target](const std::string& key, element value) { target = reader.count(key, value); };
    };
    reader.read_object("options.ranking", value,
                       {{"weighting", [&](const std::string& key, element v) { ranking.weighting = reader.choice(weightings, key, v); }},
                        {"tiers", [&](const std::string& key, element v) { ranking.tiers = reader.choice(tiers, key, v); }},
                        {"k1", number(ranking.k1)},
                        {"b", number(ranking.b)},
                        {"title_boost", number(ranking.title_boost)},
                        {"proximity", number(ranking.proximity_weight)},
                        {"proximity_model",
                         [&](const std::string& key, element v) { ranking.proximity_model = reader.choice(proximity_models, key, v); }},
                        {"feedback_docs", count(ranking.feedback_docs)},
                        {"feedback_model",
                         [&](const std::string& key, element v) { ranking.feedback_model = reader.choice(feedback_models, key, v); }},
                        {"feedback_terms", count(ranking.feedback_terms)},
                        {"feedback_weight", number(ranking.feedback_original_weight)},
                        {"feedback_min_words", count(ranking.feedback_min_words)},
                        {"feedback_min_gap", number(ranking.feedback_min_gap)},
                        {"feedback_term_docs", count(ranking.feedback_term_docs)}});
}

void read_options(const SpecReader& reader, element value, SearchOptions& options, FeatureOptions& features,
                  OutputOptions& output) {
    static const auto orders = sort_order_names();
    static const auto facets = facet_names();
    static const auto formats = output_format_names();
    using Handler = SpecReader::Handler;
    auto flag = [&reader](bool& target) -> Handler {
        return [&reader, &target](const std::string& key, element value) { target = reader.flag(key, value); };
    };
    reader.read_object(
        "options", value,
        {{"limit", [&](const std::string& key, element v) { options.limit = reader.count(key, v); }},
         {"offset", [&](const std::string& key, element v) { options.offset = reader.count(key, v); }},
         {"language",
          [&](const std::string& key, element v) {
              options.language = language_code(reader.text(key, v));
              if (!options.language.empty() && !is_language_code(options.language)) {
                  reader.fail(key, "must be an ISO 639-1 language code, not", v);
              }
          }},
         {"sort", [&](const std::string& key, element v) { options.sort = reader.choice(orders, key, v); }},
         {"recency_half_life_days",
          [&](const std::string& key, element v) {
              if (v.is_null()) return options.recency_half_life_days.reset();
              options.recency_half_life_days = reader.number(key, v);
              if (*options.recency_half_life_days <= 0) reader.fail(key, "must be more than 0 days, not", v);
          }},
         {"collapse",
          [&](const std::string& key, element v) {
              options.duplicates = reader.flag(key, v) ? SearchOptions::Duplicates::collapse : SearchOptions::Duplicates::show;
          }},
         {"facets",
          [&](const std::string& key, element v) {
              simdjson::dom::array names;
              if (v.get_array().get(names) != simdjson::SUCCESS) reader.fail(key, "must be an array of strings, not", v);
              features.facets.clear();
              for (element name : names) features.facets.push_back(reader.choice(facets, key, name));
          }},
         {"timeline", flag(features.timeline)},
         {"top_terms", [&](const std::string& key, element v) { features.top_terms = reader.count(key, v); }},
         {"kwic_context",
          [&](const std::string& key, element v) {
              if (v.is_null()) return features.concordance.reset();
              features.concordance = ConcordanceOptions{reader.count(key, v)};
          }},
         {"explain", flag(features.explain)},
         {"fuzzy",
          [&](const std::string& key, element v) {
              options.matching = reader.flag(key, v) ? WordMatching::fuzzy : WordMatching::exact;
          }},
         {"format", [&](const std::string& key, element v) { output.format = reader.choice(formats, key, v); }},
         {"all",
          [&](const std::string& key, element v) { output.range = reader.flag(key, v) ? HitRange::all : HitRange::page; }},
         {"ranking", [&](const std::string&, element v) { read_ranking(reader, v, options.ranking); }}});
    output.layout = features.concordance ? HitLayout::concordance : HitLayout::articles;
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

// A tag as the query language spells it: spaces become hyphens, as in the
// index (fold_tag), so "Wall Street Journal" is source:Wall-Street-Journal.
std::string as_tag(std::string_view tag) {
    std::string out;
    for (char c : tag) out += c == ' ' ? '-' : c;
    return out;
}

std::string date_range(const SearchFilters& filters) {
    if (filters.from.empty() && filters.to.empty()) return {};
    return "date:" + filters.from + ".." + filters.to;
}

std::string json_string(std::string_view text) {
    std::string out;
    append_json_string(out, text);
    return out;
}

// The shortest text that reads back as the same double (JsonObject rounds
// to 6 digits, which would not re-run a tuned k1 exactly).
std::string exact_number(double value) {
    char text[32];
    auto end = std::to_chars(text, text + sizeof text, value).ptr;
    return std::string(text, end);
}

std::string ranking_json(const RankingOptions& ranking) {
    return JsonObject()
        .add("weighting", name_of(weighting_names(), ranking.weighting))
        .add("tiers", name_of(tier_policy_names(), ranking.tiers))
        .add_raw("k1", exact_number(ranking.k1))
        .add_raw("b", exact_number(ranking.b))
        .add_raw("title_boost", exact_number(ranking.title_boost))
        .add_raw("proximity", exact_number(ranking.proximity_weight))
        .add("proximity_model", name_of(proximity_model_names(), ranking.proximity_model))
        .add("feedback_docs", static_cast<std::int64_t>(ranking.feedback_docs))
        .add("feedback_model", name_of(feedback_model_names(), ranking.feedback_model))
        .add("feedback_terms", static_cast<std::int64_t>(ranking.feedback_terms))
        .add_raw("feedback_weight", exact_number(ranking.feedback_original_weight))
        .add("feedback_min_words", static_cast<std::int64_t>(ranking.feedback_min_words))
        .add_raw("feedback_min_gap", exact_number(ranking.feedback_min_gap))
        .add("feedback_term_docs", static_cast<std::int64_t>(ranking.feedback_term_docs))
        .str();
}

std::string options_json(const SearchOptions& options, const FeatureOptions& features, const OutputOptions& output) {
    std::vector<std::string> facets;
    for (Facet facet : features.facets) facets.push_back(json_string(name_of(facet)));
    JsonObject json;
    json.add("limit", static_cast<std::int64_t>(options.limit))
        .add("offset", static_cast<std::int64_t>(options.offset))
        .add("language", options.language)
        .add("sort", name_of(sort_order_names(), options.sort));
    if (options.recency_half_life_days) json.add_raw("recency_half_life_days", exact_number(*options.recency_half_life_days));
    else json.add_raw("recency_half_life_days", "null");
    json.add_raw("collapse", options.duplicates == SearchOptions::Duplicates::collapse ? "true" : "false")
        .add_raw("facets", json_array(facets))
        .add_raw("timeline", features.timeline ? "true" : "false")
        .add("top_terms", static_cast<std::int64_t>(features.top_terms));
    if (features.concordance) json.add("kwic_context", static_cast<std::int64_t>(features.concordance->context_words));
    else json.add_raw("kwic_context", "null");
    return json.add_raw("explain", features.explain ? "true" : "false")
        .add_raw("fuzzy", options.matching == WordMatching::fuzzy ? "true" : "false")
        .add("format", name_of(output_format_names(), output.format))
        .add_raw("all", output.range == HitRange::all ? "true" : "false")
        .add_raw("ranking", ranking_json(options.ranking))
        .str();
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
                             read_options(reader, v, spec.options, spec.features, spec.output);
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
    for (const auto& source : spec.filters.sources) add("source:" + as_tag(source));
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
        .add_raw("options", options_json(spec.options, spec.features, spec.output));
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
