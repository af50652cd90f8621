#include "searcher/query_tree.h"

#include "common/schema.h"

#include <algorithm>

namespace gazette {

namespace {

constexpr QueryField kQueryFields[] = {
    {"title", schema::kTitlePrefix, FieldKind::free_text},
    {"byline", schema::kBylinePrefix, FieldKind::free_text},
    {"id", schema::kIdPrefix, FieldKind::exact},
    {"source", schema::kSourcePrefix, FieldKind::tag, DateFilterKind::within, true},
    {"place", schema::kPlacePrefix, FieldKind::tag},
    {"topic", schema::kTopicPrefix, FieldKind::tag},
    {"lang", schema::kLanguagePrefix, FieldKind::tag, DateFilterKind::within, true},
    {"date", {}, FieldKind::date, DateFilterKind::within, true},
    {"after", {}, FieldKind::date, DateFilterKind::after, true},
    {"before", {}, FieldKind::date, DateFilterKind::before, true},
};

struct OperatorName {
    std::string_view name;
    QueryOperator op;
};

constexpr OperatorName kOperators[] = {
    {"AND", QueryOperator::and_}, {"OR", QueryOperator::or_},   {"NOT", QueryOperator::not_},
    {"XOR", QueryOperator::xor_}, {"NEAR", QueryOperator::near}, {"ADJ", QueryOperator::adj},
};

char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

bool same_letters(std::string_view typed, std::string_view name, bool any_case) {
    if (!any_case) return typed == name;
    return typed.size() == name.size() &&
           std::equal(typed.begin(), typed.end(), name.begin(), [](char a, char b) { return ascii_upper(a) == b; });
}

const QueryField* find_field(std::string_view name) {
    std::string upper(name);
    std::transform(upper.begin(), upper.end(), upper.begin(), ascii_upper);
    for (const auto& field : kQueryFields) {
        if (same_letters(field.name, upper, true)) return &field;
    }
    return nullptr;
}

std::string field_names() {
    std::string out;
    for (const auto& field : kQueryFields) out += (out.empty() ? "" : ", ") + std::string(field.name) + ":";
    return out;
}

// 1-based column of byte `offset`, counting UTF-8 characters.
std::size_t column_of(std::string_view query, std::size_t offset) {
    return 1 + static_cast<std::size_t>(std::count_if(query.begin(), query.begin() + static_cast<std::ptrdiff_t>(offset),
                                                      [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

QueryError error_at(std::string_view query, std::size_t offset, const std::string& what) {
    return QueryError(what + " at column " + std::to_string(column_of(query, offset)));
}

std::size_t offset_in(std::string_view query, std::string_view part) {
    return static_cast<std::size_t>(part.data() - query.data());
}

// Splits the pieces of the query at white space outside quotes, so that a
// whole "phrase" is one part; checks quotes and brackets on the way.
QueryTree split_parts(std::string_view query) {
    QueryTree tree{query, false, {}};
    std::vector<QueryPart>& parts = tree.parts;
    std::vector<std::size_t> open_brackets;
    std::size_t open_quote = 0;
    bool in_quotes = false;
    for (std::size_t pos = 0; pos < query.size();) {
        if (is_space(query[pos])) {
            ++pos;
            continue;
        }
        QueryPart part;
        part.offset = pos;
        part.depth = static_cast<int>(open_brackets.size());
        for (; pos < query.size() && (in_quotes || !is_space(query[pos])); ++pos) {
            char c = query[pos];
            if (c == '"') {
                part.kind = QueryPart::Kind::phrase;
                in_quotes = !in_quotes;
                open_quote = pos;
            } else if (in_quotes) {
                continue;
            } else if (c == '(') {
                open_brackets.push_back(pos);
                tree.any_case = true;
            } else if (c == ')') {
                if (open_brackets.empty()) throw error_at(query, pos, "')' closes nothing");
                open_brackets.pop_back();
            }
        }
        part.text = query.substr(part.offset, pos - part.offset);
        parts.push_back(part);
    }
    if (in_quotes) throw error_at(query, open_quote, "'\"' is never closed");
    if (!open_brackets.empty()) throw error_at(query, open_brackets.back(), "'(' is never closed");
    return tree;
}

// "+(title:Cocoa))" -> lead "+(", core "title:Cocoa", trail "))".
void split_brackets(QueryPart& part) {
    std::string_view text = part.text;
    std::size_t start = std::min(text.find_first_not_of("+-("), text.size());
    std::size_t end = std::max(text.find_last_not_of(')') + 1, start);
    part.lead = text.substr(0, start);
    part.core = text.substr(start, end - start);
    part.trail = text.substr(end);
}

// A '*' ends a word (a prefix wildcard); anywhere else, like '?', Xapian
// would silently read the word as something else.
void check_wildcards(std::string_view query, std::string_view word) {
    std::size_t question = word.find('?');
    if (question != std::string_view::npos) {
        throw error_at(query, offset_in(query, word) + question,
                       "'?' is not a wildcard (use '*' at the end of a word, or leave it out)");
    }
    std::size_t star = word.find('*');
    if (star != std::string_view::npos && (star == 0 || star + 1 != word.size())) {
        throw error_at(query, offset_in(query, word) + star, "'*' only ends a word (oil* finds oil, oils, oilseed...)");
    }
}

// A word's field, if it names one: "title:Cocoa" -> title, core "Cocoa".
void classify_field(std::string_view query, QueryPart& part) {
    std::size_t colon = part.core.find(':');
    if (colon == std::string_view::npos || colon == 0) return;
    std::string_view name = part.core.substr(0, colon);
    if (!std::all_of(name.begin(), name.end(), is_ascii_letter)) return;
    const QueryField* field = find_field(name);
    std::string_view value = part.core.substr(colon + 1);
    if (field == nullptr) {
        if (value.empty() && part.trail.empty()) return;  // "Re:" is a word
        throw error_at(query, offset_in(query, name),
                       "unknown field '" + std::string(name) + ":'" + " (fields: " + field_names() + ")");
    }
    if (value.empty()) throw error_at(query, offset_in(query, name), std::string(field->name) + ": needs a value");
    part.kind = QueryPart::Kind::field;
    part.field = field;
    part.core = value;
    if (field->kind == FieldKind::free_text) check_wildcards(query, value);
    if (field->kind != FieldKind::date) return;
    try {
        date_filter(field->date_kind, value);
    } catch (const DateQueryError& error) {
        throw error_at(query, offset_in(query, value), std::string(name) + ": " + error.what());
    }
}

// A tag field with its value in quotes, as a facet, a hit or a CSV column
// shows it: source:"The Daily Test" -> source, core "The Daily Test". Other
// fields in front of quotes stay phrases (title:"oil price").
void classify_quoted_tag(std::string_view query, QueryPart& part) {
    std::size_t colon = part.core.find(':');
    if (colon == std::string_view::npos || part.core.find('"') != colon + 1 || part.core.back() != '"') return;
    const QueryField* field = find_field(part.core.substr(0, colon));
    if (field == nullptr || field->kind != FieldKind::tag) return;
    std::string_view value = part.core.substr(colon + 2, part.core.size() - colon - 3);
    if (value.find_first_not_of(" \t\n") == std::string_view::npos) {
        throw error_at(query, part.offset + part.lead.size(), std::string(field->name) + ": needs a value");
    }
    part.kind = QueryPart::Kind::field;
    part.field = field;
    part.core = value;
}

// An operator needs an operand on each side (NOT may start a query or follow
// another operator: "NOT peru", "oil AND NOT gas").
void check_operands(std::string_view query, const std::vector<QueryPart>& parts) {
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const QueryPart& part = parts[i];
        if (part.kind != QueryPart::Kind::op) continue;
        const auto is_op = [&parts](std::size_t at) { return parts[at].kind == QueryPart::Kind::op; };
        bool nothing_after = i + 1 == parts.size() || !part.trail.empty() ||
                             (is_op(i + 1) && parts[i + 1].op != QueryOperator::not_);
        if (nothing_after) throw error_at(query, part.offset, "'" + std::string(part.core) + "' has nothing after it");
        if (part.op == QueryOperator::not_) continue;
        if (i == 0 || !part.lead.empty() || is_op(i - 1)) {
            throw error_at(query, part.offset, "'" + std::string(part.core) + "' has nothing before it");
        }
    }
}

}  // namespace

std::optional<QueryOperator> query_operator(std::string_view word, bool any_case) {
    std::size_t slash = word.find('/');
    std::string_view name = word.substr(0, slash);
    for (const auto& known : kOperators) {
        if (!same_letters(name, known.name, any_case)) continue;
        if (slash == std::string_view::npos) return known.op;
        std::string_view window = word.substr(slash + 1);
        bool proximity = known.op == QueryOperator::near || known.op == QueryOperator::adj;
        if (!proximity || window.empty() || !std::all_of(window.begin(), window.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            return std::nullopt;
        }
        return known.op;
    }
    return std::nullopt;
}

std::span<const QueryField> query_fields() { return kQueryFields; }

std::string QueryPart::op_text() const {
    std::string out(lead);
    std::string_view name = core.substr(0, core.find('/'));
    for (char c : name) out += ascii_upper(c);
    out += core.substr(name.size());
    out += trail;
    return out;
}

QueryTree parse_query(std::string_view query) {
    QueryTree tree = split_parts(query);
    for (QueryPart& part : tree.parts) {
        part.column = column_of(query, part.offset);
        split_brackets(part);
        if (part.kind == QueryPart::Kind::phrase) {
            classify_quoted_tag(query, part);
            continue;
        }
        if (part.lead.find_first_of("+-") == std::string_view::npos) part.op = query_operator(part.core, tree.any_case);
        if (part.op) {
            part.kind = QueryPart::Kind::op;
            continue;
        }
        classify_field(query, part);
        if (part.kind == QueryPart::Kind::word) check_wildcards(query, part.core);
    }
    check_operands(query, tree.parts);
    return tree;
}

std::string collection_filters(const QueryTree& tree) {
    std::string out;
    for (const QueryPart& part : tree.parts) {
        if (part.kind != QueryPart::Kind::field || !part.field->collection || part.excluded()) continue;
        std::string value(part.core);
        if (part.field->kind == FieldKind::tag) value = "\"" + value + "\"";  // "The Daily Test" has spaces
        out += (out.empty() ? "" : " ") + std::string(part.field->name) + ":" + value;
    }
    return out;
}

}  // namespace gazette
