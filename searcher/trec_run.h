// TREC run files, "qid Q0 docno rank score tag" a line: what newssearch
// --format trec writes and bench/evaluation.h reads and scores.
#pragma once

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

struct RankedDoc {
    std::string docno;
    double score = 0;
};

// qid -> retrieved documents, in the order trec_eval ranks them.
using Run = std::map<std::string, std::vector<RankedDoc>>;

// Lowers scores where needed so that they strictly decrease down the list:
// trec_eval re-sorts by score, and our order is not always the score's (the
// articles with every query word come first).
void make_scores_decreasing(std::vector<RankedDoc>& docs);
void write_run_line(std::ostream& out, std::string_view qid, std::string_view docno, std::size_t rank, double score,
                    std::string_view tag);

}  // namespace gazette
