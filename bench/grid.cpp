#include "bench/grid.h"

#include "bench/topic_run.h"
#include "common/errors.h"
#include "searcher/command_line.h"
#include "searcher/search_spec.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>

namespace gazette {

namespace {

constexpr const char* kDefaultLabel = "(default)";

RankingOptions parse_setting(const std::string& line, const RankingOptions& base) {
    std::istringstream words(line);
    std::vector<std::string> args{std::istream_iterator<std::string>(words), std::istream_iterator<std::string>()};
    SearchSpec spec;
    spec.options.ranking = base;
    po::variables_map values;
    po::store(po::command_line_parser(args).options(search_option_group(spec, kRankingGroup)).run(), values);
    po::notify(values);
    return spec.options.ranking;
}

std::string cell(const char* format, double value) {
    char text[32];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

double measure_of(const Scores& scores, Measure measure) {
    return scores[static_cast<std::size_t>(measure)];
}

// "0.7012 (+0.0120 ± 0.0200)": held-out against the baseline on one fold.
std::string fold_cell(const Evaluation& held_out, const Evaluation& baseline, Measure measure) {
    double difference = measure_of(held_out.mean, measure) - measure_of(baseline.mean, measure);
    return cell("%.4f", measure_of(held_out.mean, measure)) + " | " + cell("%.4f", measure_of(baseline.mean, measure)) +
           " | " + cell("%+.4f", difference) + " ± " +
           cell("%.4f", standard_error_of_difference(baseline, held_out, measure));
}

}  // namespace

std::vector<GridSetting> read_grid(const std::filesystem::path& file, const RankingOptions& base) {
    std::ifstream in(file);
    if (!in) throw InputError(file.string(), "cannot read the grid");
    std::vector<GridSetting> grid;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        std::size_t start = line.find_first_not_of(" \t\r");
        if (start == std::string::npos || line[start] == '#') continue;
        std::string label = line.substr(start, line.find_last_not_of(" \t\r") + 1 - start);
        try {
            grid.push_back({label, label == kDefaultLabel ? base : parse_setting(label, base)});
        } catch (const std::exception& error) {  // po::error, or UsageError for a bad choice
            throw UsageError(file.string() + ":" + std::to_string(number) + ": " + error.what());
        }
    }
    if (grid.empty()) throw UsageError(file.string() + ": the grid has no settings");
    return grid;
}

JudgedCollection parse_collection(std::string_view value) {
    std::size_t equals = value.find('=');
    std::size_t first = value.find(',', equals);
    std::size_t second = first == std::string_view::npos ? first : value.find(',', first + 1);
    if (equals == 0 || equals == std::string_view::npos || second == std::string_view::npos ||
        value.find(',', second + 1) != std::string_view::npos) {
        throw UsageError("--collection takes NAME=DB,TOPICS,QRELS, got '" + std::string(value) + "'");
    }
    return {std::string(value.substr(0, equals)),
            {std::string(value.substr(equals + 1, first - equals - 1))},
            std::string(value.substr(first + 1, second - first - 1)),
            std::string(value.substr(second + 1))};
}

CollectionGrid evaluate_grid(const JudgedCollection& collection, const std::vector<GridSetting>& grid,
                             const SearchOptions& search, const DiagnosticSink& sink) {
    std::vector<Topic> topics = read_topics(collection.topics, sink);
    Qrels qrels = read_qrels(collection.qrels);
    Searcher searcher(collection.db);
    CollectionGrid scores{collection.name, {}};
    for (const GridSetting& setting : grid) {
        SearchOptions options = search;
        options.ranking = setting.ranking;
        scores.by_setting.push_back(evaluate(run_for_evaluation(searcher, topics, options), qrels));
    }
    return scores;
}

std::string describe_grid(const std::vector<GridSetting>& grid, const std::vector<CollectionGrid>& scores) {
    std::string out = "| setting |";
    std::string rule = "| --- |";
    for (const CollectionGrid& collection : scores) {
        out += " " + collection.name + " MAP | " + collection.name + " nDCG@10 |";
        rule += " ---: | ---: |";
    }
    out += " mean MAP | mean nDCG@10 |\n" + rule + " ---: | ---: |\n";
    for (std::size_t s = 0; s < grid.size(); ++s) {
        out += "| `" + grid[s].label + "` |";
        double map = 0, ndcg = 0;
        for (const CollectionGrid& collection : scores) {
            const Scores& mean = collection.by_setting[s].mean;
            out += " " + cell("%.4f", measure_of(mean, Measure::map)) + " | " +
                   cell("%.4f", measure_of(mean, Measure::ndcg_10)) + " |";
            map += measure_of(mean, Measure::map) / static_cast<double>(scores.size());
            ndcg += measure_of(mean, Measure::ndcg_10) / static_cast<double>(scores.size());
        }
        out += " " + cell("%.4f", map) + " | " + cell("%.4f", ndcg) + " |\n";
    }
    return out;
}

std::string describe_cross_validation(const std::vector<GridSetting>& grid, const std::vector<CollectionGrid>& scores,
                                      const CrossValidation& cv) {
    std::string out = "baseline: `" + grid.front().label + "`\n\n";
    out +=
        "| fold | chosen | collection | topics | MAP | baseline | difference ± SE | nDCG@10 | baseline | difference ± "
        "SE |\n"
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n";
    for (std::size_t f = 0; f < cv.folds.size(); ++f) {
        const FoldResult& fold = cv.folds[f];
        for (std::size_t c = 0; c < scores.size(); ++c) {
            out += "| " + std::to_string(f + 1) + " | `" + grid[fold.chosen].label + "` | " + scores[c].name + " | " +
                   std::to_string(fold.held_out[c].per_topic.size()) + " | " +
                   fold_cell(fold.held_out[c], fold.baseline[c], Measure::map) + " | " +
                   fold_cell(fold.held_out[c], fold.baseline[c], Measure::ndcg_10) + " |\n";
        }
    }
    out +=
        "\n| collection | CV MAP | baseline MAP | p | CV nDCG@10 | baseline nDCG@10 | p |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n";
    Scores mean_cv{}, mean_baseline{};
    for (std::size_t c = 0; c < scores.size(); ++c) {
        out += "| " + scores[c].name + " |";
        for (const MeasureComparison& row : compare(scores[c].by_setting.front(), cv.held_out[c])) {
            if (row.measure != Measure::map && row.measure != Measure::ndcg_10) continue;
            out += " " + cell("%.4f", row.mean_b) + " | " + cell("%.4f", row.mean_a) + " | " +
                   cell("%.3f", row.p_value) + " |";
        }
        out += "\n";
        for (std::size_t m = 0; m < kMeasureCount; ++m) {
            mean_cv[m] += cv.held_out[c].mean[m] / static_cast<double>(scores.size());
            mean_baseline[m] += scores[c].by_setting.front().mean[m] / static_cast<double>(scores.size());
        }
    }
    out += "| mean | " + cell("%.4f", measure_of(mean_cv, Measure::map)) + " | " +
           cell("%.4f", measure_of(mean_baseline, Measure::map)) + " | | " +
           cell("%.4f", measure_of(mean_cv, Measure::ndcg_10)) + " | " +
           cell("%.4f", measure_of(mean_baseline, Measure::ndcg_10)) + " | |\n";
    return out;
}

}  // namespace gazette
