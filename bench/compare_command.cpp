// newsbench compare: two TREC runs, measure by measure, with significance.
#include "bench/commands.h"
#include "bench/evaluation.h"
#include "common/command_line.h"

#include <iostream>

namespace gazette::bench {

namespace {
constexpr const char* kUsage = R"(Usage: newsbench compare RUN_A RUN_B --qrels FILE

Scores both TREC runs against the judgments and prints, per measure, the
mean of A and of B, the difference, and the p-value of a paired
randomisation test over the topics (100,000 permutations, fixed seed).)";
}  // namespace

int compare_command(int argc, const char* const argv[]) {
    std::string qrels_file;
    po::options_description options("Comparison");
    options.add_options()("qrels", po::value(&qrels_file)->required(), "TREC qrels: qid iter docno grade");
    std::vector<std::string> runs;
    if (!parse_command_line(argc, argv, options, "run", runs, kUsage)) return 0;
    if (runs.size() != 2) throw UsageError("expected two run files, RUN_A and RUN_B");

    Qrels qrels = read_qrels(qrels_file);
    Evaluation a = evaluate(read_run(runs[0]), qrels);
    Evaluation b = evaluate(read_run(runs[1]), qrels);
    std::cout << "A: " << runs[0] << "\nB: " << runs[1] << "\n" << describe(compare(a, b));
    return 0;
}

}  // namespace gazette::bench
