// "Did you mean": spelling suggestions from the index's own vocabulary.
//
// newsindex records every free-text word in the database's spelling table
// (indexer/spelling_tally.h). For each plain word of a query that is absent
// from the index, or rare while a word within two edits is far more common,
// the suggestion swaps in that word. It is only ever shown, never searched
// for instead.
#pragma once

#include "common/analyzer.h"
#include "common/synonyms.h"
#include "searcher/query_tree.h"

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace gazette {

// The query with its misspelt words replaced, keeping everything else as
// typed (other words, operators, fields, phrases) and each replaced word's
// capitalisation ("Colmbia nato" -> "Colombia nato"); nullopt when every
// word looks right or nothing better is known. A word that a member of one
// of `synonyms` spells is left alone: its group finds what it names.
std::optional<std::string> suggest_spelling(const Xapian::Database& db, Analyzer& analyzer, const QueryTree& query,
                                            const SynonymGroups& synonyms);

}  // namespace gazette
