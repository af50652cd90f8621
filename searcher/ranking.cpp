#include "searcher/ranking.h"

#include "common/schema.h"
#include "searcher/bm25_bb2_weight.h"
#include "searcher/query_likelihood_weight.h"
#include "searcher/stopwords.h"
#include "searcher/word_pair_source.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace gazette {

namespace {

constexpr WeightingName kWeightings[] = {
    {Weighting::bm25, "bm25", "Okapi BM25 (--k1, --b)"},
    {Weighting::bm25plus, "bm25plus", "BM25+ (BM25 with a lower bound for long articles)"},
    {Weighting::dlh, "dlh", "DLH, divergence from randomness, parameter-free"},
    {Weighting::dph, "dph", "DPH, divergence from randomness, parameter-free"},
    {Weighting::pl2, "pl2", "PL2, divergence from randomness"},
    {Weighting::inl2, "inl2", "InL2, divergence from randomness (inverse document frequency)"},
    {Weighting::bb2, "bb2", "BB2, divergence from randomness (Bose-Einstein)"},
    {Weighting::bm25_bb2, "bm25-bb2",
     "--bb2-share x BB2 + the rest x BM25, each word's two scores mixed in one pass (--k1, --b, --c)"},
    {Weighting::lm, "lm", "unigram language model, two-stage smoothing (Jelinek-Mercer 0.7, then Dirichlet --mu)"},
    {Weighting::lm_dirichlet, "lm-dirichlet", "query likelihood, Dirichlet smoothing (--mu), Xapian's LMWeight"},
    {Weighting::query_likelihood, "query-likelihood",
     "query likelihood, Dirichlet smoothing (--mu), Zhai and Lafferty's ranking formula"},
    {Weighting::tfidf, "tfidf", "classic TF-IDF"},
};

constexpr TierPolicyName kTierPolicies[] = {
    {TierPolicy::all_words_first, "all-words-first", "articles with every query word rank above the others"},
    {TierPolicy::flat, "flat", "one ranking by score alone"},
};

constexpr ProximityModelName kProximityModels[] = {
    {ProximityModel::phrase, "phrase",
     "a pair of adjacent query words found as a phrase or near each other adds its words' weights again "
     "(Xapian's OP_PHRASE, OP_NEAR)"},
    {ProximityModel::pairs, "pairs",
     "each pair weighed as a term of its own, BM25 over how often it occurs adjacent (full weight) or within 8 "
     "words (half), with its own document frequency (sequential dependence model)"},
};

constexpr FeedbackModelName kFeedbackModels[] = {
    {FeedbackModel::eset, "eset", "Xapian's expansion set, terms weighted by expand weight relative to the best"},
    {FeedbackModel::rm3, "rm3",
     "RM3 relevance model: P(w|R) = sum over the top articles of P(w|D) x score(D), the query's words 1/|Q| each"},
};

// Two-stage smoothing's first stage: Xapian's default Jelinek-Mercer weight.
constexpr double kTwoStageLambda = 0.7;

constexpr unsigned kPhraseWindow = 2;
constexpr unsigned kNearWindow = 8;

Xapian::Query scaled(const Xapian::Query& query, double factor) {
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, factor);
}

Xapian::Query title_query(const std::vector<std::string>& words) {
    std::vector<Xapian::Query> terms;
    for (const auto& word : words) terms.emplace_back(std::string(schema::kTitlePrefix) + word);
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// The sequential dependence model weighs a pair found within a window in
// any order at half the weight of one found adjacent in order (0.05 and 0.1).
constexpr double kNearPairShare = 0.5;

Xapian::Query word_pair_query(const std::string& first, const std::string& second, WordPairWindow window,
                              const RankingOptions& options) {
    return Xapian::Query((new WordPairSource(first, second, window, options.k1, options.b))->release());
}

// Adjacent pairs of query words, in order (a phrase) and in any order nearby.
Xapian::Query proximity_query(const std::vector<std::string>& words, const RankingOptions& options) {
    std::vector<Xapian::Query> pairs;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (options.proximity_model == ProximityModel::pairs) {
            if (words[i] == words[i + 1]) continue;  // a word is always near itself
            pairs.push_back(word_pair_query(words[i], words[i + 1], {kPhraseWindow, true}, options));
            pairs.push_back(scaled(word_pair_query(words[i], words[i + 1], {kNearWindow, false}, options), kNearPairShare));
        } else {
            Xapian::Query pair[] = {Xapian::Query(words[i]), Xapian::Query(words[i + 1])};
            pairs.emplace_back(Xapian::Query::OP_PHRASE, std::begin(pair), std::end(pair), kPhraseWindow);
            pairs.emplace_back(Xapian::Query::OP_NEAR, std::begin(pair), std::end(pair), kNearWindow);
        }
    }
    return Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end());
}

// A term feedback may add: a stemmed form (one a word), no number, no stop
// word.
bool expansion_candidate(const std::string& term, const Xapian::Stopper& stopper) {
    if (term.size() < 4 || term[0] != 'Z' || !std::islower(static_cast<unsigned char>(term[1]))) return false;
    if (std::any_of(term.begin() + 1, term.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return false;
    return !stopper(term.substr(1));
}

// Xapian's expansion set chooses among the expansion candidates, nothing the
// query has already.
// With `min_docs` above 1, only terms found in at least that many of the
// feedback articles: a term of one article alone pulls the query towards
// that article's subject, which on news, where a topic often has one or two
// relevant articles, is usually another story.
class FeedbackTermDecider : public Xapian::ExpandDecider {
public:
    FeedbackTermDecider(const Xapian::Query& query, std::string_view language, const Xapian::Database& db,
                        const std::vector<Xapian::docid>& feedback_docs, std::size_t min_docs)
        : query_terms_(query.get_unique_terms_begin(), query.get_unique_terms_end()), stopper_(stopper_for(language)),
          min_docs_(min_docs) {
        if (min_docs_ <= 1) return;
        for (Xapian::docid doc : feedback_docs) {
            for (auto term = db.termlist_begin(doc); term != db.termlist_end(doc); ++term) ++docs_with_term_[*term];
        }
    }

    bool operator()(const std::string& term) const override {
        if (!expansion_candidate(term, stopper_)) return false;
        if (std::find(query_terms_.begin(), query_terms_.end(), term) != query_terms_.end()) return false;
        if (min_docs_ > 1) {
            auto found = docs_with_term_.find(term);
            if (found == docs_with_term_.end() || found->second < min_docs_) return false;
        }
        return true;
    }

private:
    std::vector<std::string> query_terms_;
    const Xapian::Stopper& stopper_;
    std::size_t min_docs_;
    std::map<std::string, std::size_t> docs_with_term_;
};

// 1 - w10/w1 over a ranking (1 with fewer than kGapRank articles).
double score_gap(const Xapian::MSet& top) {
    if (top.size() < kGapRank || top.begin().get_weight() <= 0) return 1;
    return 1 - top[static_cast<Xapian::doccount>(kGapRank - 1)].get_weight() / top.begin().get_weight();
}

struct ScoredArticle {
    Xapian::docid doc;
    double score;
};

// The top `feedback_docs` articles of the first pass with their scores; none
// when the top is flatter than feedback_min_gap.
std::vector<ScoredArticle> feedback_articles(const Xapian::Query& query, const RankingOptions& options,
                                             const Xapian::Database& db) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(*make_weight(options));
    Xapian::MSet top = enquire.get_mset(0, static_cast<Xapian::doccount>(std::max(options.feedback_docs, kGapRank)));
    std::vector<ScoredArticle> articles;
    if (top.empty() || score_gap(top) < options.feedback_min_gap) return articles;
    for (auto it = top.begin(); it != top.end() && articles.size() < options.feedback_docs; ++it) {
        articles.push_back({*it, it.get_weight()});
    }
    return articles;
}

// Xapian's expansion set over the feedback articles, each term weighted by
// its expand weight relative to the best term's.
Xapian::Query expansion_set_query(const Xapian::Query& query, const std::vector<ScoredArticle>& articles,
                                  const RankingOptions& options, const Xapian::Database& db, std::string_view language) {
    std::vector<Xapian::docid> feedback_docs;
    Xapian::RSet feedback_set;
    for (const auto& article : articles) {
        feedback_docs.push_back(article.doc);
        feedback_set.add_document(article.doc);
    }
    FeedbackTermDecider decider(query, language, db, feedback_docs, options.feedback_term_docs);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    // Exact term frequencies: over shards Xapian would otherwise take them
    // from the shard the term was found in, and the expansion (so every
    // score) would depend on how the articles were sharded.
    Xapian::ESet terms = enquire.get_eset(static_cast<Xapian::termcount>(options.feedback_terms), feedback_set,
                                          Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
    if (terms.empty()) return {};
    double best = terms.begin().get_weight();
    std::vector<Xapian::Query> weighted;
    for (auto it = terms.begin(); it != terms.end(); ++it) weighted.push_back(scaled(Xapian::Query(*it), it.get_weight() / best));
    return Xapian::Query(Xapian::Query::OP_OR, weighted.begin(), weighted.end());
}

// A term in more than this share of all articles says nothing of a topic;
// RM3 leaves it out of the relevance model (as Anserini does).
constexpr double kRelevanceModelMaxDocShare = 0.1;

// RM3's relevance model: P(w|R) proportional to the sum over the feedback
// articles D of P(w|D)·score(D), P(w|D) the term's share of D's candidate
// terms (expansion_candidate, not too common). The `feedback_terms` likeliest
// terms, the query's own words among them, normalised to sum to `query_words`:
// beside the original query, whose words weigh 1 each, the two parts then
// stand as RM3's interpolation of two distributions that each sum to one.
Xapian::Query relevance_model_query(const std::vector<ScoredArticle>& articles, std::size_t query_words,
                                    const RankingOptions& options, const Xapian::Database& db, std::string_view language) {
    const Xapian::Stopper& stopper = stopper_for(language);
    const double max_docs = kRelevanceModelMaxDocShare * db.get_doccount();
    std::map<std::string, double> model;
    for (const auto& article : articles) {
        std::vector<std::pair<std::string, double>> terms;
        double length = 0;
        for (auto term = db.termlist_begin(article.doc); term != db.termlist_end(article.doc); ++term) {
            if (!expansion_candidate(*term, stopper) || db.get_termfreq(*term) > max_docs) continue;
            terms.emplace_back(*term, term.get_wdf());
            length += term.get_wdf();
        }
        for (const auto& [term, wdf] : terms) model[term] += wdf / length * article.score;
    }
    std::vector<std::pair<std::string, double>> likeliest(model.begin(), model.end());
    std::size_t kept = std::min(options.feedback_terms, likeliest.size());
    // Ties broken by the term, so that the expansion never depends on order.
    std::partial_sort(likeliest.begin(), likeliest.begin() + static_cast<std::ptrdiff_t>(kept), likeliest.end(),
                      [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    likeliest.resize(kept);
    double total = 0;
    for (const auto& entry : likeliest) total += entry.second;
    if (total <= 0) return {};
    std::vector<Xapian::Query> weighted;
    for (const auto& [term, weight] : likeliest) {
        weighted.push_back(scaled(Xapian::Query(term), static_cast<double>(query_words) * weight / total));
    }
    return Xapian::Query(Xapian::Query::OP_OR, weighted.begin(), weighted.end());
}

Xapian::Query feedback_query(const Xapian::Query& query, std::size_t query_words, const RankingOptions& options,
                             const Xapian::Database& db, std::string_view language) {
    std::vector<ScoredArticle> articles = feedback_articles(query, options, db);
    if (articles.empty()) return {};
    switch (options.feedback_model) {
    case FeedbackModel::eset: return expansion_set_query(query, articles, options, db, language);
    case FeedbackModel::rm3: return relevance_model_query(articles, query_words, options, db, language);
    }
    throw std::logic_error("unknown feedback model");
}

}  // namespace

std::span<const WeightingName> weighting_names() { return kWeightings; }

std::span<const TierPolicyName> tier_policy_names() { return kTierPolicies; }

std::span<const FeedbackModelName> feedback_model_names() { return kFeedbackModels; }

std::span<const ProximityModelName> proximity_model_names() { return kProximityModels; }

std::unique_ptr<Xapian::Weight> make_weight(const RankingOptions& options) {
    switch (options.weighting) {
    case Weighting::bm25:
        return std::make_unique<Xapian::BM25Weight>(options.k1, 0, 1, options.b, options.bm25_min_normlen);
    case Weighting::bm25plus:
        return std::make_unique<Xapian::BM25PlusWeight>(options.k1, 0, 1, options.b,
                                                        options.bm25_min_normlen, options.bm25plus_delta);
    case Weighting::dlh: return std::make_unique<Xapian::DLHWeight>();
    case Weighting::dph: return std::make_unique<Xapian::DPHWeight>();
    case Weighting::pl2: return std::make_unique<Xapian::PL2Weight>(options.dfr_c);
    case Weighting::inl2: return std::make_unique<Xapian::InL2Weight>(options.dfr_c);
    case Weighting::bb2: return std::make_unique<Xapian::BB2Weight>(options.dfr_c);
    case Weighting::bm25_bb2:
        return std::make_unique<BM25BB2Weight>(BM25BB2Weight::Parameters{
            options.k1, options.b, options.bm25_min_normlen, options.dfr_c, options.bb2_share});
    case Weighting::lm:
        return std::make_unique<Xapian::LMWeight>(0, Xapian::Weight::TWO_STAGE_SMOOTHING, kTwoStageLambda, options.lm_mu);
    case Weighting::lm_dirichlet:
        return std::make_unique<Xapian::LMWeight>(0, Xapian::Weight::DIRICHLET_SMOOTHING, options.lm_mu, 0);
    case Weighting::query_likelihood: return std::make_unique<QueryLikelihoodWeight>(options.lm_mu);
    case Weighting::tfidf: return std::make_unique<Xapian::TfIdfWeight>("ntn");
    }
    throw std::logic_error("unknown weighting scheme");
}

std::vector<std::string> content_words(std::string_view folded_query, std::string_view language) {
    std::string text;
    for (std::size_t pos = 0; pos < folded_query.size();) {
        std::size_t end = std::min(folded_query.find(' ', pos), folded_query.size());
        std::string_view token = folded_query.substr(pos, end - pos);
        if (token.find(':') == std::string_view::npos) text.append(token).append(" ");
        pos = end + 1;
    }
    Xapian::TermGenerator splitter;  // no stemmer: the unstemmed, positional terms
    Xapian::Document doc;
    splitter.set_document(doc);
    splitter.index_text(text);
    const Xapian::Stopper& stopper = stopper_for(language);
    std::map<Xapian::termpos, std::string> by_position;
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
        if (stopper(*term)) continue;
        for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) by_position[*pos] = *term;
    }
    std::vector<std::string> words;
    for (auto& [position, word] : by_position) words.push_back(std::move(word));
    return words;
}

Xapian::Query rescore(const Xapian::Query& query, const std::vector<std::string>& words,
                      const RankingOptions& options, const Xapian::Database& db, std::string_view language) {
    std::vector<Xapian::Query> extras;
    if (options.title_boost > 0 && !words.empty()) extras.push_back(scaled(title_query(words), options.title_boost));
    if (options.proximity_weight > 0 && words.size() > 1) {
        extras.push_back(scaled(proximity_query(words, options), options.proximity_weight));
    }
    Xapian::Query base = query;
    if (options.feedback_docs > 0 && words.size() >= options.feedback_min_words) {
        Xapian::Query expansion = feedback_query(query, words.size(), options, db, language);
        if (!expansion.empty()) {
            double original = options.feedback_original_weight;
            base = scaled(query, original);
            extras.push_back(scaled(expansion, 1.0 - original));
        }
    }
    if (extras.empty()) return base;
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, base,
                         Xapian::Query(Xapian::Query::OP_OR, extras.begin(), extras.end()));
}

}  // namespace gazette
