// From what a user types to a Xapian query, through the same analysis as the
// articles (common/analyzer.h) and the field names of the schema.
//
// The syntax is Xapian's QueryParser's (words, "phrases", +must -not, AND OR
// NOT XOR ( ), NEAR, ADJ, prefix*), with our fields (title: byline: source:
// place: topic: lang: id:) and date filters (date: after: before:, see
// searcher/date_query.h). Before Xapian sees a query, check_query_syntax()
// rejects what Xapian would silently guess around (an unknown field, a bad
// date, unbalanced parentheses or quotes), naming the column.
#pragma once

#include "common/analyzer.h"
#include "common/synonyms.h"
#include "searcher/query_syntax.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace gazette {

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

// The weight of the OCR-tolerant expansion next to the exact query's: the
// expansion is ORed in at this scale, and only into the tier of articles
// matching some words, so that an exact match of every word ranks first.
inline constexpr double kFuzzyWeight = 0.5;

// Throws QueryError naming the first mistake and its column (1-based,
// counting characters): an unknown field, a bad date value, a parenthesis or
// quote that is never closed, a ')' that closes nothing.
void check_query_syntax(std::string_view query);

class QueryBuilder {
public:
    // `database` expands prefix* wildcards and holds the synonym groups.
    // `language` (ISO 639-1) chooses the stemmer and stop words. When it is
    // empty, a query is read in the language CLD2 detects in it, when the
    // database has articles in that language; else in every language of the
    // database's articles, each with its own stemmer, the readings ORed (a
    // Spanish query finds Spanish articles with no flag). A database of
    // English articles reads every query as English, as it always did.
    QueryBuilder(Analyzer& analyzer, const Xapian::Database& database, std::string_view language = {});

    // The longest query accepted, in bytes. People type a few words; the cost
    // of ranking and snippets grows with every word (10,000 words took
    // minutes on a large article).
    static constexpr std::size_t kMaxQueryBytes = 4096;

    // Throws QueryError for a malformed or too long query.
    TieredQuery build(std::string_view query, QuerySyntax syntax = QuerySyntax::full,
                      WordMatching matching = WordMatching::exact);

    // The query folded like article text, word by word, except what is query
    // syntax rather than text: the operators, upper-cased (see
    // operators_in_any_case), field names, lower-cased, and the values of
    // exact fields such as id: and date:, kept as typed.
    std::string fold(std::string_view query);

private:
    // A query parser with the stemmer and stop words of some languages (one
    // parser for every language without a stemmer).
    struct LanguageParser {
        std::vector<std::string> languages;
        Xapian::QueryParser parser;
    };

    void add_language(const Xapian::Database& database, const std::string& language);
    std::vector<LanguageParser*> parsers_for(std::string_view query);
    Xapian::Query parse(const std::vector<LanguageParser*>& parsers, const std::string& folded,
                        Xapian::Query::op default_op, unsigned flags);

    Analyzer& analyzer_;
    Xapian::Database database_;  // its vocabulary, for WordMatching::fuzzy
    std::vector<LanguageParser> parsers_;
    SynonymGroups synonyms_;  // stored in the database by newsindex --synonyms
};

// The words of `query` that choose which part of the archive is looked at
// rather than what it is about: source:, lang: and the date fields, without
// brackets or a leading +, joined by spaces ("" when there are none). A word
// excluded with - is left out. The timeline's shares are of the articles
// that pass these.
std::string collection_filters(std::string_view query);

// Whether lower- and mixed-case operators (and, or, not, near...) count as
// operators in this query: only when it also has parentheses, so that a
// sentence typed in lower case ("troops not stationed in viet nam") stays a
// plain bag of words. Operators in capitals always count.
bool operators_in_any_case(std::string_view query);

}  // namespace gazette
