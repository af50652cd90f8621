#include "searcher/ranking.h"

#include "common/schema.h"
#include "searcher/stopwords.h"

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
    {Weighting::lm, "lm", "unigram language model, two-stage smoothing"},
    {Weighting::tfidf, "tfidf", "classic TF-IDF"},
};

constexpr TierPolicyName kTierPolicies[] = {
    {TierPolicy::all_words_first, "all-words-first", "articles with every query word rank above the others"},
    {TierPolicy::flat, "flat", "one ranking by score alone"},
};

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

// Adjacent pairs of query words, in order (a phrase) and in any order nearby.
Xapian::Query proximity_query(const std::vector<std::string>& words) {
    std::vector<Xapian::Query> pairs;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        Xapian::Query pair[] = {Xapian::Query(words[i]), Xapian::Query(words[i + 1])};
        pairs.emplace_back(Xapian::Query::OP_PHRASE, std::begin(pair), std::end(pair), kPhraseWindow);
        pairs.emplace_back(Xapian::Query::OP_NEAR, std::begin(pair), std::end(pair), kNearWindow);
    }
    return Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end());
}

// Feedback terms: stemmed words only (one form per word), no stop words, no
// numbers, nothing the query has already.
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
        if (term.size() < 4 || term[0] != 'Z' || !std::islower(static_cast<unsigned char>(term[1]))) return false;
        if (std::any_of(term.begin() + 1, term.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
            return false;
        if (std::find(query_terms_.begin(), query_terms_.end(), term) != query_terms_.end()) return false;
        if (min_docs_ > 1) {
            auto found = docs_with_term_.find(term);
            if (found == docs_with_term_.end() || found->second < min_docs_) return false;
        }
        return !stopper_(term.substr(1));
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

Xapian::Query feedback_query(const Xapian::Query& query, const RankingOptions& options, const Xapian::Database& db,
                             std::string_view language) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(*make_weight(options));
    Xapian::MSet top = enquire.get_mset(0, static_cast<Xapian::doccount>(std::max(options.feedback_docs, kGapRank)));
    if (top.empty() || score_gap(top) < options.feedback_min_gap) return {};
    std::vector<Xapian::docid> feedback_docs;
    for (auto it = top.begin(); it != top.end() && feedback_docs.size() < options.feedback_docs; ++it) {
        feedback_docs.push_back(*it);
    }
    Xapian::RSet feedback_set;
    for (Xapian::docid doc : feedback_docs) feedback_set.add_document(doc);

    FeedbackTermDecider decider(query, language, db, feedback_docs, options.feedback_term_docs);
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

}  // namespace

std::span<const WeightingName> weighting_names() { return kWeightings; }

std::span<const TierPolicyName> tier_policy_names() { return kTierPolicies; }

std::unique_ptr<Xapian::Weight> make_weight(const RankingOptions& options) {
    switch (options.weighting) {
    case Weighting::bm25: return std::make_unique<Xapian::BM25Weight>(options.k1, 0, 1, options.b, 0.5);
    case Weighting::bm25plus: return std::make_unique<Xapian::BM25PlusWeight>(options.k1, 0, 1, options.b, 0.5, 1.0);
    case Weighting::dlh: return std::make_unique<Xapian::DLHWeight>();
    case Weighting::dph: return std::make_unique<Xapian::DPHWeight>();
    case Weighting::pl2: return std::make_unique<Xapian::PL2Weight>(1.0);
    case Weighting::lm: return std::make_unique<Xapian::LMWeight>();
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
        extras.push_back(scaled(proximity_query(words), options.proximity_weight));
    }
    Xapian::Query base = query;
    if (options.feedback_docs > 0 && words.size() >= options.feedback_min_words) {
        Xapian::Query expansion = feedback_query(query, options, db, language);
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
