// A query string read once, into the parts the query language knows: words,
// "phrases", operators, fields (title:, source:, date: ...), each with its
// column and the depth of brackets around it. The query builder, spelling
// suggestions, fuzzy matching, the timeline's baseline and search specs all
// read this, so the operators and fields are defined here and nowhere else.
//
// parse_query() also rejects what Xapian would silently read as something
// else (an unknown field, a field with no value, a bad date, an unbalanced
// bracket or quote, an operator without an operand, a misplaced wildcard),
// with one line naming the column.
#pragma once

#include "searcher/date_query.h"
#include "searcher/query_syntax.h"

#include <cstddef>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

// The ONE list of query operators (Xapian's QueryParser's). They count in
// capitals; in lower or mixed case only in a query with parentheses, so that
// a sentence typed in lower case ("troops not stationed in viet nam") stays a
// plain bag of words. NEAR and ADJ take an optional window: NEAR/5.
enum class QueryOperator { and_, or_, not_, xor_, near, adj };

// The operator `word` spells, with no brackets around it: "NEAR/3" is near,
// "NEARBY" and "NEAR/x" are words. `any_case` accepts "and", "Near/3"...
std::optional<QueryOperator> query_operator(std::string_view word, bool any_case = false);

enum class FieldKind {
    free_text,  // analysed like article text, with positions: title:cocoa
    tag,        // a boolean filter on a tag folded as the index folds it (fold_tag):
                // place:"El Salvador", place:el-salvador
    exact,      // a boolean filter on a value kept as typed: id:Reut-17
    date,       // a date filter (searcher/date_query.h): date:1987-03
};

struct QueryField {
    std::string_view name;  // as typed, before the colon, in lower case
    std::string_view prefix;
    FieldKind kind;
    DateFilterKind date_kind = DateFilterKind::within;  // for FieldKind::date
    bool collection = false;  // chooses part of the archive (the timeline's baseline), not a subject
};

// The fields a query may name, mapped to the schema's prefixes.
std::span<const QueryField> query_fields();

// One whitespace-separated piece of a query (a whole "phrase" is one part).
struct QueryPart {
    enum class Kind { word, phrase, op, field };
    Kind kind = Kind::word;
    std::string_view text;  // as typed, brackets and + or - included
    std::size_t offset = 0;  // of `text` in the query, in bytes
    std::size_t column = 1;  // the same, 1-based, in characters
    int depth = 0;           // brackets open where the part starts
    // Before and after the core: "+(", "-", "(" and ")"... (a phrase keeps its
    // quotes in its core; a word keeps its punctuation).
    std::string_view lead;
    std::string_view core;  // the word, the phrase, the operator ("NEAR/3" or "near/3"), the field's value
    std::string_view trail;
    std::optional<QueryOperator> op;     // Kind::op
    const QueryField* field = nullptr;   // Kind::field

    bool excluded() const { return lead.starts_with('-'); }
    // The operator in capitals with its brackets, as Xapian wants it: "(not" -> "(NOT".
    std::string op_text() const;
};

struct QueryTree {
    std::string_view text;
    bool any_case = false;  // lower-case operators count (the query has brackets)
    std::vector<QueryPart> parts;
};

// Throws QueryError naming the first mistake and its column. `query` must
// outlive the tree (its parts are views into it).
QueryTree parse_query(std::string_view query);

// The parts of `tree` that choose which part of the archive is looked at
// rather than what it is about: source:, lang: and the date fields, without
// brackets or a leading +, joined by spaces ("" when there are none). A part
// excluded with - is left out. The timeline's shares are of the articles
// that pass these.
std::string collection_filters(const QueryTree& tree);

}  // namespace gazette
