#include "common/query_builder.h"

#include "common/schema.h"

#include <algorithm>
#include <iterator>

namespace gazette {

namespace {

enum class FieldKind {
    free_text,  // analysed like article text, with positions: title:cocoa
    tag,        // a boolean filter on a folded tag: place:el-salvador
    exact,      // a boolean filter on a value kept as typed: id:Reut-17
};

struct QueryField {
    std::string_view name;  // as typed, before the colon
    std::string_view prefix;
    FieldKind kind;
};

// The fields a query may name, mapped to the schema's prefixes.
constexpr QueryField kQueryFields[] = {
    {"title", schema::kTitlePrefix, FieldKind::free_text},   {"byline", schema::kBylinePrefix, FieldKind::free_text},
    {"id", schema::kIdPrefix, FieldKind::exact},             {"source", schema::kSourcePrefix, FieldKind::tag},
    {"place", schema::kPlacePrefix, FieldKind::tag},         {"topic", schema::kTopicPrefix, FieldKind::tag},
    {"lang", schema::kLanguagePrefix, FieldKind::tag},
};

constexpr std::string_view kOperators[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};

bool is_operator(std::string_view word) {
    // NEAR and ADJ take an optional window: "NEAR/5".
    std::string_view name = word.substr(0, word.find('/'));
    return std::find(std::begin(kOperators), std::end(kOperators), name) != std::end(kOperators);
}

// A word such as "id:Reut-17", whose value is an exact identifier: folding
// its case would make it name another article.
bool is_exact_field(std::string_view word) {
    return std::any_of(std::begin(kQueryFields), std::end(kQueryFields), [word](const QueryField& field) {
        return field.kind == FieldKind::exact && word.starts_with(field.name) && word.size() > field.name.size() &&
               word[field.name.size()] == ':';
    });
}

}  // namespace

QueryBuilder::QueryBuilder(Analyzer& analyzer, std::string_view language) : analyzer_(analyzer) {
    parser_.set_stemmer(Analyzer::stemmer_for(language));
    // The query is case-folded before parsing, so every word is stemmed
    // (Xapian's STEM_SOME leaves capitalised words alone).
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    for (const auto& field : kQueryFields) {
        if (field.kind != FieldKind::free_text) parser_.add_boolean_prefix(std::string(field.name), std::string(field.prefix));
        else parser_.add_prefix(std::string(field.name), std::string(field.prefix));
    }
}

Xapian::Query QueryBuilder::parse(const std::string& folded, Xapian::Query::op default_op) {
    parser_.set_default_op(default_op);
    try {
        return parser_.parse_query(folded, Xapian::QueryParser::FLAG_DEFAULT);
    } catch (const Xapian::QueryParserError& error) {
        throw QueryError(error.get_msg());
    }
}

std::string QueryBuilder::fold(std::string_view query) {
    std::string out;
    std::size_t pos = 0;
    while (pos < query.size()) {
        std::size_t word_end = std::min(query.find_first_of(" \t\n", pos), query.size());
        std::string_view word = query.substr(pos, word_end - pos);
        out += is_operator(word) || is_exact_field(word) ? std::string(word) : analyzer_.normalise(word);
        if (word_end < query.size()) out += ' ';
        pos = word_end + 1;
    }
    return out;
}

TieredQuery QueryBuilder::build(std::string_view query) {
    if (query.size() > kMaxQueryBytes) {
        throw QueryError("the query is " + std::to_string(query.size()) + " bytes long; the limit is " +
                         std::to_string(kMaxQueryBytes));
    }
    std::string folded = fold(query);
    return {parse(folded, Xapian::Query::OP_AND), parse(folded, Xapian::Query::OP_OR)};
}

}  // namespace gazette
