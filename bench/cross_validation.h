// k-fold cross-validation over topics, for choosing a ranking that
// generalises rather than the best cell of a table. Every setting of a grid
// is scored on every topic of every collection; for each fold, the setting
// with the best mean on the other folds (averaged over the collections, so
// one setting is chosen for all of them, as a default is) is scored on the
// held-out fold. What it reports is what choosing this way scores on topics
// the choice never saw.
#pragma once

#include "bench/evaluation.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace gazette {

inline constexpr std::uint64_t kFoldSeed = 20261206;

// qid -> fold in [0, folds): the qids sorted, shuffled with `seed` (by our own
// Fisher-Yates over std::mt19937_64, whose output the standard fixes, so every
// platform deals the same folds), then dealt round-robin: fold sizes differ by
// at most one. Throws std::invalid_argument for fewer than two folds or more
// folds than topics.
std::map<std::string, std::size_t> assign_folds(std::vector<std::string> qids, std::size_t folds,
                                                std::uint64_t seed = kFoldSeed);

// One collection's scores under every setting of the grid, in grid order.
struct CollectionGrid {
    std::string name;
    std::vector<Evaluation> by_setting;
};

struct FoldResult {
    std::size_t chosen = 0;            // the setting chosen on the other folds
    std::vector<Evaluation> held_out;  // per collection: the chosen setting on this fold's topics
    std::vector<Evaluation> baseline;  // per collection: setting 0 (the baseline) on the same topics
};

struct CrossValidation {
    std::vector<FoldResult> folds;
    // Per collection: every topic scored by the setting chosen without its fold.
    std::vector<Evaluation> held_out;
};

// Folds are dealt per collection (assign_folds over its evaluated topics);
// fold f of every collection is held out together. Ties go to the setting
// earlier in the grid.
CrossValidation cross_validate(const std::vector<CollectionGrid>& grid, std::size_t folds, Measure select_by,
                               std::uint64_t seed = kFoldSeed);

// Standard error of the mean per-topic difference B - A in `measure` over the
// topics both were evaluated on (0 for fewer than two): the noise of a
// difference between two systems on a handful of topics.
double standard_error_of_difference(const Evaluation& a, const Evaluation& b, Measure measure);

}  // namespace gazette
