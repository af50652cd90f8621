// Batches of queries (newssearch --topics FILE): one "qid<TAB>query" a line,
// each run and printed in turn, e.g. as one TREC run file.
#pragma once

#include "common/diagnostic.h"
#include "common/named_choice.h"
#include "searcher/output.h"
#include "searcher/searcher.h"

#include <filesystem>
#include <ostream>
#include <span>
#include <string>
#include <vector>

namespace gazette {

struct Topic {
    std::string qid;
    std::string query;
    std::size_t line = 0;  // in the topics file, for diagnostics
};

// The topics of `file`. Blank lines are skipped; a line without a tab, or
// with an empty qid or query, is a Diagnostic error and skipped. Throws
// InputError when the file cannot be read.
std::vector<Topic> read_topics(const std::filesystem::path& file, const DiagnosticSink& sink);

// How a batch reads its queries: as plain words by default, as TREC topics
// are meant and as newsbench eval reads them (a topic in capitals keeps its
// "AND", a numbered list "1) ... 2) ..." is text), or in the query language.
using TopicSyntaxName = NamedChoice<QuerySyntax>;
std::span<const TopicSyntaxName> topic_syntax_names();

struct BatchSummary {
    std::size_t run = 0;      // queries answered
    std::size_t matched = 0;  // of which with at least one match
    std::size_t skipped = 0;  // malformed lines and queries, reported and skipped
};

// Runs every topic of `file` with the same options and prints each result
// (in text, under a "[qid] query" line); a malformed query is a Diagnostic
// error naming its line, and the batch goes on.
BatchSummary run_topics(Searcher& searcher, const std::filesystem::path& file, const SearchOptions& options,
                        std::ostream& out, const OutputOptions& output, const DiagnosticSink& sink);

}  // namespace gazette
