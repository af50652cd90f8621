#include "bench/cross_validation.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

namespace gazette {

namespace {

double measure_of(const Scores& scores, Measure measure) {
    return scores[static_cast<std::size_t>(measure)];
}

// The topics of `evaluation` in fold `fold` (or, with `outside`, in every other fold).
Evaluation in_fold(const Evaluation& evaluation, const std::map<std::string, std::size_t>& fold_of, std::size_t fold,
                   bool outside) {
    Evaluation part;
    for (const auto& [qid, scores] : evaluation.per_topic) {
        if ((fold_of.at(qid) == fold) != outside) part.per_topic.emplace(qid, scores);
    }
    part.mean = mean_of(part.per_topic);
    return part;
}

}  // namespace

std::map<std::string, std::size_t> assign_folds(std::vector<std::string> qids, std::size_t folds, std::uint64_t seed) {
    if (folds < 2 || folds > qids.size()) {
        throw std::invalid_argument("cannot split " + std::to_string(qids.size()) + " topics into " +
                                    std::to_string(folds) + " folds");
    }
    std::sort(qids.begin(), qids.end());
    std::mt19937_64 random(seed);
    for (std::size_t i = qids.size() - 1; i > 0; --i) std::swap(qids[i], qids[random() % (i + 1)]);
    std::map<std::string, std::size_t> fold_of;
    for (std::size_t i = 0; i < qids.size(); ++i) fold_of[qids[i]] = i % folds;
    return fold_of;
}

CrossValidation cross_validate(const std::vector<CollectionGrid>& grid, std::size_t folds, Measure select_by,
                               std::uint64_t seed) {
    if (grid.empty() || grid.front().by_setting.empty()) throw std::invalid_argument("nothing to cross-validate");
    const std::size_t settings = grid.front().by_setting.size();
    std::vector<std::map<std::string, std::size_t>> fold_of;
    for (const CollectionGrid& collection : grid) {
        if (collection.by_setting.size() != settings)
            throw std::invalid_argument("collections scored on different grids");
        std::vector<std::string> qids;
        for (const auto& [qid, scores] : collection.by_setting.front().per_topic) qids.push_back(qid);
        fold_of.push_back(assign_folds(qids, folds, seed));
    }
    CrossValidation result;
    result.held_out.resize(grid.size());
    for (std::size_t fold = 0; fold < folds; ++fold) {
        FoldResult& choice = result.folds.emplace_back();
        double best = -1;
        for (std::size_t s = 0; s < settings; ++s) {
            double training = 0;
            for (std::size_t c = 0; c < grid.size(); ++c) {
                training += measure_of(in_fold(grid[c].by_setting[s], fold_of[c], fold, true).mean, select_by);
            }
            if (training > best) {
                best = training;
                choice.chosen = s;
            }
        }
        for (std::size_t c = 0; c < grid.size(); ++c) {
            choice.held_out.push_back(in_fold(grid[c].by_setting[choice.chosen], fold_of[c], fold, false));
            choice.baseline.push_back(in_fold(grid[c].by_setting.front(), fold_of[c], fold, false));
            result.held_out[c].per_topic.insert(choice.held_out.back().per_topic.begin(),
                                                choice.held_out.back().per_topic.end());
        }
    }
    for (Evaluation& evaluation : result.held_out) evaluation.mean = mean_of(evaluation.per_topic);
    return result;
}

double standard_error_of_difference(const Evaluation& a, const Evaluation& b, Measure measure) {
    std::vector<double> differences;
    for (const auto& [qid, scores] : a.per_topic) {
        auto other = b.per_topic.find(qid);
        if (other != b.per_topic.end())
            differences.push_back(measure_of(other->second, measure) - measure_of(scores, measure));
    }
    if (differences.size() < 2) return 0;
    double n = static_cast<double>(differences.size());
    double mean = 0;
    for (double d : differences) mean += d / n;
    double variance = 0;
    for (double d : differences) variance += (d - mean) * (d - mean) / (n - 1);
    return std::sqrt(variance / n);
}

}  // namespace gazette
