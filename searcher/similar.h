// More like this (newssearch --like ID): the articles that share the most
// telling words of one article.
//
// Xapian's relevance feedback: the article is the one relevant document, the
// expand set gives its best stemmed words (Z terms) weighed against the whole
// index, and the query is those words ORed, without the article itself.
#pragma once

#include <stdexcept>
#include <string>

#include <xapian.h>

namespace gazette {

// The id named by --like is not in the database.
class UnknownArticleError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// How many of the article's words make up the query.
inline constexpr Xapian::termcount kLikeTerms = 25;

// Throws UnknownArticleError.
Xapian::Query more_like_query(const Xapian::Database& db, const std::string& id);

}  // namespace gazette
