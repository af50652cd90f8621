#include "corpus/jsonl_reader.h"

#include "common/text.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include <simdjson.h>

namespace gazette {

struct JsonlReader::Parser {
    simdjson::dom::parser json;  // reused for every line: it keeps its buffers
};

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

using Keys = JsonlReader::Keys;
using KeyMap = JsonlReader::KeyMap;

// Why a record is rejected, or nullopt when it is fine.
using Problem = std::optional<std::string>;

constexpr std::size_t max_excerpt = 40;

// The value as JSON, shortened for a message.
std::string excerpt(element value) {
    std::string json = simdjson::minify(value);
    if (json.size() > max_excerpt) {
        // Cut on a character boundary so that the message stays valid UTF-8.
        std::size_t cut = max_excerpt;
        while (cut > 0 && (static_cast<unsigned char>(json[cut]) & 0xC0) == 0x80) {
            --cut;
        }
        json.resize(cut);
        json += "...";
    }
    return json;
}

std::string wrong_type(std::string_view key, std::string_view expected, element value) {
    return "field \"" + std::string(key) + "\" must be " + std::string(expected) + ", not " + excerpt(value);
}

// Reads the fields of one record into an article. The first field with the
// wrong type is the problem that rejects the record; after it nothing more is
// read.
class FieldReader {
public:
    explicit FieldReader(const object& record) : record_(record) {}

    const Problem& problem() const { return problem_; }

    // The field's value, or nullopt when it is absent or null.
    std::optional<element> value(std::string_view key) const {
        element value;
        if (problem_ || record_.at_key(key).get(value) != simdjson::SUCCESS || value.is_null()) {
            return std::nullopt;
        }
        return value;
    }

    // The first of `keys` the record has (not null), and its value.
    std::optional<std::pair<std::string_view, element>> first(const Keys& keys) const {
        for (const std::string& key : keys) {
            if (const auto found = value(key)) return std::pair<std::string_view, element>(key, *found);
        }
        return std::nullopt;
    }

    void string(const Keys& keys, std::string& out) {
        const auto found = first(keys);
        std::string_view text;
        if (!found) {
            return;
        }
        if (found->second.get_string().get(text) != simdjson::SUCCESS) {
            problem_ = wrong_type(found->first, "a string", found->second);
            return;
        }
        out = text;
    }

    // The first of `keys` present, one string or an array of strings joined
    // with ", " (a byline given as "authors": ["A. Smith", "B. Jones"]).
    void joined_strings(const Keys& keys, std::string& out) {
        const auto found = first(keys);
        if (!found) return;
        std::vector<std::string> parts;
        strings(found->first, found->second, parts);
        for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
    }

    // Appends the cleaned, non-empty strings of every key present, each an
    // array of strings or one string, to `out`.
    void strings(const Keys& keys, std::vector<std::string>& out) {
        for (const std::string& key : keys) {
            if (const auto found = value(key)) strings(key, *found, out);
        }
    }

    // A string or an integer.
    void id(const Keys& keys, std::string& out) {
        const auto found = first(keys);
        std::string_view text;
        std::int64_t number = 0;
        std::uint64_t large_number = 0;
        if (!found) {
            return;
        }
        const element value = found->second;
        if (value.get_string().get(text) == simdjson::SUCCESS) {
            out = text;
        } else if (value.get_int64().get(number) == simdjson::SUCCESS) {
            out = std::to_string(number);
        } else if (value.get_uint64().get(large_number) == simdjson::SUCCESS) {
            out = std::to_string(large_number);
        } else {
            problem_ = wrong_type(found->first, "a string or an integer", value);
        }
    }

private:
    void strings(std::string_view key, element value, std::vector<std::string>& out) {
        std::string_view text;
        simdjson::dom::array items;
        if (value.get_string().get(text) == simdjson::SUCCESS) {
            if (std::string cleaned = clean_field(text); !cleaned.empty()) out.push_back(std::move(cleaned));
            return;
        }
        if (value.get_array().get(items) != simdjson::SUCCESS) {
            problem_ = wrong_type(key, "an array of strings", value);
            return;
        }
        for (const element item : items) {
            if (item.get_string().get(text) != simdjson::SUCCESS) {
                problem_ = wrong_type(key, "an array of strings", value);
                return;
            }
            if (std::string cleaned = clean_field(text); !cleaned.empty()) {
                out.push_back(std::move(cleaned));
            }
        }
    }

    const object& record_;
    Problem problem_;
};

// Every field but the date, which is never more than a warning.
Problem read_fields(const object& record, const KeyMap& keys, Article& article) {
    FieldReader fields(record);
    for (const auto& [field, names] : keys) {
        switch (field) {
        case CsvField::id: fields.id(names, article.id); break;
        case CsvField::title: fields.string(names, article.title); break;
        case CsvField::body: fields.string(names, article.body); break;
        case CsvField::source: fields.string(names, article.source); break;
        case CsvField::url: fields.string(names, article.url); break;
        case CsvField::language: fields.string(names, article.language); break;
        case CsvField::location: fields.string(names, article.location); break;
        case CsvField::byline: fields.joined_strings(names, article.byline); break;
        case CsvField::topic: fields.strings(names, article.topics); break;
        case CsvField::place: fields.strings(names, article.places); break;
        case CsvField::date: break;
        }
    }
    if (fields.problem()) {
        return fields.problem();
    }

    article.title = clean_field(article.title);
    article.body = clean_body(article.body);
    for (std::string* text : {&article.source, &article.url, &article.language, &article.location, &article.byline}) {
        *text = clean_field(*text);
    }
    return std::nullopt;
}

// Sets the article's date; returns a warning when there is one that cannot be read.
std::optional<std::string> read_date(const object& record, const KeyMap& keys, Article& article) {
    const auto date = std::find_if(keys.begin(), keys.end(), [](const auto& key) { return key.first == CsvField::date; });
    const auto found = date == keys.end() ? std::nullopt : FieldReader(record).first(date->second);
    if (!found) {
        return std::nullopt;
    }
    std::string_view text;
    if (found->second.get_string().get(text) == simdjson::SUCCESS) {
        article.date = parse_date(text);
    }
    if (article.date) {
        return std::nullopt;
    }
    return "field \"" + std::string(found->first) + "\": cannot parse " + excerpt(found->second) +
           " as a date; the article is kept without a date";
}

// The keys of each field: those --columns names, or else the usual ones.
KeyMap key_map(const std::string& file, const std::vector<CsvColumn>& columns) {
    KeyMap keys;
    if (columns.empty()) {
        for (const CsvFieldName& field : csv_field_names()) {
            const auto names = usual_names(field.field);
            keys.emplace_back(field.field, Keys(names.begin(), names.end()));
        }
        return keys;
    }
    for (const CsvColumn& column : columns) {
        keys.emplace_back(column.field, Keys{column.column});
    }
    if (std::none_of(keys.begin(), keys.end(), [](const auto& key) { return key.first == CsvField::body; })) {
        throw InputError(file, "no body key: name one with --columns body=KEY");
    }
    return keys;
}

}  // namespace

JsonlReader::JsonlReader(InputStream input, std::string id_prefix, const std::vector<CsvColumn>& columns,
                         DiagnosticSink sink)
    : input_(std::move(input)), id_prefix_(std::move(id_prefix)), sink_(std::move(sink)),
      parser_(std::make_unique<Parser>()), keys_(key_map(input_.name(), columns)) {}

JsonlReader::~JsonlReader() = default;

std::optional<Article> JsonlReader::next() {
    while (std::getline(input_.stream(), line_)) {
        ++line_number_;
        if (trim(line_).empty()) {
            continue;
        }
        if (const std::size_t repaired = repair_utf8(line_); repaired != 0) {
            report(Severity::warning, describe_utf8_repair(repaired), reasons::repaired_utf8);
        }
        if (auto article = parse_line()) {
            return article;
        }
    }
    return std::nullopt;
}

std::optional<Article> JsonlReader::parse_line() {
    line_.reserve(line_.size() + simdjson::SIMDJSON_PADDING);  // lets simdjson parse in place
    element document;
    if (const auto error = parser_->json.parse(line_).get(document); error != simdjson::SUCCESS) {
        report(Severity::error, "invalid JSON: " + std::string(simdjson::error_message(error)));
        return std::nullopt;
    }
    object record;
    if (document.get_object().get(record) != simdjson::SUCCESS) {
        report(Severity::error, "not a JSON object: " + excerpt(document), "not a JSON object");
        return std::nullopt;
    }

    Article article;
    article.origin = {input_.name(), line_number_};
    if (auto problem = read_fields(record, keys_, article)) {
        // "field "tags" must be an array of strings, not 7": the reason stops before the value.
        report(Severity::error, *problem, problem->substr(0, problem->find(", not ")));
        return std::nullopt;
    }
    if (trim(article.id).empty()) {
        article.id = record_id(id_prefix_, line_number_, article);
    }
    if (auto missing = missing_required_field(article)) {
        report(Severity::error, *missing);
        return std::nullopt;
    }
    if (auto warning = read_date(record, keys_, article)) {
        report(Severity::warning, *warning, reasons::unparseable_date);
    }
    return article;
}

void JsonlReader::report(Severity severity, std::string message, std::string reason) const {
    if (sink_) {
        sink_(Diagnostic{severity, input_.name(), line_number_, std::move(message), std::move(reason)});
    }
}

}  // namespace gazette
