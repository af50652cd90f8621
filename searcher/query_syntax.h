// How a query string is read, and the error for one that cannot be: what
// the Searcher's users need of the query language without the query builder
// (searcher/query_builder.h).
#pragma once

#include <stdexcept>

namespace gazette {

// A query that cannot be parsed; what() says what is wrong and where.
class QueryError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// How a query string is read: with our query language, or as plain words
// (a TREC topic such as "WHEAT DEALS INVOLVING THE U.S. AND CANADA", where
// "AND" is a word, not an operator).
enum class QuerySyntax { full, words };

// Whether a query word matches only itself (after analysis) or also the index
// words OCR may have made of it (searcher/fuzzy.h), those ranked lower.
enum class WordMatching { exact, fuzzy };

}  // namespace gazette
