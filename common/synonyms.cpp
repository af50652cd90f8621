#include "common/synonyms.h"

#include "common/text.h"
#include "common/errors.h"

#include <algorithm>
#include <fstream>

namespace gazette {

namespace {

std::string trimmed(std::string_view text) {
    std::size_t start = text.find_first_not_of(" \t\r");
    if (start == std::string_view::npos) return {};
    return std::string(text.substr(start, text.find_last_not_of(" \t\r") + 1 - start));
}

// A member as the query names it: a word, or a phrase in quotes.
std::string as_query(const std::string& member) {
    return member.find(' ') == std::string::npos ? member : "\"" + member + "\"";
}

// The words of the query from `at` on spell `member` (its words, in order).
bool member_at(const std::vector<std::string>& words, std::size_t at, const std::vector<std::string>& member) {
    if (at + member.size() > words.size()) return false;
    return std::equal(member.begin(), member.end(), words.begin() + static_cast<std::ptrdiff_t>(at));
}

// A word that may be part of a synonym: plain text, not syntax.
bool is_plain(const std::string& word) {
    return !word.empty() && word.find_first_of("\"():+-*") == std::string::npos;
}

}  // namespace

SynonymGroups read_synonym_groups(const std::filesystem::path& file, Analyzer& analyzer, const DiagnosticSink& sink) {
    std::ifstream in(file);
    if (!in) throw InputError(file.string(), "cannot read the synonyms file");
    SynonymGroups groups;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        std::string text = trimmed(line);
        if (text.empty() || text.front() == '#') continue;
        std::vector<std::string> group;
        for (const auto& member : split(text, ",")) {
            std::string folded = trimmed(analyzer.normalise(trimmed(member)));
            if (!folded.empty() && std::find(group.begin(), group.end(), folded) == group.end()) group.push_back(folded);
        }
        if (group.size() < 2) {
            sink({Severity::error, file.string(), number, "a synonym group needs two different members: '" + text + "'"});
            continue;
        }
        groups.push_back(std::move(group));
    }
    return groups;
}

std::string serialise(const SynonymGroups& groups) {
    std::string out;
    for (const auto& group : groups) {
        for (std::size_t i = 0; i < group.size(); ++i) out += (i == 0 ? "" : ", ") + group[i];
        out += "\n";
    }
    return out;
}

void store_synonym_groups(Xapian::WritableDatabase& db, const SynonymGroups& groups) {
    db.set_metadata(std::string(kSynonymsMetadataKey), serialise(groups));
}

SynonymGroups parse_synonym_groups(std::string_view stored) {
    SynonymGroups groups;
    for (const auto& line : split(stored, "\n")) {
        std::vector<std::string> group;
        for (const auto& member : split(line, ",")) group.push_back(trimmed(member));
        groups.push_back(std::move(group));
    }
    return groups;
}

SynonymMatch synonym_at(const std::vector<std::string>& words, std::size_t at, const SynonymGroups& groups) {
    SynonymMatch found;
    for (const auto& group : groups) {
        for (const auto& member : group) {
            std::vector<std::string> member_words = split(member, " ");
            const auto from = words.begin() + static_cast<std::ptrdiff_t>(at);
            const auto to = from + static_cast<std::ptrdiff_t>(std::min(member_words.size(), words.size() - at));
            bool plain = std::all_of(from, to, is_plain);
            if (plain && member_words.size() > found.length && member_at(words, at, member_words)) {
                found = {&group, member_words.size()};
            }
        }
    }
    return found;
}

std::vector<SynonymMatch> synonyms_in(const std::vector<std::string>& words, const SynonymGroups& groups) {
    std::vector<SynonymMatch> found(words.size());
    for (std::size_t at = 0; at < words.size();) {
        found[at] = synonym_at(words, at, groups);
        at += std::max<std::size_t>(found[at].length, 1);
    }
    return found;
}

std::vector<bool> covered_by_synonyms(const std::vector<std::string>& words, const SynonymGroups& groups) {
    const std::vector<SynonymMatch> found = synonyms_in(words, groups);
    std::vector<bool> covered(words.size(), false);
    for (std::size_t at = 0; at < words.size(); ++at) {
        std::fill_n(covered.begin() + static_cast<std::ptrdiff_t>(at), found[at].length, true);
    }
    return covered;
}

std::string group_query(const std::vector<std::string>& group) {
    std::string out = "(";
    for (std::size_t i = 0; i < group.size(); ++i) out += (i == 0 ? "" : " OR ") + as_query(group[i]);
    return out + ")";
}

}  // namespace gazette
