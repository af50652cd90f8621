#include "bench/topic_run.h"

namespace gazette {

Run run_for_evaluation(Searcher& searcher, const std::vector<Topic>& topics, SearchOptions options) {
    options.syntax = QuerySyntax::words;
    options.detail = HitDetail::ids;
    Run run;
    for (const Topic& topic : topics) {
        std::vector<RankedDoc>& ranked = run[topic.qid];
        for (const Hit& hit : searcher.search(topic.query, options).hits) ranked.push_back({hit.article.id, hit.score});
        make_scores_decreasing(ranked);
    }
    return run;
}

void write_run(std::ostream& out, const std::vector<Topic>& topics, const Run& run, std::string_view tag) {
    for (const Topic& topic : topics) {
        auto it = run.find(topic.qid);
        if (it == run.end()) continue;
        std::size_t rank = 0;
        for (const RankedDoc& doc : it->second) write_run_line(out, topic.qid, doc.docno, ++rank, doc.score, tag);
    }
}

}  // namespace gazette
