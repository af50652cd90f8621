#include "searcher/facets.h"

#include "common/analyzer.h"
#include "common/json.h"
#include "common/schema.h"
#include "searcher/csv_output.h"
#include "searcher/feature_output.h"
#include "searcher/option_table.h"
#include "searcher/search_features.h"
#include "searcher/search_spec.h"
#include "searcher/searcher.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string_view>
#include <vector>

namespace gazette {

namespace {

constexpr FacetName kFacets[] = {
    {Facet::source, "source", "the outlet"},
    {Facet::year, "year", "the year of publication"},
    {Facet::month, "month", "the month of publication"},
    {Facet::topic, "topic", "the topic tags"},
    {Facet::place, "place", "the place tags"},
    {Facet::language, "lang", "the language (ISO 639-1 code)"},
};

// A tag's filter term holds it folded (fold_tag), so "Reuters" and "REUTERS"
// are one filter; the facets count them as one value too, or a facet's count
// would not be what filtering by its value finds.
std::string filter_key(std::string_view tag) {
    thread_local Analyzer analyzer;  // not thread-safe, and costly to build per search
    return fold_tag(analyzer, tag);
}

// The counts of the spellings of each filter key summed, under its most
// frequent spelling.
std::map<std::string, Xapian::doccount> merged_by_filter_key(const std::map<std::string, Xapian::doccount>& counts) {
    struct Spellings {
        std::string shown;
        Xapian::doccount shown_count = 0;
        Xapian::doccount total = 0;
    };
    std::map<std::string, Spellings> by_key;
    for (const auto& [value, count] : counts) {
        Spellings& spellings = by_key[filter_key(value)];
        spellings.total += count;
        if (count > spellings.shown_count) {
            spellings.shown = value;
            spellings.shown_count = count;
        }
    }
    std::map<std::string, Xapian::doccount> merged;
    for (const auto& [key, spellings] : by_key) merged[spellings.shown] = spellings.total;
    return merged;
}

// Counts the values of a slot that holds several, one per line (tags). An
// article counts once for each filter key, whichever spellings of it it holds.
class TagCountSpy : public Xapian::MatchSpy {
public:
    explicit TagCountSpy(Xapian::valueno slot) : slot_(slot) {}

    void operator()(const Xapian::Document& doc, double) override {
        std::string tags = doc.get_value(slot_);
        std::vector<const std::string*> keys_counted;
        std::size_t start = 0;
        while (start < tags.size()) {
            std::size_t end = std::min(tags.find('\n', start), tags.size());
            if (end > start) {
                std::string tag = tags.substr(start, end - start);
                const std::string* key = &cached_key(tag);
                if (std::none_of(keys_counted.begin(), keys_counted.end(),
                                 [key](const std::string* counted) { return *counted == *key; })) {
                    keys_counted.push_back(key);
                    ++counts_[std::move(tag)];
                }
            }
            start = end + 1;
        }
    }
    Xapian::MatchSpy* clone() const override { return new TagCountSpy(slot_); }
    std::string name() const override { return "gazette::TagCountSpy"; }

    const std::map<std::string, Xapian::doccount>& counts() const { return counts_; }

private:
    // Folded once a spelling, not once an article: folding is ICU work.
    const std::string& cached_key(const std::string& tag) {
        auto [it, added] = keys_.try_emplace(tag);
        if (added) it->second = filter_key(tag);
        return it->second;
    }

    Xapian::valueno slot_;
    std::map<std::string, Xapian::doccount> counts_;
    std::map<std::string, std::string> keys_;  // spelling -> filter key
};

std::vector<FacetCount> most_frequent(const std::map<std::string, Xapian::doccount>& counts) {
    std::vector<FacetCount> out;
    for (const auto& [value, count] : counts) out.push_back({value, count});
    std::stable_sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    if (out.size() > kMaxFacetValues) out.resize(kMaxFacetValues);
    return out;
}

// Day counts ("YYYYMMDD") summed into years ("1987") or months ("1987-03").
std::vector<FacetCount> by_period(const std::map<std::string, Xapian::doccount>& days, std::size_t digits) {
    std::map<std::string, Xapian::doccount> periods;
    for (const auto& [day, count] : days) {
        std::string year = day.substr(0, 4);
        periods[digits == 4 ? year : year + "-" + day.substr(4, 2)] += count;
    }
    std::vector<FacetCount> out;
    for (const auto& [period, count] : periods) out.push_back({period, count});
    return out;
}

std::map<std::string, Xapian::doccount> values_counted(const Xapian::ValueCountMatchSpy& spy) {
    std::map<std::string, Xapian::doccount> counts;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) counts[*it] = it.get_termfreq();
    return counts;
}

}  // namespace

std::span<const FacetName> facet_names() { return kFacets; }

Xapian::doccount count_matches(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

std::vector<FacetCount> count_days(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::ValueCountMatchSpy days(schema::kDateSlot);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.add_matchspy(&days);
    enquire.get_mset(0, 0, db.get_doccount());
    std::vector<FacetCount> out;
    for (const auto& [day, count] : values_counted(days)) out.push_back({day, count});
    return out;
}

std::string_view name_of(Facet facet) {
    for (const auto& entry : kFacets) {
        if (entry.value == facet) return entry.name;
    }
    return {};
}

std::vector<FacetResult> count_facets(const Xapian::Database& db, const Xapian::Query& query,
                                      std::span<const Facet> facets) {
    Xapian::ValueCountMatchSpy days(schema::kDateSlot), sources(schema::kSourceSlot), languages(schema::kLanguageSlot);
    TagCountSpy topics(schema::kTopicsSlot), places(schema::kPlacesSlot);
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());  // counting only
    auto wants = [facets](Facet facet) { return std::find(facets.begin(), facets.end(), facet) != facets.end(); };
    if (wants(Facet::year) || wants(Facet::month)) enquire.add_matchspy(&days);
    if (wants(Facet::source)) enquire.add_matchspy(&sources);
    if (wants(Facet::topic)) enquire.add_matchspy(&topics);
    if (wants(Facet::place)) enquire.add_matchspy(&places);
    if (wants(Facet::language)) enquire.add_matchspy(&languages);
    enquire.get_mset(0, 0, db.get_doccount());

    std::vector<FacetResult> results;
    for (Facet facet : facets) {
        switch (facet) {
        case Facet::source: results.push_back({facet, most_frequent(merged_by_filter_key(values_counted(sources)))}); break;
        case Facet::year: results.push_back({facet, by_period(values_counted(days), 4)}); break;
        case Facet::month: results.push_back({facet, by_period(values_counted(days), 6)}); break;
        case Facet::topic: results.push_back({facet, most_frequent(merged_by_filter_key(topics.counts()))}); break;
        case Facet::place: results.push_back({facet, most_frequent(merged_by_filter_key(places.counts()))}); break;
        case Facet::language: results.push_back({facet, most_frequent(values_counted(languages))}); break;
        }
    }
    return results;
}

namespace {

class FacetCounter : public MatchCollector {
public:
    explicit FacetCounter(std::vector<Facet> facets) : facets_(std::move(facets)) {}
    void collect(const MatchScope& scope, SearchResults& results) const override {
        results.features.set<FacetResults>(count_facets(scope.db, scope.matches, facets_));
    }

private:
    std::vector<Facet> facets_;
};

}  // namespace

void add_facet_counts(const FeatureSettings& wanted, const SearchOptions&, SearchFeatures& features) {
    const std::vector<Facet>& facets = settings_of<FacetSettings>(wanted).facets;
    if (!facets.empty()) features.collectors.push_back(std::make_shared<FacetCounter>(facets));
}

std::vector<SearchOption> facet_options() {
    SearchOption option = describe_option(
        "facet", std::string(kCountsGroup), OptionKind::list, "LIST",
        describe_choices("count every match (not only the page) by each of these, comma-separated:", facet_names()));
    // It replaces the list (one a --spec file gave).
    option.set = [](const std::string& names, SearchSpec& spec) {
        auto& wanted = settings_of<FacetSettings>(spec.features).facets;
        wanted.clear();
        if (names.empty()) return;  // a spec's []
        for (std::size_t start = 0; start <= names.size();) {
            std::size_t end = std::min(names.find(',', start), names.size());
            wanted.push_back(find_choice(facet_names(), std::string_view(names).substr(start, end - start), "facet"));
            start = end + 1;
        }
    };
    option.json = [](const SearchSpec& spec) {
        std::vector<std::string> names;
        for (Facet facet : settings_of<FacetSettings>(spec.features).facets) names.push_back(json_text(name_of(facet)));
        return json_array(names);
    };
    return {option};
}

namespace {

class FacetOutput : public FeatureOutput {
public:
    bool counts_every_copy(const SearchResults& results) const override {
        return !results.features.get<FacetResults>().empty();
    }

    // One line per facet: "  source  Reuters 578  BBC 12". `beside_stories`:
    // the total above counts stories, so the header says the facets do not.
    void print_text(std::ostream& out, const SearchResults& results, bool beside_stories) const override {
        const FacetResults& facets = results.features.get<FacetResults>();
        if (facets.empty()) return;
        std::size_t width = 0;
        for (const auto& facet : facets) width = std::max(width, name_of(facet.facet).size());
        out << (beside_stories ? "\nfacets (articles: every copy counted)\n" : "\nfacets\n");
        for (const auto& facet : facets) {
            std::string name(name_of(facet.facet));
            out << "  " << name << std::string(width - name.size(), ' ');
            for (const auto& count : facet.counts) out << "  " << count.value << " " << count.count;
            if (facet.counts.empty()) out << "  (no matching article has one)";  // not a blank line
            out << "\n";
        }
    }

    // "facets":{"source":[{"value":"Reuters","count":578}],...}
    void add_json(JsonObject& json, const SearchResults& results) const override {
        const FacetResults& facets = results.features.get<FacetResults>();
        if (facets.empty()) return;
        JsonObject by_facet;
        for (const auto& facet : facets) {
            std::vector<std::string> counts;
            for (const auto& count : facet.counts) {
                counts.push_back(
                    JsonObject().add("value", count.value).add("count", static_cast<std::int64_t>(count.count)).str());
            }
            by_facet.add_raw(name_of(facet.facet), json_array(counts));
        }
        json.add_raw("facets", by_facet.str());
    }

    // facet,value,count
    std::string csv_table(const SearchResults& results) const override {
        const FacetResults& facets = results.features.get<FacetResults>();
        if (facets.empty()) return {};
        std::string table = csv_record({"facet", "value", "count"});
        for (const auto& facet : facets) {
            for (const auto& count : facet.counts) {
                table += csv_record({std::string(name_of(facet.facet)), count.value, std::to_string(count.count)});
            }
        }
        return table;
    }
};

}  // namespace

const FeatureOutput& facet_output() {
    static const FacetOutput output;
    return output;
}

}  // namespace gazette
