#include "bench/evaluation.h"

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <fstream>
#include <ostream>
#include <random>
#include <sstream>

namespace gazette {

namespace {

constexpr std::size_t kRunDepth = 1000;  // trec_eval's default cut-off

std::ifstream open_input(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw EvaluationInputError(file.string() + ": cannot open the file");
    return in;
}

[[noreturn]] void bad_line(const std::filesystem::path& file, std::size_t line, const std::string& what,
                           const std::string& text) {
    throw EvaluationInputError(file.string() + ":" + std::to_string(line) + ": " + what + ": \"" + text + "\"");
}

bool is_blank(const std::string& line) { return line.find_first_not_of(" \t\r") == std::string::npos; }

double relevant_in_top(const std::vector<RankedDoc>& ranked, const std::map<std::string, int>& judgments,
                       std::size_t k) {
    double found = 0;
    for (std::size_t i = 0; i < std::min(k, ranked.size()); ++i) {
        auto it = judgments.find(ranked[i].docno);
        if (it != judgments.end() && it->second > 0) ++found;
    }
    return found;
}

double ndcg_at(const std::vector<RankedDoc>& ranked, const std::map<std::string, int>& judgments, std::size_t k) {
    double dcg = 0;
    for (std::size_t i = 0; i < std::min(k, ranked.size()); ++i) {
        auto it = judgments.find(ranked[i].docno);
        if (it != judgments.end() && it->second > 0) dcg += it->second / std::log2(static_cast<double>(i) + 2);
    }
    std::vector<int> grades;
    for (const auto& [docno, grade] : judgments) {
        if (grade > 0) grades.push_back(grade);
    }
    std::sort(grades.rbegin(), grades.rend());
    double ideal = 0;
    for (std::size_t i = 0; i < std::min(k, grades.size()); ++i) ideal += grades[i] / std::log2(static_cast<double>(i) + 2);
    return ideal > 0 ? dcg / ideal : 0;
}

}  // namespace

Qrels read_qrels(const std::filesystem::path& file) {
    std::ifstream in = open_input(file);
    Qrels qrels;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (is_blank(line)) continue;
        std::istringstream fields(line);
        std::string qid, iteration, docno;
        int grade = 0;
        if (!(fields >> qid >> iteration >> docno >> grade)) bad_line(file, number, "expected \"qid iter docno grade\"", line);
        qrels[qid][docno] = grade;
    }
    return qrels;
}

void sort_like_trec_eval(std::vector<RankedDoc>& docs) {
    std::sort(docs.begin(), docs.end(), [](const RankedDoc& a, const RankedDoc& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.docno > b.docno;
    });
}

Run read_run(const std::filesystem::path& file) {
    std::ifstream in = open_input(file);
    Run run;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (is_blank(line)) continue;
        std::istringstream fields(line);
        std::string qid, q0, docno, rank, tag;
        double score = 0;
        if (!(fields >> qid >> q0 >> docno >> rank >> score)) {
            bad_line(file, number, "expected \"qid Q0 docno rank score tag\"", line);
        }
        run[qid].push_back({docno, score});
    }
    for (auto& [qid, docs] : run) sort_like_trec_eval(docs);
    return run;
}

std::array<MeasureName, kMeasureCount> measure_names() {
    return {{{Measure::map, "map"},
             {Measure::ndcg_10, "ndcg_cut_10"},
             {Measure::p_10, "P_10"},
             {Measure::mrr, "recip_rank"},
             {Measure::recall_100, "recall_100"},
             {Measure::recall_1000, "recall_1000"}}};
}

Scores score_topic(const std::vector<RankedDoc>& ranked_in, const std::map<std::string, int>& judgments) {
    std::vector<RankedDoc> ranked(ranked_in.begin(), ranked_in.begin() + std::min(ranked_in.size(), kRunDepth));
    double relevant = 0;
    for (const auto& [docno, grade] : judgments) {
        if (grade > 0) ++relevant;
    }
    Scores scores{};
    if (relevant == 0) return scores;

    double found = 0, precision_sum = 0, reciprocal_rank = 0;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        auto it = judgments.find(ranked[i].docno);
        if (it == judgments.end() || it->second <= 0) continue;
        ++found;
        precision_sum += found / static_cast<double>(i + 1);
        if (reciprocal_rank == 0) reciprocal_rank = 1.0 / static_cast<double>(i + 1);
    }
    scores[static_cast<std::size_t>(Measure::map)] = precision_sum / relevant;
    scores[static_cast<std::size_t>(Measure::ndcg_10)] = ndcg_at(ranked, judgments, 10);
    scores[static_cast<std::size_t>(Measure::p_10)] = relevant_in_top(ranked, judgments, 10) / 10;
    scores[static_cast<std::size_t>(Measure::mrr)] = reciprocal_rank;
    scores[static_cast<std::size_t>(Measure::recall_100)] = relevant_in_top(ranked, judgments, 100) / relevant;
    scores[static_cast<std::size_t>(Measure::recall_1000)] = relevant_in_top(ranked, judgments, 1000) / relevant;
    return scores;
}

Scores mean_of(const std::map<std::string, Scores>& per_topic) {
    Scores mean{};
    for (const auto& [qid, scores] : per_topic) {
        for (std::size_t m = 0; m < kMeasureCount; ++m) mean[m] += scores[m];
    }
    if (!per_topic.empty()) {
        for (double& value : mean) value /= static_cast<double>(per_topic.size());
    }
    return mean;
}

Evaluation evaluate(const Run& run, const Qrels& qrels) {
    Evaluation evaluation;
    for (const auto& [qid, retrieved] : run) {
        auto judged = qrels.find(qid);
        if (judged == qrels.end()) continue;
        const auto& judgments = judged->second;
        bool has_relevant = std::any_of(judgments.begin(), judgments.end(), [](const auto& j) { return j.second > 0; });
        if (!has_relevant) continue;
        std::vector<RankedDoc> ranked = retrieved;
        sort_like_trec_eval(ranked);
        evaluation.per_topic[qid] = score_topic(ranked, judgments);
    }
    evaluation.mean = mean_of(evaluation.per_topic);
    return evaluation;
}

namespace {

std::string format_row(std::string_view measure, std::string_view topic, double value) {
    char row[96];
    std::snprintf(row, sizeof row, "%-12.*s %-8.*s %.4f\n", static_cast<int>(measure.size()), measure.data(),
                  static_cast<int>(topic.size()), topic.data(), value);
    return row;
}

}  // namespace

std::string describe(const Evaluation& evaluation, bool per_topic) {
    std::string out;
    for (const auto& [measure, name] : measure_names()) {
        auto m = static_cast<std::size_t>(measure);
        if (per_topic) {
            for (const auto& [qid, scores] : evaluation.per_topic) out += format_row(name, qid, scores[m]);
        }
        out += format_row(name, "all", evaluation.mean[m]);
    }
    out += format_row("num_q", "all", static_cast<double>(evaluation.per_topic.size()));
    return out;
}

std::vector<MeasureComparison> compare(const Evaluation& a, const Evaluation& b) {
    std::vector<MeasureComparison> comparison;
    for (const auto& [measure, name] : measure_names()) {
        auto m = static_cast<std::size_t>(measure);
        std::vector<double> scores_a, scores_b;
        for (const auto& [qid, scores] : a.per_topic) {
            auto other = b.per_topic.find(qid);
            if (other == b.per_topic.end()) continue;
            scores_a.push_back(scores[m]);
            scores_b.push_back(other->second[m]);
        }
        MeasureComparison row{measure};
        for (std::size_t i = 0; i < scores_a.size(); ++i) {
            row.mean_a += scores_a[i] / static_cast<double>(scores_a.size());
            row.mean_b += scores_b[i] / static_cast<double>(scores_b.size());
        }
        row.p_value = randomisation_p_value(scores_a, scores_b);
        comparison.push_back(row);
    }
    return comparison;
}

std::string describe(const std::vector<MeasureComparison>& comparison) {
    std::string out = "measure            A        B   B - A   p (randomisation)\n";
    for (const auto& row : comparison) {
        std::string_view name = measure_names()[static_cast<std::size_t>(row.measure)].name;
        char line[128];
        std::snprintf(line, sizeof line, "%-12.*s %8.4f %8.4f %+7.4f   %.4f%s\n", static_cast<int>(name.size()), name.data(),
                      row.mean_a, row.mean_b, row.mean_b - row.mean_a, row.p_value, row.p_value < 0.05 ? " *" : "");
        out += line;
    }
    return out + "(* significant at p < 0.05)\n";
}

double randomisation_p_value(const std::vector<double>& a, const std::vector<double>& b, std::size_t trials) {
    if (a.size() != b.size()) throw std::invalid_argument("randomisation test: the two samples differ in size");
    if (a.empty()) return 1.0;
    std::vector<double> differences(a.size());
    double observed = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        differences[i] = a[i] - b[i];
        observed += differences[i];
    }
    observed = std::fabs(observed);
    std::mt19937_64 random(20261129);  // fixed: the same runs always give the same p-value
    std::bernoulli_distribution flip(0.5);
    std::size_t as_extreme = 0;
    for (std::size_t t = 0; t < trials; ++t) {
        double sum = 0;
        for (double difference : differences) sum += flip(random) ? -difference : difference;
        // The small tolerance counts permutations equal to the observed sum.
        if (std::fabs(sum) >= observed - 1e-12) ++as_extreme;
    }
    return static_cast<double>(as_extreme + 1) / static_cast<double>(trials + 1);
}

}  // namespace gazette
