// Running a batch of topics through the searcher as a TREC run, for
// evaluation: the same code path as newssearch, one topic at a time.
#pragma once

#include "searcher/batch.h"
#include "bench/evaluation.h"
#include "searcher/searcher.h"

#include <iosfwd>
#include <string_view>
#include <vector>

namespace gazette {

// The top `options.limit` ids of every topic (ids only: no stored data, no
// snippets), read as plain words. Scores are made to decrease down each list
// (make_scores_decreasing) so that the run keeps our order under trec_eval.
Run run_for_evaluation(Searcher& searcher, const std::vector<Topic>& topics, SearchOptions options);

// The run as a TREC run file: "qid Q0 docno rank score tag", topics in the
// order given.
void write_run(std::ostream& out, const std::vector<Topic>& topics, const Run& run, std::string_view tag);

}  // namespace gazette
