// Evaluation measures, checked against values worked out by hand from
// trec_eval's definitions.
#include "bench/evaluation.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <cmath>
#include <fstream>

using namespace gazette;

namespace {

double measure(const Scores& scores, Measure m) { return scores[static_cast<std::size_t>(m)]; }

std::vector<RankedDoc> ranked(std::initializer_list<const char*> docnos) {
    std::vector<RankedDoc> docs;
    double score = 100;
    for (const char* docno : docnos) docs.push_back({docno, score--});
    return docs;
}

}  // namespace

TEST_SUITE("bench") {

TEST_CASE("evaluation: the measures of one ranked list") {
    // Three relevant documents; the run finds d1 at rank 1 and d3 at rank 3.
    std::map<std::string, int> judgments = {{"d1", 1}, {"d2", 0}, {"d3", 1}, {"d5", 1}};
    Scores scores = score_topic(ranked({"d1", "d2", "d3", "d4"}), judgments);
    CHECK(measure(scores, Measure::map) == doctest::Approx((1.0 + 2.0 / 3.0) / 3.0));
    CHECK(measure(scores, Measure::p_10) == doctest::Approx(0.2));
    CHECK(measure(scores, Measure::mrr) == doctest::Approx(1.0));
    CHECK(measure(scores, Measure::recall_100) == doctest::Approx(2.0 / 3.0));
    // DCG = 1/log2(2) + 1/log2(4); ideal = 1/log2(2) + 1/log2(3) + 1/log2(4).
    CHECK(measure(scores, Measure::ndcg_10) == doctest::Approx(1.5 / (1.5 + 1.0 / std::log2(3.0))));

    Scores late = score_topic(ranked({"x1", "x2", "x3", "d5"}), judgments);
    CHECK(measure(late, Measure::mrr) == doctest::Approx(0.25));
    CHECK(measure(late, Measure::map) == doctest::Approx(0.25 / 3.0));
}

TEST_CASE("evaluation: only the first 1,000 documents count") {
    std::vector<RankedDoc> docs;
    for (int i = 0; i < 1000; ++i) docs.push_back({"n" + std::to_string(i), 2000.0 - i});
    docs.push_back({"rel", 1.0});
    Scores scores = score_topic(docs, {{"rel", 1}});
    CHECK(measure(scores, Measure::recall_1000) == 0);
    CHECK(measure(scores, Measure::map) == 0);
}

TEST_CASE("evaluation: ties in score are broken by decreasing docno, as trec_eval does") {
    std::vector<RankedDoc> docs = {{"a", 1.0}, {"c", 1.0}, {"b", 2.0}};
    sort_like_trec_eval(docs);
    CHECK(docs[0].docno == "b");
    CHECK(docs[1].docno == "c");
    CHECK(docs[2].docno == "a");
}

TEST_CASE("evaluation: only run topics with relevant judgments count, and an empty topic scores zero") {
    Qrels qrels = {{"1", {{"d1", 1}}}, {"2", {{"d2", 1}}}, {"3", {{"d3", 0}}}, {"4", {{"d4", 1}}}};
    // Topic 2 found nothing, topic 3 has no relevant document, topic 4 was not run.
    Run run = {{"1", ranked({"d1"})}, {"2", {}}, {"3", ranked({"d3"})}};
    Evaluation evaluation = evaluate(run, qrels);
    CHECK(evaluation.per_topic.size() == 2);
    CHECK(measure(evaluation.per_topic.at("2"), Measure::map) == 0);
    CHECK(measure(evaluation.mean, Measure::map) == doctest::Approx(0.5));
}

TEST_CASE("evaluation: files are read, and a bad line names its file and line") {
    auto dir = test::scratch_dir("evaluation");
    std::ofstream(dir / "qrels") << "1 0 d1 1\n1 0 d2 0\n3 0 d9 2\n";
    std::ofstream(dir / "run") << "1 Q0 d2 1 3.5 t\n1 Q0 d1 2 7.25 t\n";
    std::ofstream(dir / "bad.run") << "1 Q0 d2 1 3.5 t\n1 Q0 d1\n";

    CHECK(read_qrels(dir / "qrels").at("3").at("d9") == 2);
    Run run = read_run(dir / "run");
    CHECK(run.at("1").front().docno == "d1");  // by score, not by the rank column
    CHECK_THROWS_WITH_AS(read_run(dir / "bad.run"), doctest::Contains("bad.run:2: expected"), EvaluationInputError);
}

TEST_CASE("evaluation: scores made to decrease keep our order through trec_eval's sort") {
    // Tier one (every query word) before tier two, whatever the scores say.
    std::vector<RankedDoc> docs = {{"all-words", 2.0}, {"some-words", 5.0}, {"tie", 5.0}, {"low", 1.0}};
    make_scores_decreasing(docs);
    std::vector<RankedDoc> sorted = docs;
    sort_like_trec_eval(sorted);
    for (std::size_t i = 0; i < docs.size(); ++i) CHECK(sorted[i].docno == docs[i].docno);
    CHECK(docs[3].score == 1.0);  // already lower: left alone
}

TEST_CASE("evaluation: the randomisation test tells a real difference from none") {
    std::vector<double> same = {0.1, 0.5, 0.3, 0.9, 0.2};
    CHECK(randomisation_p_value(same, same, 2000) == doctest::Approx(1.0));
    std::vector<double> better(20, 0.8), worse(20, 0.2);
    CHECK(randomisation_p_value(better, worse, 20000) < 0.001);
    std::vector<double> noisy_a = {0.5, 0.4, 0.6, 0.5}, noisy_b = {0.4, 0.5, 0.5, 0.6};
    CHECK(randomisation_p_value(noisy_a, noisy_b, 20000) > 0.5);
}

}  // TEST_SUITE
