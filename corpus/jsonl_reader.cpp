#include "corpus/jsonl_reader.h"

#include "common/text.h"

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

    void string(std::string_view key, std::string& out) {
        const auto found = value(key);
        std::string_view text;
        if (!found) {
            return;
        }
        if (found->get_string().get(text) != simdjson::SUCCESS) {
            problem_ = wrong_type(key, "a string", *found);
            return;
        }
        out = text;
    }

    // Appends the cleaned, non-empty strings of an array to `out`.
    void strings(std::string_view key, std::vector<std::string>& out) {
        const auto found = value(key);
        simdjson::dom::array items;
        if (!found) {
            return;
        }
        if (found->get_array().get(items) != simdjson::SUCCESS) {
            problem_ = wrong_type(key, "an array of strings", *found);
            return;
        }
        for (const element item : items) {
            std::string_view text;
            if (item.get_string().get(text) != simdjson::SUCCESS) {
                problem_ = wrong_type(key, "an array of strings", *found);
                return;
            }
            if (std::string cleaned = clean_field(text); !cleaned.empty()) {
                out.push_back(std::move(cleaned));
            }
        }
    }

    // A string or an integer.
    void id(std::string_view key, std::string& out) {
        const auto found = value(key);
        std::string_view text;
        std::int64_t number = 0;
        std::uint64_t large_number = 0;
        if (!found) {
            return;
        }
        if (found->get_string().get(text) == simdjson::SUCCESS) {
            out = text;
        } else if (found->get_int64().get(number) == simdjson::SUCCESS) {
            out = std::to_string(number);
        } else if (found->get_uint64().get(large_number) == simdjson::SUCCESS) {
            out = std::to_string(large_number);
        } else {
            problem_ = wrong_type(key, "a string or an integer", *found);
        }
    }

private:
    const object& record_;
    Problem problem_;
};

// Every field but the date, which is never more than a warning.
Problem read_fields(const object& record, Article& article) {
    FieldReader fields(record);
    fields.id("id", article.id);
    fields.string("title", article.title);
    fields.string("body", article.body);
    if (article.body.empty()) {
        fields.string("text", article.body);
    }
    fields.string("source", article.source);
    fields.string("url", article.url);
    fields.string("lang", article.language);
    fields.string("location", article.location);
    fields.string("byline", article.byline);
    if (article.byline.empty()) {
        fields.string("author", article.byline);
    }
    fields.strings("tags", article.topics);
    fields.strings("topics", article.topics);
    fields.strings("places", article.places);
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
std::optional<std::string> read_date(const object& record, Article& article) {
    const auto value = FieldReader(record).value("date");
    if (!value) {
        return std::nullopt;
    }
    std::string_view text;
    if (value->get_string().get(text) == simdjson::SUCCESS) {
        article.date = parse_date(text);
    }
    if (article.date) {
        return std::nullopt;
    }
    return "field \"date\": cannot parse " + excerpt(*value) +
           " as a date; the article is kept without a date";
}

}  // namespace

JsonlReader::JsonlReader(InputStream input, DiagnosticSink sink)
    : input_(std::move(input)), sink_(std::move(sink)), parser_(std::make_unique<Parser>()) {}

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
    if (auto problem = read_fields(record, article)) {
        // "field "tags" must be an array of strings, not 7": the reason stops before the value.
        report(Severity::error, *problem, problem->substr(0, problem->find(", not ")));
        return std::nullopt;
    }
    if (auto missing = missing_required_field(article)) {
        report(Severity::error, *missing);
        return std::nullopt;
    }
    if (auto warning = read_date(record, article)) {
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
