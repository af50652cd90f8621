#include "searcher/explain.h"

#include "common/json.h"
#include "common/schema.h"
#include "searcher/feature_output.h"
#include "searcher/option_table.h"
#include "searcher/ranking.h"
#include "searcher/search_features.h"
#include "searcher/search_spec.h"
#include "searcher/searcher.h"

#include <algorithm>
#include <set>

namespace gazette {

namespace {

// Accepts only the documents being explained.
class DocidSet : public Xapian::MatchDecider {
public:
    explicit DocidSet(const std::vector<Xapian::docid>& docids) : docids_(docids.begin(), docids.end()) {}
    bool operator()(const Xapian::Document& doc) const override { return docids_.count(doc.get_docid()) != 0; }

private:
    std::set<Xapian::docid> docids_;
};

// Parts with the same readable term add up: "cocoa" stemmed (Zcocoa) and
// exact (cocoa, from a phrase) are one word to the reader.
void add_part(std::vector<TermContribution>& parts, const std::string& term, double weight) {
    auto same = std::find_if(parts.begin(), parts.end(), [&term](const TermContribution& part) { return part.term == term; });
    if (same != parts.end()) same->weight += weight;
    else parts.push_back({term, weight});
}

}  // namespace

std::string readable_term(std::string_view term) {
    if (term.starts_with('Z')) term.remove_prefix(1);  // stemmed
    static constexpr struct {
        std::string_view prefix;
        std::string_view field;
    } kFields[] = {{schema::kTitlePrefix, "title:"}, {schema::kBylinePrefix, "byline:"}, {schema::kLocationPrefix, "location:"}};
    for (const auto& field : kFields) {
        if (term.starts_with(field.prefix)) return std::string(field.field) + std::string(term.substr(field.prefix.size()));
    }
    return std::string(term);
}

std::map<Xapian::docid, std::vector<TermContribution>> explain_scores(const Xapian::Database& db,
                                                                      const Xapian::Query& query,
                                                                      const Xapian::Weight& weighting,
                                                                      const std::vector<Xapian::docid>& docids) {
    std::map<Xapian::docid, std::vector<TermContribution>> parts;
    DocidSet only_these(docids);
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(weighting);
    for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
        enquire.set_query(Xapian::Query(*term));
        Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(docids.size()), nullptr, &only_these);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            if (it.get_weight() > 0) add_part(parts[*it], readable_term(*term), it.get_weight());
        }
    }
    for (auto& [docid, terms] : parts) {
        std::stable_sort(terms.begin(), terms.end(),
                         [](const TermContribution& a, const TermContribution& b) { return a.weight > b.weight; });
    }
    return parts;
}

namespace {

class Explainer : public HitDecorator {
public:
    void decorate(const HitScope& scope, std::span<Hit> hits) const override {
        std::vector<Xapian::docid> docids;
        for (const Hit& hit : hits) docids.push_back(hit.docid);
        auto parts = explain_scores(scope.db, scope.matches, *make_weight(scope.options.ranking), docids);
        for (Hit& hit : hits) hit.features.set<Explanation>(std::move(parts[hit.docid]));
    }
    bool one_at_a_time() const override { return false; }
};

}  // namespace

void add_explanations(const FeatureSettings& wanted, const SearchOptions&, SearchFeatures& features) {
    if (settings_of<ExplainSettings>(wanted).shown) features.decorators.push_back(std::make_shared<Explainer>());
}

std::vector<SearchOption> explanation_options() {
    return {flag_option("explain", std::string(kResultsGroup),
                        "show, for each hit, how much each query term added to its score",
                        [](auto& spec) -> auto& { return settings_of<ExplainSettings>(spec.features).shown; })};
}

namespace {

class ExplanationOutput : public FeatureOutput {
public:
    // "     explain: cocoa 4.21 + title:cocoa 1.3 + (other 0.5)"; "other" is
    // what no query term accounts for (the recency boost).
    void print_hit_text(std::ostream& out, const Hit& hit) const override {
        const Explanation& explanation = hit.features.get<Explanation>();
        if (explanation.empty()) return;
        out << "     explain:";
        double sum = 0;
        for (std::size_t i = 0; i < explanation.size(); ++i) {
            out << (i == 0 ? " " : " + ") << explanation[i].term << " " << explanation[i].weight;
            sum += explanation[i].weight;
        }
        if (hit.score - sum > 1e-6) out << " + (other " << hit.score - sum << ")";
        out << "\n";
    }

    // "explain":[{"term":"cocoa","weight":4.21},...]
    void add_hit_json(JsonObject& json, const Hit& hit) const override {
        const Explanation& explanation = hit.features.get<Explanation>();
        if (explanation.empty()) return;
        std::vector<std::string> items;
        for (const auto& part : explanation) {
            items.push_back(JsonObject().add("term", part.term).add("weight", part.weight).str());
        }
        json.add_raw("explain", json_array(items));
    }
};

}  // namespace

const FeatureOutput& explanation_output() {
    static const ExplanationOutput output;
    return output;
}

}  // namespace gazette
