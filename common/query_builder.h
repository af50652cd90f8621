// From what a user types to a Xapian query, through the same analysis as the
// articles (common/analyzer.h) and the field names of the schema.
#pragma once

#include "common/analyzer.h"

#include <cstddef>
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
    bool single_tier() const { return all.get_description() == any.get_description(); }
};

class QueryBuilder {
public:
    // `language` chooses the stemmer (ISO 639-1; empty = the default).
    QueryBuilder(Analyzer& analyzer, std::string_view language = {});

    // The longest query accepted, in bytes. People type a few words; the cost
    // of ranking and snippets grows with every word (10,000 words took
    // minutes on a large article).
    static constexpr std::size_t kMaxQueryBytes = 4096;

    // Throws QueryError for a malformed or too long query.
    TieredQuery build(std::string_view query);

    // The query folded like article text, word by word, except what is query
    // syntax rather than text: the upper-case operators (AND, OR, NOT, XOR,
    // NEAR, ADJ) and the values of exact fields such as id:, kept as typed.
    std::string fold(std::string_view query);

private:
    Xapian::Query parse(const std::string& folded, Xapian::Query::op default_op);

    Analyzer& analyzer_;
    Xapian::QueryParser parser_;
};

}  // namespace gazette
