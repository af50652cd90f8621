// Relevance evaluation with trec_eval's definitions: topics, judgments
// (qrels), runs, the measures, and a paired significance test.
#pragma once

#include "searcher/trec_run.h"

#include <array>
#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

// A file that is not what it should be; what() names the file and line.
class EvaluationInputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// qid -> docno -> relevance grade (0 = judged not relevant).
using Qrels = std::map<std::string, std::map<std::string, int>>;

// TREC qrels: "qid iter docno grade" per line.
Qrels read_qrels(const std::filesystem::path& file);

// TREC run files: "qid Q0 docno rank score tag" per line. As trec_eval does,
// the rank column is ignored and documents are ordered by decreasing score,
// ties by decreasing docno.
Run read_run(const std::filesystem::path& file);
void sort_like_trec_eval(std::vector<RankedDoc>& docs);

enum class Measure { map, ndcg_10, p_10, mrr, recall_100, recall_1000 };
inline constexpr std::size_t kMeasureCount = 6;

struct MeasureName {
    Measure measure;
    std::string_view name;  // as trec_eval prints it
};
std::array<MeasureName, kMeasureCount> measure_names();

using Scores = std::array<double, kMeasureCount>;  // indexed by Measure

// The measures of one ranked list (at most the first 1,000 count) against the
// judgments of its topic.
Scores score_topic(const std::vector<RankedDoc>& ranked, const std::map<std::string, int>& judgments);

struct Evaluation {
    std::map<std::string, Scores> per_topic;  // every topic with a relevant judgment
    Scores mean{};
};

// The mean of each measure over the topics (zeros for none).
Scores mean_of(const std::map<std::string, Scores>& per_topic);

// The topics of the run that have a relevant judgment, as trec_eval counts
// them: a topic without judgments is left out, and a topic in the run with no
// documents scores 0. (run_topics gives every topic an entry, so a topic the
// search found nothing for counts.)
Evaluation evaluate(const Run& run, const Qrels& qrels);

// The mean of each measure, and with `per_topic` every topic's too, as the
// lines trec_eval prints: "map  all  0.6841".
std::string describe(const Evaluation& evaluation, bool per_topic);

struct MeasureComparison {
    Measure measure;
    double mean_a = 0, mean_b = 0;
    double p_value = 1;  // paired randomisation test over the topics
};

// A against B on the topics both were evaluated on (the same qrels).
std::vector<MeasureComparison> compare(const Evaluation& a, const Evaluation& b);
std::string describe(const std::vector<MeasureComparison>& comparison);

// Two-sided p-value of a paired randomisation test (Fisher's, by sign
// flipping, `trials` random permutations with a fixed seed): how likely a
// mean difference at least this large is if the two systems were the same.
double randomisation_p_value(const std::vector<double>& a, const std::vector<double>& b, std::size_t trials = 100000);

}  // namespace gazette
