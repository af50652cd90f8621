#include "searcher/query_builder.h"

#include "common/archive_layout.h"
#include "common/language.h"
#include "common/schema.h"
#include "common/text.h"
#include "searcher/date_query.h"
#include "searcher/fuzzy.h"
#include "searcher/stopwords.h"

#include <algorithm>
#include <iterator>
#include <memory>
#include <utility>

namespace gazette {

namespace {

// Xapian's QueryParser subclass hook: builds the filter for date:, after: and
// before: values (checked by parse_query, but Xapian also finds fields
// parse_query does not: "+:date:x"). A bad value is kept in `error` for
// QueryBuilder::parse to throw: an exception thrown through Xapian 1.4's
// parser there frees memory it does not own (a crash).
class DateFieldProcessor : public Xapian::FieldProcessor {
public:
    DateFieldProcessor(DateFilterKind kind, std::shared_ptr<std::string> error) : kind_(kind), error_(std::move(error)) {}
    Xapian::Query operator()(const std::string& value) override {
        try {
            return date_filter(kind_, value);
        } catch (const DateQueryError& error) {
            if (error_->empty()) *error_ = error.what();
            return Xapian::Query::MatchNothing;
        }
    }

private:
    DateFilterKind kind_;
    std::shared_ptr<std::string> error_;
};

bool is_top_level_operator(const QueryPart& part) { return part.kind == QueryPart::Kind::op && part.depth == 0; }

// A boolean filter: place:, source:, date:... (not title:, which is text).
bool is_filter(const QueryPart& part) {
    return part.kind == QueryPart::Kind::field && part.field->kind != FieldKind::free_text;
}

// The filters that stand on their own at the top of a query with operators:
// fields such as place: or date:, outside brackets and quotes, that are not
// themselves an operand of AND, OR, NOT... Xapian's grammar binds one to the
// operand before it ("cocoa OR coffee place:brazil" reads as cocoa OR (coffee
// in Brazil)); a reader means the whole query in Brazil, so they are taken
// out and applied to the whole query. Without operators Xapian already does.
std::vector<bool> standing_filters(const std::vector<QueryPart>& parts) {
    std::vector<bool> standing(parts.size(), false);
    if (std::none_of(parts.begin(), parts.end(), is_top_level_operator)) return standing;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const QueryPart& part = parts[i];
        standing[i] = is_filter(part) && part.depth == 0 && part.lead.find('(') == std::string_view::npos &&
                      part.trail.empty() && (i == 0 || !is_top_level_operator(parts[i - 1])) &&
                      (i + 1 == parts.size() || !is_top_level_operator(parts[i + 1]));
    }
    return standing;
}

// "-peru -chile", "-peru source:reuters": excluded parts and filters, no
// operators or brackets.
bool only_excluded_words(const std::vector<const QueryPart*>& parts) {
    bool plain = std::all_of(parts.begin(), parts.end(), [](const QueryPart* part) {
        return part->kind != QueryPart::Kind::op && part->depth == 0 && part->trail.empty() && !part->core.empty() &&
               part->lead.find('(') == std::string_view::npos && (part->excluded() || is_filter(*part));
    });
    return plain && std::any_of(parts.begin(), parts.end(), [](const QueryPart* part) { return part->excluded(); });
}

// "NOT peru", "NOT (peru OR chile)": a leading NOT and no other operator
// outside brackets.
bool leading_not(const std::vector<const QueryPart*>& parts) {
    return parts.size() > 1 && parts.front()->op == QueryOperator::not_ && parts.front()->lead.empty() &&
           std::none_of(parts.begin() + 1, parts.end(), [](const QueryPart* part) { return is_top_level_operator(*part); });
}

// A word typed alone: no brackets, sign, quotes or field. Its folded words
// are the query's own words, which synonyms and fuzzy variants may widen
// (a word in brackets is a part of its own: "(us" is not plain, "us" in
// "(troops us nato)" is).
bool is_plain_word(const QueryPart& part) {
    return part.kind == QueryPart::Kind::word && part.lead.empty() && part.trail.empty();
}

// A word of the plain word parts of a query, folded (a run of Chinese folds
// to several words), with the index of its part. Any other part is one
// word "", which no synonym spans and fuzzy matching leaves alone.
struct PartWord {
    std::string text;
    std::size_t part;
    std::size_t index;  // among its part's words
    bool last;          // of its part's words
};

std::vector<PartWord> part_words(const std::vector<const QueryPart*>& parts, Analyzer& analyzer) {
    std::vector<PartWord> words;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (!is_plain_word(*parts[i])) {
            words.push_back({"", i, 0, true});
            continue;
        }
        const std::vector<std::string> folded = split(analyzer.normalise(parts[i]->text), " ");
        for (std::size_t at = 0; at < folded.size(); ++at) words.push_back({folded[at], i, at, at + 1 == folded.size()});
    }
    return words;
}

// NEAR and ADJ take plain terms only: a word beside one stays as it is.
bool next_to_proximity(const PartWord& word, const std::vector<const QueryPart*>& parts) {
    const auto is_proximity = [&parts](std::size_t at) {
        return parts[at]->op == QueryOperator::near || parts[at]->op == QueryOperator::adj;
    };
    return (word.index == 0 && word.part > 0 && is_proximity(word.part - 1)) ||
           (word.last && word.part + 1 < parts.size() && is_proximity(word.part + 1));
}

// `written` (the query's folded pieces) joined by spaces, with each run of
// `words` (the same pieces, "" for query syntax) that spells a member of a
// group written as its whole group instead.
std::string with_synonyms(const std::vector<std::string>& words, const std::vector<std::string>& written,
                          const SynonymGroups& groups) {
    const std::vector<SynonymMatch> found = synonyms_in(words, groups);
    std::string out;
    for (std::size_t at = 0; at < words.size();) {
        if (!out.empty()) out += ' ';
        if (found[at].group != nullptr) {
            out += group_query(*found[at].group);
            at += found[at].length;
        } else {
            out += written[at++];
        }
    }
    return out;
}

}  // namespace

QueryBuilder::QueryBuilder(Analyzer& analyzer, const Xapian::Database& database, std::string_view language)
    : analyzer_(analyzer), database_(database), synonyms_(parse_synonym_groups(database.get_metadata(std::string(kSynonymsMetadataKey)))) {
    std::vector<std::string> languages{std::string(language)};
    if (language.empty()) languages = languages_in(database);
    if (languages.empty()) languages = {std::string(schema::kDefaultLanguage)};
    for (const std::string& code : languages) add_language(database, code);
}

void QueryBuilder::add_language(const Xapian::Database& database, const std::string& language) {
    Xapian::Stem stemmer = stemmer_for(language);
    // Languages without a stemmer read a query alike: they share one parser.
    for (LanguageParser& known : parsers_) {
        if (stemmer.is_none() && stemmer_for(known.languages.front()).is_none()) {
            known.languages.push_back(language);
            return;
        }
    }
    Xapian::QueryParser& parser = parsers_.emplace_back(LanguageParser{{language}, {}}).parser;
    parser.set_database(database);
    parser.set_stemmer(stemmer);
    // The query is case-folded before parsing, so every word is stemmed
    // (Xapian's STEM_SOME leaves capitalised words alone).
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_stopper(&stopper_for(language));
    for (const QueryField& field : query_fields()) {
        std::string name(field.name), prefix(field.prefix);
        switch (field.kind) {
        case FieldKind::free_text: parser.add_prefix(name, prefix); break;
        case FieldKind::tag:
        case FieldKind::exact: parser.add_boolean_prefix(name, prefix); break;
        // Each date field is its own group: date:1987 after:1987-03 is AND.
        case FieldKind::date:
            parser.add_boolean_prefix(name, (new DateFieldProcessor(field.date_kind, date_error_))->release(), &name);
            break;
        }
    }
}

// The parser of the language detected in the query, when the database has
// articles in it; else every parser.
std::vector<QueryBuilder::LanguageParser*> QueryBuilder::parsers_for(std::string_view query) {
    std::vector<LanguageParser*> all;
    for (LanguageParser& parser : parsers_) all.push_back(&parser);
    if (all.size() == 1) return all;
    const std::string detected = detect_language(query);
    for (LanguageParser* parser : all) {
        const auto& codes = parser->languages;
        if (!detected.empty() && std::find(codes.begin(), codes.end(), detected) != codes.end()) return {parser};
    }
    return all;
}

// Each parser's reading of the query, ORed; readings that come out the same
// (a word that every stemmer leaves alone) count once.
Xapian::Query QueryBuilder::parse(const std::vector<LanguageParser*>& parsers, const std::string& folded,
                                  Xapian::Query::op default_op, unsigned flags) {
    std::vector<Xapian::Query> readings;
    std::vector<std::string> seen;
    for (LanguageParser* language : parsers) {
        language->parser.set_default_op(default_op);
        Xapian::Query reading;
        try {
            reading = language->parser.parse_query(folded, flags);
        } catch (const Xapian::QueryParserError& error) {
            throw QueryError(error.get_msg());
        }
        if (!date_error_->empty()) throw QueryError(std::exchange(*date_error_, {}));
        std::string description = reading.get_description();
        if (std::find(seen.begin(), seen.end(), description) != seen.end()) continue;
        seen.push_back(std::move(description));
        readings.push_back(std::move(reading));
    }
    return readings.size() == 1 ? readings.front() : Xapian::Query(Xapian::Query::OP_OR, readings.begin(), readings.end());
}

std::string QueryBuilder::fold(const QueryTree& tree, WordMatching matching) {
    std::vector<const QueryPart*> parts;
    for (const QueryPart& part : tree.parts) parts.push_back(&part);
    return fold_parts(parts, matching == WordMatching::fuzzy ? widen(parts) : WidenedParts{});
}

std::string QueryBuilder::fold_parts(const std::vector<const QueryPart*>& parts, const WidenedParts& widened) {
    // The folded pieces, each with the word a synonym may span ("" but in
    // plain word parts) and what is written for it when none does.
    std::vector<std::string> words, written;
    for (PartWord& word : part_words(parts, analyzer_)) {
        const QueryPart& part = *parts[word.part];
        if (!is_plain_word(part)) {
            for (std::string& piece : split(fold_syntax(part), " ")) {
                words.emplace_back();
                written.push_back(std::move(piece));
            }
            continue;
        }
        const auto found = widened.find(&part);
        written.push_back(found == widened.end() ? word.text : found->second[word.index]);
        words.push_back(std::move(word.text));
    }
    return with_synonyms(words, written, synonyms_);
}

std::string QueryBuilder::fold_syntax(const QueryPart& part) {
    if (part.kind == QueryPart::Kind::op) return part.op_text();
    if (part.field != nullptr && (part.field->kind == FieldKind::exact || part.field->kind == FieldKind::date)) {
        return std::string(part.lead) + std::string(part.field->name) + ":" + std::string(part.core) + std::string(part.trail);
    }
    if (part.field != nullptr && part.field->kind == FieldKind::tag) {
        // The tag as the index folds it, in quotes so that Xapian takes it
        // whole even with a ')' in it: source:"The Daily Test" ->
        // source:"the-daily-test".
        return std::string(part.lead) + std::string(part.field->name) + ":\"" + fold_tag(analyzer_, part.core) + "\"" +
               std::string(part.trail);
    }
    // A phrase, or a word with brackets or a sign, word by word as the words
    // of a query (fold_parts splits the result on its spaces).
    std::string out;
    for (const std::string& word : split(part.text, " \t\n")) out += analyzer_.normalise(word) + " ";
    return out;
}

std::string QueryBuilder::fold_without_sign(const QueryPart& part) {
    QueryPart unsigned_part = part;
    unsigned_part.text.remove_prefix(part.lead.size());
    unsigned_part.lead = {};
    return fold_parts({&unsigned_part});
}

QueryBuilder::WidenedParts QueryBuilder::widen(const std::vector<const QueryPart*>& parts) {
    const std::vector<PartWord> words = part_words(parts, analyzer_);
    std::vector<std::string> texts;
    for (const PartWord& word : words) texts.push_back(word.text);
    const std::vector<bool> covered = covered_by_synonyms(texts, synonyms_);
    std::vector<bool> widens(words.size(), false);
    std::vector<std::string> candidates;
    for (std::size_t at = 0; at < words.size(); ++at) {
        widens[at] = !covered[at] && !next_to_proximity(words[at], parts) && may_have_variants(words[at].text);
        if (widens[at]) candidates.push_back(words[at].text);
    }
    const FuzzyVariants variants = find_fuzzy_variants(candidates, database_);
    WidenedParts out;
    for (std::size_t at = 0; at < words.size();) {
        const std::size_t part = words[at].part;
        std::vector<std::string> written;
        bool widened = false;
        for (; at < words.size() && words[at].part == part; ++at) {
            written.push_back(widens[at] ? with_variants(words[at].text, variants) : words[at].text);
            widened = widened || (widens[at] && variants.contains(words[at].text));
        }
        if (widened) out[parts[part]] = std::move(written);
    }
    return out;
}

// A query read as plain words with each word of 4 letters or more widened
// by its variants; nullopt when none has any.
std::optional<std::string> QueryBuilder::widen_words(const std::string& folded) {
    std::vector<std::string> words = split(folded, " ");
    std::vector<std::string> candidates;
    std::copy_if(words.begin(), words.end(), std::back_inserter(candidates), may_have_variants);
    const FuzzyVariants variants = find_fuzzy_variants(candidates, database_);
    if (variants.empty()) return std::nullopt;
    std::string out;
    for (const std::string& word : words) out += (out.empty() ? "" : " ") + with_variants(word, variants);
    return out;
}

TieredQuery QueryBuilder::build(std::string_view query, QuerySyntax syntax, WordMatching matching) {
    if (query.size() > kMaxQueryBytes) {
        throw QueryError("the query is " + std::to_string(query.size()) + " bytes long; the limit is " +
                         std::to_string(kMaxQueryBytes));
    }
    const auto parsers = parsers_for(query);
    // The tier of some words, with `widened` (their variants written in)
    // ORed in below them.
    const auto with_variants_of = [&](Xapian::Query any, const std::string& widened, unsigned flags) {
        Xapian::Query variants = parse(parsers, widened, Xapian::Query::OP_OR, flags);
        return Xapian::Query(Xapian::Query::OP_OR, any, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, variants, kFuzzyWeight));
    };
    if (syntax == QuerySyntax::words) {
        std::string folded = analyzer_.normalise(query);
        Xapian::Query any = parse(parsers, folded, Xapian::Query::OP_OR, 0);
        if (matching == WordMatching::fuzzy) {
            if (std::optional<std::string> widened = widen_words(folded)) any = with_variants_of(std::move(any), *widened, 0);
        }
        return {parse(parsers, folded, Xapian::Query::OP_AND, 0), std::move(any), folded, folded, {}};
    }
    constexpr unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD;
    QueryTree tree = parse_query(query);
    std::string folded = fold(tree);

    // What the query is about, the filters on all of it, and what it leaves out.
    std::vector<const QueryPart*> content, required;
    std::vector<std::string> unwanted;
    const std::vector<bool> standing = standing_filters(tree.parts);
    for (std::size_t i = 0; i < tree.parts.size(); ++i) {
        const QueryPart& part = tree.parts[i];
        if (!standing[i]) content.push_back(&part);
        else if (part.excluded()) unwanted.push_back(fold_without_sign(part));
        else required.push_back(&part);
    }
    // A query that only excludes finds every other article (Xapian alone
    // would read "-peru" as "peru").
    if (only_excluded_words(content)) {
        for (const QueryPart* part : content) {
            if (part->excluded()) unwanted.push_back(fold_without_sign(*part));
            else required.push_back(part);
        }
        content.clear();
    } else if (leading_not(content)) {
        unwanted.push_back(fold_parts({content.begin() + 1, content.end()}));
        content.clear();
    }

    Xapian::Query all = all_articles_query(), any = all_articles_query();
    if (!content.empty()) {
        std::string rest = content.size() == tree.parts.size() ? folded : fold_parts(content);
        all = parse(parsers, rest, Xapian::Query::OP_AND, flags);
        any = parse(parsers, rest, Xapian::Query::OP_OR, flags);
        const WidenedParts widened = matching == WordMatching::fuzzy ? widen(content) : WidenedParts{};
        if (!widened.empty()) any = with_variants_of(std::move(any), fold_parts(content, widened), flags);
    }
    if (!required.empty()) {
        std::string filters;
        for (const QueryPart* part : required) filters += (filters.empty() ? "" : " ") + fold_without_sign(*part);
        Xapian::Query filter = parse(parsers, filters, Xapian::Query::OP_AND, flags);
        all = Xapian::Query(Xapian::Query::OP_FILTER, all, filter);
        any = Xapian::Query(Xapian::Query::OP_FILTER, any, filter);
    }
    for (const std::string& text : unwanted) {
        Xapian::Query excluded = parse(parsers, text, Xapian::Query::OP_OR, flags);
        all = Xapian::Query(Xapian::Query::OP_AND_NOT, all, excluded);
        any = Xapian::Query(Xapian::Query::OP_AND_NOT, any, excluded);
    }
    std::vector<const QueryPart*> about;
    for (const QueryPart& part : tree.parts) {
        const bool text = part.kind == QueryPart::Kind::word || part.kind == QueryPart::Kind::phrase;
        if (text && !part.excluded()) about.push_back(&part);
    }
    return {std::move(all), std::move(any), std::move(folded), fold_parts(about), std::move(tree)};
}

}  // namespace gazette
