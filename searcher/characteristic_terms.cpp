#include "searcher/characteristic_terms.h"

#include "common/archive_layout.h"
#include "common/json.h"
#include "common/schema.h"
#include "searcher/csv_output.h"
#include "searcher/facets.h"
#include "searcher/feature_output.h"
#include "searcher/option_table.h"
#include "searcher/search_features.h"
#include "searcher/search_spec.h"
#include "searcher/searcher.h"
#include "searcher/stopwords.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace gazette {

namespace {

// The expansion set is drawn from this many of the best matches (after
// collapsing): enough to see what coverage is about, few enough to be fast.
constexpr Xapian::doccount kSampleSize = 200;

// A phrase is a candidate when at least this many articles of the sample use
// it: fewer is chance, not coverage.
constexpr Xapian::doccount kMinPhraseArticles = 3;

// Plain words only: no field or filter terms (their prefixes are capitals),
// no numbers or words with digits ("1987", "3.5", "q1"), no stop words, no
// single letters.
class PlainWordDecider : public Xapian::ExpandDecider {
public:
    explicit PlainWordDecider(const Xapian::Stopper& stopper) : stopper_(stopper) {}
    bool operator()(const std::string& term) const override {
        if (term.size() < 2 || (term[0] >= 'A' && term[0] <= 'Z')) return false;
        if (std::any_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
        return !stopper_(term);
    }

private:
    const Xapian::Stopper& stopper_;
};

// A word a phrase may hold: a plain word of letters alone (no "company's",
// "u.s."), so that a phrase reads as two words.
bool is_phrase_word(const std::string& term, const PlainWordDecider& plain_words) {
    return plain_words(term) && std::all_of(term.begin(), term.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (static_cast<unsigned char>(c) & 0x80) != 0;
           });
}

// The best matches, one article per near-duplicate cluster: the sample both
// lists are drawn from.
std::vector<Xapian::docid> best_collapsed_matches(const Xapian::Database& db, const Xapian::Query& matches) {
    Xapian::Enquire enquire(db);
    enquire.set_query(matches);
    enquire.set_collapse_key(schema::kClusterSlot);
    std::vector<Xapian::docid> sample;
    for (Xapian::docid docid : enquire.get_mset(0, kSampleSize)) sample.push_back(docid);
    return sample;
}

// The pairs of phrase words at consecutive positions of one article, each once.
std::set<std::string> word_pairs(const Xapian::Database& db, Xapian::docid docid, const PlainWordDecider& plain_words) {
    std::map<Xapian::termpos, std::string> words;
    for (auto term = db.termlist_begin(docid); term != db.termlist_end(docid); ++term) {
        if (!is_phrase_word(*term, plain_words)) continue;
        for (auto position = term.positionlist_begin(); position != term.positionlist_end(); ++position) {
            words.emplace(*position, *term);
        }
    }
    std::set<std::string> pairs;
    if (words.empty()) return pairs;  // an article of numbers and stop words: no second word to step to
    for (auto first = words.begin(), second = std::next(first); second != words.end(); ++first, ++second) {
        if (second->first == first->first + 1) pairs.insert(first->second + " " + second->second);
    }
    return pairs;
}

Xapian::Query phrase_query(const std::string& phrase) {
    std::size_t space = phrase.find(' ');
    const std::string words[] = {phrase.substr(0, space), phrase.substr(space + 1)};
    return Xapian::Query(Xapian::Query::OP_PHRASE, std::begin(words), std::end(words), 2);
}

}  // namespace

std::vector<CharacteristicTerm> characteristic_terms(const Xapian::Database& db, const Xapian::Query& matches,
                                                     std::size_t count, std::string_view language) {
    Xapian::RSet sample;
    for (Xapian::docid docid : best_collapsed_matches(db, matches)) sample.add_document(docid);
    if (sample.empty()) return {};
    Xapian::Enquire enquire(db);
    enquire.set_query(matches);
    PlainWordDecider plain_words(stopper_for(language));
    Xapian::ESet eset = enquire.get_eset(static_cast<Xapian::termcount>(count), sample, &plain_words);
    std::vector<CharacteristicTerm> terms;
    for (auto it = eset.begin(); it != eset.end(); ++it) {
        Xapian::Query with_term(Xapian::Query::OP_FILTER, matches, Xapian::Query(*it));
        terms.push_back({*it, it.get_weight(), count_matches(db, with_term), db.get_termfreq(*it)});
    }
    return terms;
}

std::vector<CharacteristicTerm> characteristic_phrases(const Xapian::Database& db, const Xapian::Query& matches,
                                                       std::size_t count, std::string_view language) {
    const std::vector<Xapian::docid> sample = best_collapsed_matches(db, matches);
    if (sample.empty()) return {};
    PlainWordDecider plain_words(stopper_for(language));
    std::map<std::string, Xapian::doccount> in_sample;
    for (Xapian::docid docid : sample) {
        for (const auto& pair : word_pairs(db, docid, plain_words)) ++in_sample[pair];
    }
    // The most used pairs are weighed against the archive (a phrase search
    // each): weight = uses in the sample x ln(lift), the lift being how much
    // more often the sample's articles use it than the archive's.
    std::vector<std::pair<Xapian::doccount, std::string>> candidates;
    for (const auto& [pair, uses] : in_sample) {
        if (uses >= kMinPhraseArticles) candidates.emplace_back(uses, pair);
    }
    std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    candidates.resize(std::min(candidates.size(), 4 * count));
    const double sample_size = static_cast<double>(sample.size());
    const double archive_size = static_cast<double>(article_count(db));
    std::vector<CharacteristicTerm> phrases;
    for (const auto& [uses, pair] : candidates) {
        Xapian::doccount in_archive = count_matches(db, phrase_query(pair));
        double lift = (uses / sample_size) / (std::max<Xapian::doccount>(in_archive, 1) / archive_size);
        if (lift <= 1) continue;
        Xapian::Query with_phrase(Xapian::Query::OP_FILTER, matches, phrase_query(pair));
        phrases.push_back({pair, uses * std::log(lift), count_matches(db, with_phrase), in_archive});
    }
    std::sort(phrases.begin(), phrases.end(), [](const auto& a, const auto& b) {
        return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
    });
    phrases.resize(std::min(phrases.size(), count));
    return phrases;
}

namespace {

class CharacteristicTermsCollector : public MatchCollector {
public:
    explicit CharacteristicTermsCollector(std::size_t count) : count_(count) {}
    void collect(const MatchScope& scope, SearchResults& results) const override {
        const std::string& language = scope.options.language;
        CharacteristicTerms& terms =
            results.features.set<CharacteristicTerms>(characteristic_terms(scope.db, scope.matches, count_, language));
        for (auto& phrase : characteristic_phrases(scope.db, scope.matches, count_, language)) {
            terms.push_back(std::move(phrase));
        }
    }

private:
    std::size_t count_;
};

}  // namespace

void add_characteristic_terms(const FeatureSettings& wanted, const SearchOptions&, SearchFeatures& features) {
    const std::size_t count = settings_of<CharacteristicTermsSettings>(wanted).count;
    if (count == 0) return;
    features.collectors.push_back(std::make_shared<CharacteristicTermsCollector>(count));
}

std::vector<SearchOption> characteristic_terms_options() {
    constexpr std::size_t kMaxTopTerms = 1'000;
    return {count_option("top-terms", std::string(kCountsGroup), kMaxTopTerms,
                         "list the N words, then the N two-word phrases, most characteristic of the matches: "
                         "unusually frequent in the best 200 (one per near-duplicate cluster) compared with the whole "
                         "archive, stop words and numbers left out, each with the number of matching articles and of "
                         "all articles that contain it",
                         [](auto& spec) -> auto& { return settings_of<CharacteristicTermsSettings>(spec.features).count; })};
}

namespace {

class CharacteristicTermsOutput : public FeatureOutput {
public:
    // "characteristic terms (articles: matching / all)" and a line a term.
    void print_text(std::ostream& out, const SearchResults& results, bool) const override {
        const CharacteristicTerms& terms = results.features.get<CharacteristicTerms>();
        if (terms.empty()) return;
        std::size_t width = 0;
        for (const auto& term : terms) width = std::max(width, term.term.size());
        out << "\ncharacteristic terms (articles: matching / all)\n";
        for (const auto& term : terms) {
            out << "  " << term.term << std::string(width - term.term.size(), ' ') << "  " << term.in_matches << " / "
                << term.in_archive << "\n";
        }
    }

    // "top_terms":[{"term":"ico","weight":12.3,"matches":40,"archive":52},...]
    void add_json(JsonObject& json, const SearchResults& results) const override {
        const CharacteristicTerms& terms = results.features.get<CharacteristicTerms>();
        if (terms.empty()) return;
        std::vector<std::string> items;
        for (const auto& term : terms) {
            items.push_back(JsonObject()
                                .add("term", term.term)
                                .add("weight", term.weight)
                                .add("matches", static_cast<std::int64_t>(term.in_matches))
                                .add("archive", static_cast<std::int64_t>(term.in_archive))
                                .str());
        }
        json.add_raw("top_terms", json_array(items));
    }

    // term,weight,matches,archive
    std::string csv_table(const SearchResults& results) const override {
        const CharacteristicTerms& terms = results.features.get<CharacteristicTerms>();
        if (terms.empty()) return {};
        std::string table = csv_record({"term", "weight", "matches", "archive"});
        for (const auto& term : terms) {
            table += csv_record({term.term, csv_decimal(term.weight, "%.6g"), std::to_string(term.in_matches),
                                 std::to_string(term.in_archive)});
        }
        return table;
    }
};

}  // namespace

const FeatureOutput& characteristic_terms_output() {
    static const CharacteristicTermsOutput output;
    return output;
}

}  // namespace gazette
