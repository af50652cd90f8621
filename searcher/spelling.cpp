#include "searcher/spelling.h"

#include "common/text.h"

#include <algorithm>

namespace gazette {

namespace {

// A word this rare (in how many articles it appears) is checked against its
// neighbours; a neighbour must then be this many times more common.
constexpr Xapian::doccount kRareUpTo = 2;
constexpr Xapian::doccount kMoreCommonBy = 20;

bool is_plain_word(std::string_view folded) {
    return !folded.empty() && std::none_of(folded.begin(), folded.end(), [](char c) {
        return c == ' ' || c == '-' || c == '\'' || c == '*' || c == '.' || c == '/' || c == ':' || c == '"';
    });
}

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

// `suggestion` (folded, lower case) with the capitalisation of `typed`:
// "Colmbia" -> "Colombia", "COLMBIA" -> "COLOMBIA".
std::string with_case_of(std::string_view typed, std::string suggestion) {
    bool all_upper = typed.size() > 1 && std::all_of(typed.begin(), typed.end(), is_ascii_upper);
    for (std::size_t i = 0; i < suggestion.size(); ++i) {
        char& c = suggestion[i];
        if ((all_upper || (i == 0 && is_ascii_upper(typed.front()))) && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return suggestion;
}

// The better spelling of one typed word, if it needs one.
std::optional<std::string> better_word(const Xapian::Database& db, Analyzer& analyzer, std::string_view typed) {
    std::string folded = analyzer.normalise(typed);
    if (!is_plain_word(folded) || is_numeral(folded)) return std::nullopt;
    Xapian::doccount frequency = db.get_termfreq(folded);
    if (frequency > kRareUpTo) return std::nullopt;
    std::string suggestion = db.get_spelling_suggestion(folded);
    if (suggestion.empty() || suggestion == folded) return std::nullopt;
    if (frequency > 0 && db.get_termfreq(suggestion) < kMoreCommonBy * frequency) return std::nullopt;
    return with_case_of(typed, suggestion);
}

// Which parts of `query` are words of a synonym group's member ("vietnam",
// or "viet" and "nam" of "Viet Nam"): the group already finds what they
// name, so no spelling is suggested for them (a rare "vietnam" was respelt
// "vienna" while its group found "viet nam").
std::vector<bool> covered_parts(const QueryTree& query, Analyzer& analyzer, const SynonymGroups& synonyms) {
    std::vector<std::string> words;  // folded as the query builder folds them; "" for other parts
    for (const QueryPart& part : query.parts) {
        words.push_back(part.kind == QueryPart::Kind::word ? analyzer.normalise(part.text) : "");
    }
    return covered_by_synonyms(words, synonyms);
}

}  // namespace

std::optional<std::string> suggest_spelling(const Xapian::Database& db, Analyzer& analyzer, const QueryTree& query,
                                            const SynonymGroups& synonyms) {
    std::string out(query.text);
    bool changed = false;
    const std::vector<bool> covered = covered_parts(query, analyzer, synonyms);
    // From the last word back, so that the offsets of the others hold.
    for (std::size_t i = query.parts.size(); i-- > 0;) {
        const QueryPart* part = &query.parts[i];
        if (part->kind != QueryPart::Kind::word || covered[i]) continue;
        // The word inside "+(word),"; times such as 10:30 are left alone.
        std::string_view word = part->core;
        word = word.substr(0, word.find_last_not_of("),;!?") + 1);
        if (word.empty() || word.find(':') != std::string_view::npos) continue;
        if (std::optional<std::string> better = better_word(db, analyzer, word)) {
            out.replace(part->offset + part->lead.size(), word.size(), *better);
            changed = true;
        }
    }
    if (!changed) return std::nullopt;
    return out;
}

}  // namespace gazette
