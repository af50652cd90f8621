// Ranking methods: the weighting scheme and the ways of re-scoring a query
// (title boost, proximity, pseudo-relevance feedback). None of them changes
// which articles match, only their order: every extra is joined with
// OP_AND_MAYBE to the query the user asked.
#pragma once

#include "common/named_choice.h"

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace gazette {

enum class Weighting {
    bm25, bm25plus, dlh, dph, pl2, inl2, bb2, bm25_bb2, lm, lm_dirichlet, query_likelihood, tfidf
};

using WeightingName = NamedChoice<Weighting>;

// The one table of weighting schemes, for --help, parsing and errors.
std::span<const WeightingName> weighting_names();

// Whether articles matching every word come before articles matching some.
enum class TierPolicy { all_words_first, flat };

using TierPolicyName = NamedChoice<TierPolicy>;

std::span<const TierPolicyName> tier_policy_names();

// How adjacent query words found close together add to a score.
enum class ProximityModel { phrase, pairs };

using ProximityModelName = NamedChoice<ProximityModel>;

std::span<const ProximityModelName> proximity_model_names();

// How pseudo-relevance feedback weighs the terms of the top articles.
enum class FeedbackModel { eset, rm3 };

using FeedbackModelName = NamedChoice<FeedbackModel>;

std::span<const FeedbackModelName> feedback_model_names();

// The defaults are plain Okapi BM25 (k1 1.2, b 0.75), one flat ranking, no
// feedback: under 5-fold cross-validation over TIME, NPL and LISA (issue 19,
// bench/RESULTS.md) no tuned BM25, DFR scheme, tier policy, proximity or
// feedback setting (RM3 included) beat it on news without losing on the
// other collections (the third round's BM25+, language models, InL2, BB2
// and pairs proximity over them did not either: pairs proximity at 0.02-0.1
// came closest, 0.0003 below on TIME's MAP, and BB2 with it lost one TIME
// fold by more than its noise; nor did the fourth round's BM25 without
// Xapian's length floor, or query likelihood by a weight of our own; nor
// the fifth round's BB2 with its c chosen by CV, or BM25 and BB2 mixed in one
// pass: both lost LISA's MAP, and one TIME fold by more than its noise), and
// feedback from the top articles that helped on the TIME dev topics lost
// 0.06 MAP on unseen ones. Every other method stays an option.
struct RankingOptions {
    Weighting weighting = Weighting::bm25;
    double k1 = 1.2;  // BM25 term-frequency saturation
    double b = 0.75;  // BM25 length normalisation
    // The least normalised length an article is weighed at by BM25 and BM25+
    // (Xapian's 0.5, so that a very short article does not score high; 0 =
    // no clamp, textbook BM25 and Lucene). Xapian's other BM25 knob, k3 (how
    // much a word repeated in the query counts), is left at 1: the query
    // parser writes a repeated word as separate terms, which Xapian sums, so
    // a repetition already counts in full whatever k3 says (bench/RESULTS.md,
    // "Fourth round").
    double bm25_min_normlen = 0.5;
    // BM25+'s lower bound of a matching word's term-frequency part, so that a
    // long article containing the word never scores as if it lacked it.
    double bm25plus_delta = 1.0;
    // Normalisation 2's c of the divergence-from-randomness schemes with a
    // parameter (pl2, inl2, bb2, and bm25-bb2's BB2): a word's count in an
    // article is scaled by log2(1 + c x average length / the article's
    // length), so a larger c weighs an article's length less. Xapian's and
    // Terrier's default 1, which Amati gives for short queries (7 for long).
    double dfr_c = 1.0;
    // bm25-bb2: the share of BB2 in each word's score, alpha x BB2 +
    // (1 - alpha) x BM25 (the raw scores, not normalised).
    double bb2_share = 0.5;
    // The Dirichlet prior of the language models (lm's second stage,
    // lm-dirichlet and query-likelihood): how many words of the collection's model an article's
    // own model is smoothed with.
    double lm_mu = 2000;
    TierPolicy tiers = TierPolicy::flat;
    // Query-time weight of matches in the title field (0 = off), on top of
    // the index-time title weight of schema.h.
    double title_boost = 0;
    // Sequential-dependence-style proximity: adjacent query words found as a
    // phrase (window 2) or near each other (window 8) add this weight (0 = off),
    // weighed as proximity_model says.
    double proximity_weight = 0;
    ProximityModel proximity_model = ProximityModel::phrase;
    // Pseudo-relevance feedback: the best `feedback_terms` terms of the top
    // `feedback_docs` articles (0 = off) join the query, weighted so that the
    // original query keeps `feedback_original_weight` of the total.
    std::size_t feedback_docs = 0;
    FeedbackModel feedback_model = FeedbackModel::eset;
    std::size_t feedback_terms = 10;
    double feedback_original_weight = 0.7;
    // Feedback only for queries of at least this many content words: a one-
    // or two-word keyword query says what it means, and expanding it from
    // three articles drifts to their other subjects (and costs a second pass).
    std::size_t feedback_min_words = 3;
    // Feedback only when the top of the first ranking looks coherent: the
    // first article's score exceeds the 10th's by at least this share of it
    // (1 - w10/w1; 0 = always). A flat top says the query has no clear
    // answer, and terms taken from it drift; fewer than 10 matches count as
    // a gap of 1.
    double feedback_min_gap = 0;
    // An expansion term must occur in at least this many of the feedback
    // articles (1 = any; Terrier's expansion.mindocuments is 2).
    std::size_t feedback_term_docs = 1;
};

// The rank whose score the first one's is measured against (feedback_min_gap).
inline constexpr std::size_t kGapRank = 10;

std::unique_ptr<Xapian::Weight> make_weight(const RankingOptions& options);

// The words of a folded query (TieredQuery::content) as indexed without
// stemming, stop words and field:value filters left out, in query order:
// what proximity, the title boost and feedback's word count are built from.
std::vector<std::string> content_words(std::string_view folded_query, std::string_view language);

// `query` with the extras that `options` turn on, for ranking in `db`.
// `words` are the query's content_words.
Xapian::Query rescore(const Xapian::Query& query, const std::vector<std::string>& words,
                      const RankingOptions& options, const Xapian::Database& db, std::string_view language);

}  // namespace gazette
