#include "searcher/pickup.h"

#include "common/archive_layout.h"
#include "common/json.h"
#include "common/schema.h"
#include "searcher/database_set.h"
#include "searcher/feature_output.h"
#include "searcher/option_table.h"
#include "searcher/search_features.h"
#include "searcher/search_spec.h"
#include "searcher/searcher.h"

#include <algorithm>

namespace gazette {

namespace {

std::string cluster_term(const std::string& key) { return std::string(schema::kClusterPrefix) + key; }

}  // namespace

void require_cluster_terms(const Xapian::Database& db) {
    std::string prefix(schema::kClusterPrefix);
    if (article_count(db) == 0 || db.allterms_begin(prefix) != db.allterms_end(prefix)) return;
    throw DatabaseError("the database has no near-duplicate cluster terms (" + prefix +
                        "): it was indexed by an older newsindex; index the articles again into a new folder to see "
                        "wire-copy pickup");
}

std::vector<ClusterCopy> copies_of(const Xapian::Database& db, const std::string& cluster_key) {
    std::vector<ClusterCopy> copies;
    std::string term = cluster_term(cluster_key);
    for (auto copy = db.postlist_begin(term); copy != db.postlist_end(term); ++copy) {
        Xapian::Document doc = db.get_document(*copy, Xapian::DOC_ASSUME_VALID);
        copies.push_back({*copy, doc.get_value(schema::kIdSlot), from_value(doc.get_value(schema::kDateSlot)),
                          doc.get_value(schema::kSourceSlot)});
    }
    return copies;
}

Pickup pickup_of(const Xapian::Database& db, const std::string& cluster_key) {
    Pickup pickup;
    for (auto& copy : copies_of(db, cluster_key)) {
        ++pickup.copies;
        if (copy.date && (!pickup.first_date || to_value(*copy.date) < to_value(*pickup.first_date))) {
            pickup.first_date = copy.date;
        }
        if (!copy.source.empty()) pickup.outlets.push_back(std::move(copy.source));
    }
    std::sort(pickup.outlets.begin(), pickup.outlets.end());
    pickup.outlets.erase(std::unique(pickup.outlets.begin(), pickup.outlets.end()), pickup.outlets.end());
    return pickup;
}

std::string ClusterSizeKey::operator()(const Xapian::Document& doc) const {
    return Xapian::sortable_serialise(db_.get_termfreq(cluster_term(doc.get_value(schema::kClusterSlot))));
}

namespace {

class PickupDecorator : public HitDecorator {
public:
    void decorate(const HitScope& scope, std::span<Hit> hits) const override {
        require_cluster_terms(scope.db);
        for (Hit& hit : hits) {
            Xapian::Document doc = scope.db.get_document(hit.docid, Xapian::DOC_ASSUME_VALID);
            hit.features.set(pickup_of(scope.db, doc.get_value(schema::kClusterSlot)));
        }
    }
};

}  // namespace

void add_pickup(const FeatureSettings& wanted, const SearchOptions& options, SearchFeatures& features) {
    if (!settings_of<PickupSettings>(wanted).shown && options.sort != SortOrder::pickup) return;
    features.decorators.push_back(std::make_shared<PickupDecorator>());
}

std::vector<SearchOption> pickup_options() {
    return {flag_option("pickup", "Wire-copy pickup",
                        "show, for each hit, how widely its story was carried: the copies in the database (its "
                        "near-duplicate cluster, whether or not they match the query), the date of the first and the "
                        "outlets (sources) that carried it (text; json \"pickup\"; csv columns copies,first_date,"
                        "outlets). --sort pickup shows it too. Not with --all",
                        [](auto& spec) -> auto& { return settings_of<PickupSettings>(spec.features).shown; })};
}

namespace {

class PickupOutput : public FeatureOutput {
public:
    // "     carried: 5 copies, 3 outlets (AP, BBC, Reuters), first 1987-03-02"
    void print_hit_text(std::ostream& out, const Hit& hit) const override {
        const Pickup* pickup = hit.features.find<Pickup>();
        if (!pickup) return;
        out << "     carried: " << pickup->copies << (pickup->copies == 1 ? " copy" : " copies") << ", "
            << pickup->outlets.size() << (pickup->outlets.size() == 1 ? " outlet" : " outlets");
        for (std::size_t i = 0; i < pickup->outlets.size(); ++i) out << (i == 0 ? " (" : ", ") << pickup->outlets[i];
        if (!pickup->outlets.empty()) out << ")";
        if (pickup->first_date) out << ", first " << to_iso(*pickup->first_date);
        out << "\n";
    }

    // "pickup":{"copies":5,"first_date":"1987-03-02","outlets":["AP","Reuters"]}
    void add_hit_json(JsonObject& json, const Hit& hit) const override {
        const Pickup* pickup = hit.features.find<Pickup>();
        if (!pickup) return;
        JsonObject object;
        object.add("copies", static_cast<std::int64_t>(pickup->copies));
        if (pickup->first_date) object.add("first_date", to_iso(*pickup->first_date));
        else object.add_raw("first_date", "null");
        json.add_raw("pickup", object.add("outlets", pickup->outlets).str());
    }

    // copies,first_date,outlets (the outlets separated by "; ")
    void add_hit_csv_columns(const Hit& first, std::vector<std::string>& names) const override {
        if (first.features.find<Pickup>()) names.insert(names.end(), {"copies", "first_date", "outlets"});
    }
    void add_hit_csv_fields(const Hit& hit, std::vector<std::string>& fields) const override {
        const Pickup* pickup = hit.features.find<Pickup>();
        if (!pickup) return;
        std::string outlets;
        for (const auto& outlet : pickup->outlets) outlets += (outlets.empty() ? "" : "; ") + outlet;
        fields.insert(fields.end(), {std::to_string(pickup->copies),
                                     pickup->first_date ? to_iso(*pickup->first_date) : std::string(), outlets});
    }
};

}  // namespace

const FeatureOutput& pickup_output() {
    static const PickupOutput output;
    return output;
}

}  // namespace gazette
