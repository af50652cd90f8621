// newsbench eval over several judged collections and a grid of ranking
// settings: reading the grid and the collections, scoring every setting on
// every collection, and the tables that report it (with cross-validation,
// bench/cross_validation.h).
#pragma once

#include "bench/cross_validation.h"
#include "bench/evaluation.h"
#include "common/diagnostic.h"
#include "searcher/ranking.h"
#include "searcher/searcher.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

struct GridSetting {
    std::string label;  // the options as written, "(default)" for none
    RankingOptions ranking;
};

// One setting a line: ranking options as newsbench eval takes them (e.g.
// "--weighting bm25 --feedback-docs 0"), applied over `base`; "(default)" is
// `base` itself. Blank lines and lines starting with '#' are skipped. Throws
// UsageError naming the file and line of a bad option, InputError when the
// file cannot be read.
std::vector<GridSetting> read_grid(const std::filesystem::path& file, const RankingOptions& base);

struct JudgedCollection {
    std::string name;
    std::vector<std::filesystem::path> db;  // one database, or the shards of one
    std::filesystem::path topics, qrels;
};

// "NAME=DB,TOPICS,QRELS"; throws UsageError naming the value otherwise.
JudgedCollection parse_collection(std::string_view value);

// Every topic of `collection` under every setting, in grid order (`search`
// gives the rest of the search options).
CollectionGrid evaluate_grid(const JudgedCollection& collection, const std::vector<GridSetting>& grid,
                             const SearchOptions& search, const DiagnosticSink& sink);

// Markdown tables. The grid: every setting's MAP and nDCG@10 on each
// collection and their mean.
std::string describe_grid(const std::vector<GridSetting>& grid, const std::vector<CollectionGrid>& scores);

// Cross-validation: per fold and collection, the setting chosen on the other
// folds, its held-out MAP and nDCG@10 beside the baseline's (the grid's first
// setting), the difference and its standard error; then per collection the
// cross-validated figures, the baseline's and the randomisation test's p, and
// their mean over the collections.
std::string describe_cross_validation(const std::vector<GridSetting>& grid, const std::vector<CollectionGrid>& scores,
                                      const CrossValidation& cv);

}  // namespace gazette
