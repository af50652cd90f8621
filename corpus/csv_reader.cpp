#include "corpus/csv_reader.h"

#include "common/text.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <stdexcept>
#include <utility>

namespace gazette {

namespace {

struct FieldEntry {
    CsvField field;
    std::string_view name;
    // Header names and JSON keys (lower case) that fill this field when
    // --columns is not given, the first found first.
    std::array<std::string_view, 6> header_names;
};

constexpr std::array<FieldEntry, 11> fields = {{
    {CsvField::id, "id", {"id", "docid", "doc_id", "article_id", "uuid"}},
    {CsvField::title, "title", {"title", "headline", "heading"}},
    {CsvField::body, "body", {"body", "text", "content", "article", "story"}},
    {CsvField::date, "date", {"date", "published", "published_at", "publish_date", "pubdate"}},
    {CsvField::source, "source", {"source", "publisher", "publication", "outlet"}},
    {CsvField::url, "url", {"url", "link"}},
    {CsvField::byline, "byline", {"byline", "author", "authors"}},
    {CsvField::language, "lang", {"lang", "language"}},
    {CsvField::location, "location", {"location", "dateline"}},
    {CsvField::topic, "topic", {"topic", "category", "section", "label", "tags", "topics"}},
    {CsvField::place, "place", {"place", "places", "country"}},
}};

// A quoted field longer than this is taken for a stray quote that would
// otherwise swallow the rest of the file (and memory with it).
constexpr std::size_t max_field_bytes = 16 * 1024 * 1024;

constexpr std::array<char, 4> separators = {',', ';', '\t', '|'};
constexpr std::array<char, 2> quotes = {'"', '\''};

std::array<CsvFieldName, fields.size()> field_name_table() {
    std::array<CsvFieldName, fields.size()> table{};
    std::transform(fields.begin(), fields.end(), table.begin(),
                   [](const FieldEntry& entry) { return CsvFieldName{entry.field, entry.name}; });
    return table;
}

const FieldEntry& entry_of(CsvField field) {
    return *std::find_if(fields.begin(), fields.end(), [field](const FieldEntry& e) { return e.field == field; });
}

std::string field_list() {
    std::string list;
    for (const FieldEntry& entry : fields) {
        list += list.empty() ? "" : ", ";
        list += entry.name;
    }
    return list;
}

// A column number: digits, few enough to be one (std::stoul cannot overflow).
bool is_number(std::string_view text) {
    return !text.empty() && text.size() <= 9 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t count_of(std::string_view text, std::string_view part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string_view::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

// The separator and quote of a file from its first line: a quote character
// next to a separator marks both (";'" in 10kGNAD); without quotes, the most
// frequent separator wins (',' when there is none).
std::pair<char, char> detect_dialect(std::string_view line) {
    std::size_t best = 0;
    std::pair<char, char> dialect = {',', '"'};
    for (const char quote : quotes) {
        for (const char separator : separators) {
            const std::string after = {separator, quote};
            const std::string before = {quote, separator};
            const std::size_t score = count_of(line, after) + count_of(line, before);
            if (score > best) {
                best = score;
                dialect = {separator, quote};
            }
        }
    }
    if (best > 0) {
        return dialect;
    }
    for (const char separator : separators) {
        if (const auto count = static_cast<std::size_t>(std::count(line.begin(), line.end(), separator)); count > best) {
            best = count;
            dialect.first = separator;
        }
    }
    return dialect;
}

}  // namespace

std::span<const CsvFieldName> csv_field_names() {
    static const auto table = field_name_table();
    return table;
}

std::vector<std::string_view> usual_names(CsvField field) {
    const auto& names = entry_of(field).header_names;
    return {names.begin(), std::find(names.begin(), names.end(), std::string_view())};
}

std::vector<CsvColumn> parse_csv_columns(std::string_view text) {
    std::vector<CsvColumn> columns;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        const std::string_view part = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        const std::size_t equals = part.find('=');
        if (equals == std::string_view::npos || trim(part.substr(equals + 1)).empty()) {
            throw std::invalid_argument("'" + std::string(part) + "' is not FIELD=COLUMN");
        }
        const std::string_view name = trim(part.substr(0, equals));
        const auto found = std::find_if(fields.begin(), fields.end(), [name](const FieldEntry& e) { return e.name == name; });
        if (found == fields.end()) {
            throw std::invalid_argument("unknown field '" + std::string(name) + "' (choose " + field_list() + ")");
        }
        columns.push_back({found->field, std::string(trim(part.substr(equals + 1)))});
    }
    return columns;
}

CsvReader::CsvReader(InputStream input, std::string id_prefix, const CsvOptions& options, DiagnosticSink sink)
    : input_(std::move(input)), id_prefix_(std::move(id_prefix)), options_(options), sink_(std::move(sink)) {}

bool CsvReader::read_line(Line& line) {
    if (!pending_.empty()) {
        line = std::move(pending_.front());
        pending_.pop_front();
        return true;
    }
    if (!std::getline(input_.stream(), line.text)) {
        return false;
    }
    line.number = ++line_number_;
    if (line.text.ends_with('\r')) {
        line.text.pop_back();
    }
    if (const std::size_t repaired = repair_utf8(line.text); repaired != 0) {
        report(Severity::warning, line.number, describe_utf8_repair(repaired), reasons::repaired_utf8);
    }
    return true;
}

// One record, which a quoted field may carry over several lines. A quote that
// carries it over lines into a record of another number of fields than the
// header's (or the first row's), or to the end of the file, or past
// max_field_bytes, is taken for a stray one: the row it opened is reported and
// skipped, and reading resumes at the line after it, so that it swallows no
// other row.
std::optional<CsvReader::Record> CsvReader::next_record() {
    Line first;
    if (!read_line(first)) {
        return std::nullopt;
    }
    const char separator = *options_.separator;
    const char quote = *options_.quote;
    Record record;
    record.line = first.number;
    std::vector<Line> continued;  // the lines after the first, while a quoted field is open
    const std::string* line = &first.text;
    std::string field;
    bool in_quotes = false;
    while (true) {
        for (std::size_t i = 0; i < line->size(); ++i) {
            const char c = (*line)[i];
            if (in_quotes && c == quote) {
                if (i + 1 < line->size() && (*line)[i + 1] == quote) {
                    field += quote;  // a doubled quote is a literal one
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else if (in_quotes) {
                field += c;
            } else if (c == separator) {
                record.fields.push_back(std::move(field));
                field.clear();
            } else if (c == quote && field.empty()) {
                in_quotes = true;
            } else {
                field += c;
            }
        }
        if (!in_quotes) {
            record.fields.push_back(std::move(field));
            if (continued.empty() || !row_width_ || record.fields.size() == *row_width_) {
                row_width_ = row_width_.value_or(record.fields.size());
                return record;
            }
            break;
        }
        field += '\n';
        continued.emplace_back();
        if (field.size() > max_field_bytes || !read_line(continued.back())) {
            continued.pop_back();
            break;
        }
        line = &continued.back().text;
    }
    report(Severity::error, record.line,
           "unterminated quote opened at line " + std::to_string(record.line) + " (a stray " + std::string(1, quote) +
               "?); reading resumes at line " + std::to_string(record.line + 1),
           "unterminated quote");
    pending_.insert(pending_.begin(), std::make_move_iterator(continued.begin()),
                    std::make_move_iterator(continued.end()));
    return Record{};  // no fields: skipped
}

// Reads the first line to detect the dialect, then the header, and maps the
// article fields to column numbers. A file whose columns do not fit throws
// InputError: none of its rows could be read.
void CsvReader::start() {
    started_ = true;
    Line line;
    if (!read_line(line)) {
        return;
    }
    const auto [separator, quote] = detect_dialect(line.text);
    options_.separator = options_.separator.value_or(separator);
    options_.quote = options_.quote.value_or(quote);
    pending_.push_back(std::move(line));

    std::vector<std::string> header;
    if (options_.header == CsvHeader::first_row) {
        if (auto record = next_record()) {
            for (std::string& name : record->fields) header.push_back(ascii_lowercase(trim(name)));
        }
    }
    if (options_.columns.empty()) {
        if (header.empty()) {
            throw InputError(input_.name(), "no header row: name the columns with --columns FIELD=NUMBER,...");
        }
        for (const FieldEntry& entry : fields) {
            for (const std::string_view name : usual_names(entry.field)) {
                const auto found = std::find(header.begin(), header.end(), name);
                if (found != header.end()) {
                    mapping_.emplace_back(entry.field, static_cast<std::size_t>(found - header.begin()));
                    break;
                }
            }
        }
    }
    for (const CsvColumn& column : options_.columns) {
        if (is_number(column.column) && std::stoul(column.column) > 0) {
            mapping_.emplace_back(column.field, std::stoul(column.column) - 1);
            continue;
        }
        const auto found = std::find(header.begin(), header.end(), ascii_lowercase(column.column));
        if (found == header.end()) {
            throw InputError(input_.name(), "no column \"" + column.column + "\" for " +
                                                std::string(entry_of(column.field).name) + " in the header");
        }
        mapping_.emplace_back(column.field, static_cast<std::size_t>(found - header.begin()));
    }
    if (std::none_of(mapping_.begin(), mapping_.end(), [](const auto& m) { return m.first == CsvField::body; })) {
        throw InputError(input_.name(), "no body column: name one with --columns body=COLUMN");
    }
}

std::optional<Article> CsvReader::next() {
    if (!started_) {
        start();
    }
    while (auto record = next_record()) {
        ++row_number_;
        if (record->fields.empty() || (record->fields.size() == 1 && trim(record->fields[0]).empty())) {
            continue;  // a blank line, or a record reported as too long
        }
        if (auto article = to_article(*record)) {
            return article;
        }
    }
    return std::nullopt;
}

std::optional<Article> CsvReader::to_article(const Record& record) {
    Article article;
    article.origin = {input_.name(), record.line};
    for (const auto& [field, index] : mapping_) {
        if (index >= record.fields.size()) {
            report(Severity::error, record.line,
                   "the row has " + std::to_string(record.fields.size()) + " fields; there is no column " +
                       std::to_string(index + 1) + " for " + std::string(entry_of(field).name),
                   reasons::missing_column);
            return std::nullopt;
        }
        const std::string& value = record.fields[index];
        switch (field) {
        case CsvField::id: article.id = clean_field(value); break;
        case CsvField::title: article.title = clean_field(value); break;
        case CsvField::body: article.body = clean_body(value); break;
        case CsvField::source: article.source = clean_field(value); break;
        case CsvField::url: article.url = clean_field(value); break;
        case CsvField::byline: article.byline = clean_field(value); break;
        case CsvField::language: article.language = clean_field(value); break;
        case CsvField::location: article.location = clean_field(value); break;
        case CsvField::topic:
            if (std::string topic = clean_field(value); !topic.empty()) article.topics.push_back(std::move(topic));
            break;
        case CsvField::place:
            if (std::string place = clean_field(value); !place.empty()) article.places.push_back(std::move(place));
            break;
        case CsvField::date:
            if (const std::string date = clean_field(value); !date.empty()) {
                article.date = parse_date(date);
                if (!article.date) {
                    report(Severity::warning, record.line,
                           "cannot parse the date \"" + date + "\"; the article is kept without a date",
                           reasons::unparseable_date);
                }
            }
            break;
        }
    }
    if (article.id.empty()) {
        article.id = record_id(id_prefix_, row_number_, article);
    }
    if (auto missing = missing_required_field(article)) {
        report(Severity::error, record.line, *missing);
        return std::nullopt;
    }
    return article;
}

void CsvReader::report(Severity severity, std::size_t line, std::string message, std::string reason) const {
    if (sink_) {
        sink_(Diagnostic{severity, input_.name(), line, std::move(message), std::move(reason)});
    }
}

}  // namespace gazette
