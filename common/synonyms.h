// Synonyms: groups of words and phrases that name the same thing, e.g.
//   US, U.S., United States, USA
// newsindex --synonyms FILE (one group a line) stores them in the database;
// a query word or phrase that is a member matches any member of its group.
//
// Xapian's own synonym table maps terms to terms, which cannot say that
// "us" means the phrase "united states"; so the groups are stored as database
// metadata and the query builder writes a member of a group that a query
// names in plain words as its whole group: "us troops" becomes
// '(us OR "united states" OR usa) troops'.
#pragma once

#include "common/analyzer.h"
#include "common/diagnostic.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace gazette {

// Each group's members, folded by the analyzer ("U.S." -> "us"), without
// repeats; a group has at least two members.
using SynonymGroups = std::vector<std::vector<std::string>>;

// Reads FILE: one comma-separated group a line; blank lines and lines
// starting with '#' are skipped, a line with fewer than two members is a
// Diagnostic error. Throws InputError when the file cannot be read.
SynonymGroups read_synonym_groups(const std::filesystem::path& file, Analyzer& analyzer, const DiagnosticSink& sink);

// The metadata key, and the groups' form there: one group a line, members
// separated by ", ".
inline constexpr std::string_view kSynonymsMetadataKey = "gazette:synonyms";
std::string serialise(const SynonymGroups& groups);
SynonymGroups parse_synonym_groups(std::string_view stored);

// Replaces `db`'s synonym groups with `groups`, uncommitted.
void store_synonym_groups(Xapian::WritableDatabase& db, const SynonymGroups& groups);

// The longest member of a group that `words` (folded, one a word) spell
// from `at` on, all of them plain words (no syntax: quotes, fields, signs):
// its group and its length in words; no group and 0 when there is none.
struct SynonymMatch {
    const std::vector<std::string>* group = nullptr;
    std::size_t length = 0;
};
SynonymMatch synonym_at(const std::vector<std::string>& words, std::size_t at, const SynonymGroups& groups);

// The members of groups that `words` (folded, one a word; "" for a piece of
// query syntax, which no member spans) spell, read from the first word on:
// the words of a member found are not the start of another. One entry a
// word: the member that starts there, or none.
std::vector<SynonymMatch> synonyms_in(const std::vector<std::string>& words, const SynonymGroups& groups);

// Which of `words` a member found by synonyms_in spells.
std::vector<bool> covered_by_synonyms(const std::vector<std::string>& words, const SynonymGroups& groups);

// A group as a query: its members ORed in brackets, a member of several
// words in quotes: '(us OR "united states" OR usa)'.
std::string group_query(const std::vector<std::string>& group);

}  // namespace gazette
