// From what a user types to a Xapian query, through the same analysis as the
// articles (common/analyzer.h) and the field names of the schema.
//
// The syntax is Xapian's QueryParser's (words, "phrases", +must -not, AND OR
// NOT XOR ( ), NEAR, ADJ, prefix*), with our fields (title: byline: source:
// place: topic: lang: id:) and date filters (date: after: before:, see
// searcher/date_query.h). A query is parsed once (searcher/query_tree.h),
// which rejects what Xapian would silently guess around, naming the column;
// the builder reads that tree. A query that only excludes ("-peru",
// "NOT peru") finds every article but those.
#pragma once

#include "common/analyzer.h"
#include "common/synonyms.h"
#include "searcher/query_syntax.h"
#include "searcher/query_tree.h"

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
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
    // What the query is about, folded likewise: its words and phrases, with
    // no operator, field or part it excludes (-word); the words ranking's
    // extras are built from (searcher/ranking.h). `folded` for plain words.
    std::string content;
    // The query as parsed, views into the text given to build() (no parts
    // for QuerySyntax::words).
    QueryTree tree;
    bool single_tier() const { return all.get_description() == any.get_description(); }
};

// The weight of the OCR-tolerant expansion next to the exact query's: the
// expansion is ORed in at this scale, and only into the tier of articles
// matching some words, so that an exact match of every word ranks first.
inline constexpr double kFuzzyWeight = 0.5;

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
    // syntax rather than text: the operators, upper-cased, field names,
    // lower-cased, and the values of exact fields such as id: and date:, kept
    // as typed, and tags, folded as the index folds them (fold_tag) and
    // quoted: place:"El Salvador" -> place:"el-salvador". With
    // WordMatching::fuzzy, the words OCR-tolerant matching widens are written
    // with their variants from the database's vocabulary (searcher/fuzzy.h):
    // "(market OR rnarket)". Those are the words of plain word parts (not a
    // phrase, a field or an operator, no brackets, + or -) that are not an
    // operand of NEAR or ADJ (which take plain terms only) and that no
    // synonym group covers (its group already names what they mean).
    // A run of words of consecutive plain word parts that spells a member of
    // one of the database's synonym groups is written as its whole group:
    // "us troops" -> '(us OR "united states" OR usa) troops', while
    // "\"united states\"", title:us, -us and "(us" stay as they are.
    std::string fold(const QueryTree& tree, WordMatching matching = WordMatching::exact);

    // The database's synonym groups, which fold() writes.
    const SynonymGroups& synonyms() const { return synonyms_; }

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
    // The parts of `parts` whose words fuzzy matching widens (see fold()),
    // each with its folded words, the widened ones with their variants:
    // fold_parts writes those instead of the part's folded words.
    using WidenedParts = std::map<const QueryPart*, std::vector<std::string>>;
    WidenedParts widen(const std::vector<const QueryPart*>& parts);
    // A query of plain words (QuerySyntax::words, folded) with its words of
    // 4 letters or more widened; nullopt when none has a variant.
    std::optional<std::string> widen_words(const std::string& folded);
    std::string fold_parts(const std::vector<const QueryPart*>& parts, const WidenedParts& widened = {});
    // A part that is not a plain word (an operator, a field, a phrase, a
    // word with brackets or a sign), folded as fold() says.
    std::string fold_syntax(const QueryPart& part);
    // `part` folded without its + or - ("-us" -> "us"): a filter applied to
    // the whole query, or what a query that only excludes leaves out, where
    // an excluded word's synonyms are excluded with it.
    std::string fold_without_sign(const QueryPart& part);

    Analyzer& analyzer_;
    Xapian::Database database_;  // its vocabulary, for WordMatching::fuzzy
    std::vector<LanguageParser> parsers_;
    SynonymGroups synonyms_;  // stored in the database by newsindex --synonyms
    // A bad date value the date fields' processors met while Xapian parsed.
    std::shared_ptr<std::string> date_error_ = std::make_shared<std::string>();
};

}  // namespace gazette
