// newsbench eval: every topic through the searcher, scored against qrels;
// over several collections, a grid of settings and cross-validation.
#include "bench/commands.h"
#include "bench/grid.h"
#include "bench/topic_run.h"
#include "searcher/command_line.h"
#include "searcher/search_spec.h"

#include <algorithm>
#include <fstream>
#include <iostream>

namespace gazette::bench {

namespace {
constexpr const char* kUsage = R"(Usage: newsbench eval --db DIR --topics FILE --qrels FILE [options]
       newsbench eval --collection NAME=DB,TOPICS,QRELS... [--grid FILE [--folds K]] [options]

Runs every topic (one "qid<TAB>query" a line, read as plain words) through
the same search as newssearch, keeps the top 1,000 of each, and prints
trec_eval's measures: map, ndcg_cut_10, P_10, recip_rank, recall_100 and
recall_1000, averaged over the topics that have relevant judgments (a judged
topic with no results counts as 0).

--collection (repeatable) names a judged collection; several are each
reported, then their mean. --grid FILE runs every setting of FILE (ranking
options, one setting a line; a line (default) for none) on every collection and
prints a Markdown table of MAP and nDCG@10. With --folds K (at least 2) the
topics of each collection are dealt into K folds (a fixed --seed); for each
fold, the setting with the best mean --select measure over the collections
on the other folds is scored on that fold, and the table says what was
chosen, its held-out figures beside the grid's first setting (the
baseline), and per collection the cross-validated figures with the p-value
of a paired randomisation test against the baseline.)";

void print_evaluations(const std::vector<JudgedCollection>& collections, const std::vector<CollectionGrid>& scores) {
    if (scores.size() == 1) {
        std::cout << describe(scores.front().by_setting.front(), false);
        return;
    }
    Evaluation mean;
    for (std::size_t c = 0; c < scores.size(); ++c) {
        std::cout << "# " << collections[c].name << "\n" << describe(scores[c].by_setting.front(), false);
        for (std::size_t m = 0; m < kMeasureCount; ++m) {
            mean.mean[m] += scores[c].by_setting.front().mean[m] / static_cast<double>(scores.size());
        }
    }
    std::cout << "# mean of " << scores.size() << " collections\n" << describe(mean, false);
}

}  // namespace

int eval_command(int argc, const char* const argv[]) {
    std::vector<std::filesystem::path> db_dirs;
    std::vector<std::string> collection_values;
    std::string topics_file, qrels_file, run_file, grid_file, run_tag = "gazette", select = "map";
    bool per_topic = false;
    std::size_t folds = 0;
    std::uint64_t seed = kFoldSeed;
    SearchSpec spec;  // the ranking options fill it
    SearchOptions& search = spec.options;
    search.limit = 1000;
    po::options_description evaluation("Evaluation");
    evaluation.add_options()("topics", po::value(&topics_file), "topics file: qid<TAB>query per line")(
        "qrels", po::value(&qrels_file), "TREC qrels: qid iter docno grade")(
        "collection", po::value(&collection_values)->value_name("NAME=DB,TOPICS,QRELS"),
        "a judged collection (repeatable), instead of --db, --topics and --qrels")(
        "run", po::value(&run_file), "also write the TREC run to this file (one collection, no grid)")(
        "run-tag", po::value(&run_tag)->default_value(run_tag), "the run's tag (last column)")(
        "per-query", po::bool_switch(&per_topic), "print every topic's measures too (one collection, no grid)");
    po::options_description validation("Grid and cross-validation");
    validation.add_options()("grid", po::value(&grid_file)->value_name("FILE"),
                             "ranking settings to score, one a line (the first is the baseline)")(
        "folds", po::value(&folds)->value_name("K"), "cross-validate the choice of setting over K folds of topics")(
        "seed", po::value(&seed)->default_value(seed), "the seed that deals the topics into folds")(
        "select", po::value(&select)->default_value(select), "the measure a setting is chosen by (trec_eval's name)");
    po::options_description visible;
    visible.add(database_options(db_dirs, OptionNeed::optional)).add(evaluation).add(validation).add(search_option_group(spec, kRankingGroup));
    std::vector<std::string> extra;
    if (!parse_command_line(argc, argv, visible, "extra", extra, kUsage)) return 0;
    if (!extra.empty()) throw UsageError("unexpected argument '" + extra.front() + "'");

    std::vector<JudgedCollection> collections;
    for (const std::string& value : collection_values) collections.push_back(parse_collection(value));
    if (collections.empty()) {
        if (topics_file.empty() || qrels_file.empty()) throw UsageError("give --db, --topics and --qrels, or --collection");
        collections.push_back({"", db_dirs, topics_file, qrels_file});
    } else if (!db_dirs.empty() || !topics_file.empty() || !qrels_file.empty()) {
        throw UsageError("give --collection, or --db, --topics and --qrels, not both");
    }
    if (folds > 0 && grid_file.empty()) throw UsageError("--folds cross-validates a --grid: give one");
    auto names = measure_names();
    auto selected = std::find_if(names.begin(), names.end(), [&select](const MeasureName& m) { return m.name == select; });
    if (selected == names.end()) throw UsageError("--select: unknown measure '" + select + "'");
    auto sink = [](const Diagnostic& diagnostic) { std::cerr << diagnostic.to_string() << "\n"; };

    if (per_topic || !run_file.empty()) {
        if (collections.size() > 1 || !grid_file.empty()) throw UsageError("--run and --per-query take one collection and no grid");
        const JudgedCollection& collection = collections.front();
        std::vector<Topic> topics = read_topics(collection.topics, sink);
        Searcher searcher(collection.db);
        Run run = run_for_evaluation(searcher, topics, search);
        if (!run_file.empty()) {
            std::ofstream out(run_file);
            write_run(out, topics, run, run_tag);
            if (!out) throw std::runtime_error("cannot write the run to '" + run_file + "'");
        }
        std::cout << describe(evaluate(run, read_qrels(collection.qrels)), per_topic);
        return 0;
    }
    std::vector<GridSetting> grid = grid_file.empty() ? std::vector<GridSetting>{{"(default)", search.ranking}}
                                                       : read_grid(grid_file, search.ranking);
    std::vector<CollectionGrid> scores;
    for (const JudgedCollection& collection : collections) scores.push_back(evaluate_grid(collection, grid, search, sink));
    if (grid_file.empty()) {
        print_evaluations(collections, scores);
        return 0;
    }
    std::cout << describe_grid(grid, scores);
    if (folds > 0) std::cout << "\n" << describe_cross_validation(grid, scores, cross_validate(scores, folds, selected->measure, seed));
    return 0;
}

}  // namespace gazette::bench
