// Running a batch of topics through the searcher, as a TREC run: the same
// code path as newssearch, one topic at a time.
#pragma once

#include "common/evaluation.h"
#include "common/searcher.h"

#include <iosfwd>
#include <string_view>
#include <vector>

namespace gazette {

// The top `options.limit` ids and scores of every topic (ids only: no
// stored data, no snippets). Topics are read as plain words.
Run run_topics(Searcher& searcher, const std::vector<Topic>& topics, SearchOptions options);

// The run as a TREC run file: "qid Q0 docno rank score tag", topics in the
// order given.
void write_run(std::ostream& out, const std::vector<Topic>& topics, const Run& run, std::string_view tag);

}  // namespace gazette
