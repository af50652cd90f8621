// From what a user types to a Xapian query, through the same analysis as the
// articles (common/analyzer.h) and the field names of the schema.
#pragma once

#include "common/analyzer.h"

#include <stdexcept>
#include <string>
#include <string_view>

#include <xapian.h>

namespace gazette {

// A query that cannot be parsed; what() says what is wrong and where.
class QueryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Ranking runs in two tiers: articles that match every word (`all`) come
// before articles that match only some (`any`). For a query with a single
// word, or one whose operators already say how words combine, the two are
// the same query.
struct TieredQuery {
    Xapian::Query all;
    Xapian::Query any;
    std::string folded;  // the query text after analysis, as parsed
    bool single_tier() const { return all.get_description() == any.get_description(); }
};

// How a query string is read: with our query language, or as plain words
// (a TREC topic such as "WHEAT DEALS INVOLVING THE U.S. AND CANADA", where
// "AND" is a word, not an operator).
enum class QuerySyntax { full, words };

class QueryBuilder {
public:
    // `language` chooses the stemmer (ISO 639-1; empty = the default).
    QueryBuilder(Analyzer& analyzer, std::string_view language = {});

    // Throws QueryError for a malformed query.
    TieredQuery build(std::string_view query, QuerySyntax syntax = QuerySyntax::full);

    // The query folded like article text, word by word, except what is query
    // syntax rather than text: the upper-case operators (AND, OR, NOT, XOR,
    // NEAR, ADJ) and the values of exact fields such as id:, kept as typed.
    std::string fold(std::string_view query);

private:
    Xapian::Query parse(const std::string& folded, Xapian::Query::op default_op, unsigned flags);

    Analyzer& analyzer_;
    Xapian::QueryParser parser_;
};

}  // namespace gazette
