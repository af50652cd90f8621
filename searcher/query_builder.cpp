#include "searcher/query_builder.h"

#include "searcher/date_query.h"
#include "searcher/fuzzy.h"
#include "common/language.h"
#include "common/schema.h"
#include "searcher/stopwords.h"

#include <algorithm>
#include <iterator>
#include <optional>

namespace gazette {

namespace {

enum class FieldKind {
    free_text,  // analysed like article text, with positions: title:cocoa
    tag,        // a boolean filter on a folded tag: place:el-salvador
    exact,      // a boolean filter on a value kept as typed: id:Reut-17
    date,       // a date filter (searcher/date_query.h): date:1987-03
};

struct QueryField {
    std::string_view name;  // as typed, before the colon
    std::string_view prefix;
    FieldKind kind;
    DateFilterKind date_kind = DateFilterKind::within;  // for FieldKind::date
};

// The fields a query may name, mapped to the schema's prefixes.
constexpr QueryField kQueryFields[] = {
    {"title", schema::kTitlePrefix, FieldKind::free_text},
    {"byline", schema::kBylinePrefix, FieldKind::free_text},
    {"id", schema::kIdPrefix, FieldKind::exact},
    {"source", schema::kSourcePrefix, FieldKind::tag},
    {"place", schema::kPlacePrefix, FieldKind::tag},
    {"topic", schema::kTopicPrefix, FieldKind::tag},
    {"lang", schema::kLanguagePrefix, FieldKind::tag},
    {"date", {}, FieldKind::date, DateFilterKind::within},
    {"after", {}, FieldKind::date, DateFilterKind::after},
    {"before", {}, FieldKind::date, DateFilterKind::before},
};

constexpr std::string_view kOperators[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};

std::string ascii_upper(std::string_view word) {
    std::string out(word);
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

std::string ascii_lower_copy(std::string_view word) {
    std::string out(word);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The operator `word` spells (in capitals), if it is one in this case policy,
// with any brackets around it kept: "(not" -> "(NOT". NEAR and ADJ take an
// optional window: "NEAR/5".
std::optional<std::string> as_operator(std::string_view word, bool any_case) {
    std::size_t start = std::min(word.find_first_not_of('('), word.size());
    std::size_t end = std::max(word.find_last_not_of(')') + 1, start);
    std::string_view core = word.substr(start, end - start);
    std::string name(core.substr(0, core.find('/')));
    if (any_case) name = ascii_upper(name);
    if (std::find(std::begin(kOperators), std::end(kOperators), name) == std::end(kOperators)) return std::nullopt;
    return std::string(word.substr(0, start)) + name + std::string(core.substr(std::min(core.find('/'), core.size()))) +
           std::string(word.substr(end));
}

// "+(title:Cocoa" -> lead "+(", name "title", value "Cocoa". A word without
// a field has an empty name.
struct FieldedWord {
    std::string_view lead;
    std::string_view name;
    std::string_view value;
};

FieldedWord split_field(std::string_view word) {
    std::size_t start = word.find_first_not_of("+-(");
    if (start == std::string_view::npos) return {word, {}, {}};
    std::size_t colon = word.find(':', start);
    if (colon == std::string_view::npos || colon == start || colon + 1 == word.size()) return {{}, {}, word};
    std::string_view name = word.substr(start, colon - start);
    if (!std::all_of(name.begin(), name.end(), is_ascii_letter)) return {{}, {}, word};
    return {word.substr(0, start), name, word.substr(colon + 1)};
}

const QueryField* find_field(std::string_view name) {
    std::string lower = ascii_lower_copy(name);
    for (const auto& field : kQueryFields) {
        if (field.name == lower) return &field;
    }
    return nullptr;
}

std::string field_names() {
    std::string out;
    for (const auto& field : kQueryFields) out += (out.empty() ? "" : ", ") + std::string(field.name) + ":";
    return out;
}

// 1-based column of byte `offset`, counting UTF-8 characters.
std::size_t column_of(std::string_view query, std::size_t offset) {
    return 1 + static_cast<std::size_t>(std::count_if(query.begin(), query.begin() + static_cast<std::ptrdiff_t>(offset),
                                                      [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

QueryError error_at(std::string_view query, std::size_t offset, const std::string& what) {
    return QueryError(what + " at column " + std::to_string(column_of(query, offset)));
}

// Checks the field of one word that starts at byte `offset` of `query`.
void check_field(std::string_view query, std::size_t offset, std::string_view word) {
    FieldedWord fielded = split_field(word);
    if (fielded.name.empty()) return;
    std::size_t name_offset = offset + fielded.lead.size();
    const QueryField* field = find_field(fielded.name);
    if (field == nullptr) {
        throw error_at(query, name_offset,
                       "unknown field '" + std::string(fielded.name) + ":'" + " (fields: " + field_names() + ")");
    }
    if (field->kind != FieldKind::date) return;
    std::string_view value = fielded.value.substr(0, fielded.value.find_last_not_of(')') + 1);
    try {
        date_filter(field->date_kind, value);
    } catch (const DateQueryError& error) {
        throw error_at(query, name_offset + fielded.name.size() + 1, std::string(fielded.name) + ": " + error.what());
    }
}

// Walks the words of a query outside quotes, calling `on_word(offset, word)`
// and `on_char(offset, c)` for each parenthesis or quote.
template <typename OnWord, typename OnChar>
void scan_query(std::string_view query, OnWord on_word, OnChar on_char) {
    bool in_quotes = false;
    std::size_t word_start = std::string_view::npos;
    for (std::size_t i = 0; i <= query.size(); ++i) {
        char c = i < query.size() ? query[i] : ' ';
        bool space = c == ' ' || c == '\t' || c == '\n';
        if (c == '"' || (!in_quotes && (c == '(' || c == ')'))) on_char(i, c);
        if (c == '"') in_quotes = !in_quotes;
        if (in_quotes || space) {
            if (word_start != std::string_view::npos && !in_quotes) on_word(word_start, query.substr(word_start, i - word_start));
            word_start = std::string_view::npos;
        } else if (word_start == std::string_view::npos && c != '"') {
            word_start = i;
        }
    }
}

// Xapian's QueryParser subclass hook: builds the filter for date:, after: and
// before: values (already checked by check_query_syntax).
class DateFieldProcessor : public Xapian::FieldProcessor {
public:
    explicit DateFieldProcessor(DateFilterKind kind) : kind_(kind) {}
    Xapian::Query operator()(const std::string& value) override {
        try {
            return date_filter(kind_, value);
        } catch (const DateQueryError& error) {
            throw QueryError(error.what());
        }
    }

private:
    DateFilterKind kind_;
};

// The filters that stand on their own at the top of a query with operators:
// fields such as place: or date:, outside brackets and quotes, that are not
// themselves an operand of AND, OR, NOT... Xapian's grammar binds one to the
// operand before it ("cocoa OR coffee place:brazil" reads as cocoa OR (coffee
// in Brazil)); a reader means the whole query in Brazil, so they are taken
// out and applied to the whole query. Without operators Xapian already does.
struct StandingFilters {
    std::string rest;                   // the query without them
    std::string required;               // "place:brazil date:1987", as Xapian groups them
    std::vector<std::string> excluded;  // each -field:value, without its '-'
};

bool is_operator_word(std::string_view word) {
    return std::find(std::begin(kOperators), std::end(kOperators), word.substr(0, word.find('/'))) != std::end(kOperators);
}

StandingFilters standing_filters(const std::string& folded) {
    struct Word {
        std::size_t offset;
        std::string_view text;
        int depth;  // brackets open where the word starts
    };
    std::vector<Word> words;
    std::vector<std::pair<std::size_t, char>> brackets;
    scan_query(
        folded, [&](std::size_t offset, std::string_view text) { words.push_back({offset, text, 0}); },
        [&](std::size_t offset, char c) {
            if (c != '"') brackets.emplace_back(offset, c);
        });
    for (Word& word : words) {
        for (const auto& [offset, c] : brackets) {
            if (offset < word.offset) word.depth += c == '(' ? 1 : -1;
        }
    }
    const auto top_level_operator = [](const Word& word) { return word.depth == 0 && is_operator_word(word.text); };
    StandingFilters out{folded, {}, {}};
    if (std::none_of(words.begin(), words.end(), top_level_operator)) return out;

    std::string rest;
    std::size_t copied = 0;  // bytes of `folded` handled so far
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Word& word = words[i];
        FieldedWord fielded = split_field(word.text);
        const QueryField* field = fielded.name.empty() ? nullptr : find_field(fielded.name);
        bool standing = field != nullptr && field->kind != FieldKind::free_text && word.depth == 0 &&
                        fielded.lead.find('(') == std::string_view::npos && !fielded.value.ends_with(')') &&
                        (i == 0 || !top_level_operator(words[i - 1])) &&
                        (i + 1 == words.size() || !top_level_operator(words[i + 1]));
        if (!standing) continue;
        rest += folded.substr(copied, word.offset - copied);
        copied = word.offset + word.text.size();
        std::string filter = std::string(field->name) + ":" + std::string(fielded.value);
        if (fielded.lead == "-") out.excluded.push_back(std::move(filter));
        else out.required += (out.required.empty() ? "" : " ") + filter;
    }
    rest += folded.substr(copied);
    if (rest.find_first_not_of(" \t\n") == std::string::npos) return {folded, {}, {}};
    out.rest = std::move(rest);
    return out;
}

}  // namespace

void check_query_syntax(std::string_view query) {
    std::vector<std::size_t> open_parens;
    std::optional<std::size_t> open_quote;
    scan_query(
        query, [query](std::size_t offset, std::string_view word) { check_field(query, offset, word); },
        [&](std::size_t offset, char c) {
            if (c == '"') open_quote = open_quote ? std::nullopt : std::optional(offset);
            else if (c == '(') open_parens.push_back(offset);
            else if (open_parens.empty()) throw error_at(query, offset, "')' closes nothing");
            else open_parens.pop_back();
        });
    if (open_quote) throw error_at(query, *open_quote, "'\"' is never closed");
    if (!open_parens.empty()) throw error_at(query, open_parens.back(), "'(' is never closed");
}

std::string collection_filters(std::string_view query) {
    constexpr std::string_view kCollectionFields[] = {"source", "lang", "date", "after", "before"};
    std::string out;
    scan_query(
        query,
        [&out, &kCollectionFields](std::size_t, std::string_view word) {
            FieldedWord fielded = split_field(word);
            const QueryField* field = fielded.name.empty() ? nullptr : find_field(fielded.name);
            if (field == nullptr || fielded.lead.find('-') != std::string_view::npos) return;
            if (std::find(std::begin(kCollectionFields), std::end(kCollectionFields), field->name) ==
                std::end(kCollectionFields)) {
                return;
            }
            std::string_view value = fielded.value.substr(0, fielded.value.find_last_not_of(')') + 1);
            out += (out.empty() ? "" : " ") + std::string(field->name) + ":" + std::string(value);
        },
        [](std::size_t, char) {});
    return out;
}

bool operators_in_any_case(std::string_view query) {
    bool parens = false;
    scan_query(query, [](std::size_t, std::string_view) {}, [&parens](std::size_t, char c) { parens = parens || c == '('; });
    return parens;
}

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
    for (const auto& field : kQueryFields) {
        std::string name(field.name), prefix(field.prefix);
        switch (field.kind) {
        case FieldKind::free_text: parser.add_prefix(name, prefix); break;
        case FieldKind::tag:
        case FieldKind::exact: parser.add_boolean_prefix(name, prefix); break;
        // Each date field is its own group: date:1987 after:1987-03 is AND.
        case FieldKind::date: parser.add_boolean_prefix(name, (new DateFieldProcessor(field.date_kind))->release(), &name); break;
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
        std::string description = reading.get_description();
        if (std::find(seen.begin(), seen.end(), description) != seen.end()) continue;
        seen.push_back(std::move(description));
        readings.push_back(std::move(reading));
    }
    return readings.size() == 1 ? readings.front() : Xapian::Query(Xapian::Query::OP_OR, readings.begin(), readings.end());
}

std::string QueryBuilder::fold(std::string_view query) {
    bool any_case = operators_in_any_case(query);
    std::string out;
    std::size_t pos = 0;
    while (pos < query.size()) {
        std::size_t word_end = std::min(query.find_first_of(" \t\n", pos), query.size());
        std::string_view word = query.substr(pos, word_end - pos);
        FieldedWord fielded = split_field(word);
        const QueryField* field = fielded.name.empty() ? nullptr : find_field(fielded.name);
        if (auto op = as_operator(word, any_case)) {
            out += *op;
        } else if (field != nullptr && (field->kind == FieldKind::exact || field->kind == FieldKind::date)) {
            out += std::string(fielded.lead) + std::string(field->name) + ":" + std::string(fielded.value);
        } else {
            out += analyzer_.normalise(word);
        }
        if (word_end < query.size()) out += ' ';
        pos = word_end + 1;
    }
    return out;
}

TieredQuery QueryBuilder::build(std::string_view query, QuerySyntax syntax, WordMatching matching) {
    if (query.size() > kMaxQueryBytes) {
        throw QueryError("the query is " + std::to_string(query.size()) + " bytes long; the limit is " +
                         std::to_string(kMaxQueryBytes));
    }
    if (syntax == QuerySyntax::full) check_query_syntax(query);
    std::string folded =
        syntax == QuerySyntax::full ? expand_synonyms(fold(query), synonyms_) : analyzer_.normalise(query);
    unsigned flags = syntax == QuerySyntax::full
                         ? Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD
                         : 0;
    const auto parsers = parsers_for(query);
    StandingFilters standing = syntax == QuerySyntax::full ? standing_filters(folded) : StandingFilters{folded, {}, {}};
    Xapian::Query all = parse(parsers, standing.rest, Xapian::Query::OP_AND, flags);
    Xapian::Query any = parse(parsers, standing.rest, Xapian::Query::OP_OR, flags);
    if (matching == WordMatching::fuzzy) {
        std::string expanded = expand_fuzzy(standing.rest, database_);
        if (expanded != standing.rest) {
            Xapian::Query variants = parse(parsers, expanded, Xapian::Query::OP_OR, flags);
            any = Xapian::Query(Xapian::Query::OP_OR, any, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, variants, kFuzzyWeight));
        }
    }
    if (!standing.required.empty()) {
        Xapian::Query required = parse(parsers, standing.required, Xapian::Query::OP_AND, flags);
        all = Xapian::Query(Xapian::Query::OP_FILTER, all, required);
        any = Xapian::Query(Xapian::Query::OP_FILTER, any, required);
    }
    for (const std::string& excluded : standing.excluded) {
        Xapian::Query unwanted = parse(parsers, excluded, Xapian::Query::OP_AND, flags);
        all = Xapian::Query(Xapian::Query::OP_AND_NOT, all, unwanted);
        any = Xapian::Query(Xapian::Query::OP_AND_NOT, any, unwanted);
    }
    return {std::move(all), std::move(any), std::move(folded)};
}

}  // namespace gazette
