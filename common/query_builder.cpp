#include "common/query_builder.h"

#include "common/schema.h"

namespace gazette {

namespace {

struct QueryField {
    std::string_view name;  // as typed: "title:"
    std::string_view prefix;
    bool boolean;  // a filter on an exact value rather than free text
};

// The fields a query may name, mapped to the schema's prefixes.
constexpr QueryField kQueryFields[] = {
    {"title", schema::kTitlePrefix, false},   {"byline", schema::kBylinePrefix, false},
    {"id", schema::kIdPrefix, true},          {"source", schema::kSourcePrefix, true},
    {"place", schema::kPlacePrefix, true},    {"topic", schema::kTopicPrefix, true},
    {"lang", schema::kLanguagePrefix, true},
};

}  // namespace

QueryBuilder::QueryBuilder(Analyzer& analyzer, std::string_view language) : analyzer_(analyzer) {
    parser_.set_stemmer(Analyzer::stemmer_for(language));
    // The query is case-folded before parsing, so every word is stemmed
    // (Xapian's STEM_SOME leaves capitalised words alone).
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    for (const auto& field : kQueryFields) {
        if (field.boolean) parser_.add_boolean_prefix(std::string(field.name), std::string(field.prefix));
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

TieredQuery QueryBuilder::build(std::string_view query) {
    std::string folded = analyzer_.normalise_query(query);
    return {parse(folded, Xapian::Query::OP_AND), parse(folded, Xapian::Query::OP_OR)};
}

}  // namespace gazette
