// newsbench eval: every topic through the searcher, scored against qrels.
#include "bench/commands.h"
#include "searcher/command_line.h"
#include "bench/topic_run.h"

#include <fstream>
#include <iostream>

namespace gazette::bench {

namespace {
constexpr const char* kUsage = R"(Usage: newsbench eval --db DIR --topics FILE --qrels FILE [options]

Runs every topic (one "qid<TAB>query" a line, read as plain words) through
the same search as newssearch, keeps the top 1,000 of each, and prints
trec_eval's measures: map, ndcg_cut_10, P_10, recip_rank, recall_100 and
recall_1000, averaged over the topics that have relevant judgments (a judged
topic with no results counts as 0).)";
}  // namespace

int eval_command(int argc, const char* const argv[]) {
    std::vector<std::filesystem::path> db_dirs;
    std::string topics_file, qrels_file, run_file, run_tag = "gazette";
    bool per_topic = false;
    SearchOptions search;
    search.limit = 1000;
    po::options_description evaluation("Evaluation");
    evaluation.add_options()("topics", po::value(&topics_file)->required(), "topics file: qid<TAB>query per line")(
        "qrels", po::value(&qrels_file)->required(), "TREC qrels: qid iter docno grade")(
        "run", po::value(&run_file), "also write the TREC run to this file")(
        "run-tag", po::value(&run_tag)->default_value(run_tag), "the run's tag (last column)")(
        "per-query", po::bool_switch(&per_topic), "print every topic's measures too");
    po::options_description visible;
    visible.add(database_options(db_dirs)).add(evaluation).add(ranking_options(search.ranking));
    std::vector<std::string> extra;
    if (!parse_command_line(argc, argv, visible, "extra", extra, kUsage)) return 0;
    if (!extra.empty()) throw UsageError("unexpected argument '" + extra.front() + "'");

    std::vector<Topic> topics = read_topics(topics_file, [](const Diagnostic& diagnostic) {
        std::cerr << diagnostic.to_string() << "\n";
    });
    Qrels qrels = read_qrels(qrels_file);
    Searcher searcher(db_dirs);
    Run run = run_for_evaluation(searcher, topics, search);
    if (!run_file.empty()) {
        std::ofstream out(run_file);
        write_run(out, topics, run, run_tag);
        if (!out) throw std::runtime_error("cannot write the run to '" + run_file + "'");
    }
    std::cout << describe(evaluate(run, qrels), per_topic);
    return 0;
}

}  // namespace gazette::bench
