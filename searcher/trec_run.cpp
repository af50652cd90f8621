#include "searcher/trec_run.h"

#include <algorithm>
#include <cstdio>

namespace gazette {

void make_scores_decreasing(std::vector<RankedDoc>& docs) {
    constexpr double kStep = 1e-5;  // still apart in write_run_line's six decimals
    for (std::size_t i = 1; i < docs.size(); ++i) docs[i].score = std::min(docs[i].score, docs[i - 1].score - kStep);
}

void write_run_line(std::ostream& out, std::string_view qid, std::string_view docno, std::size_t rank, double score,
                    std::string_view tag) {
    char rank_and_score[64];
    std::snprintf(rank_and_score, sizeof rank_and_score, " %zu %.6f ", rank, score);
    out << qid << " Q0 " << docno << rank_and_score << tag << '\n';
}

}  // namespace gazette
