#include "searcher/pickup.h"

#include "common/archive_layout.h"
#include "common/schema.h"
#include "searcher/database_set.h"
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
            hit.pickup = pickup_of(scope.db, doc.get_value(schema::kClusterSlot));
        }
    }
};

}  // namespace

void add_pickup(const FeatureOptions& wanted, const SearchOptions& options, SearchFeatures& features) {
    if (!wanted.pickup && options.sort != SortOrder::pickup) return;
    features.decorators.push_back(std::make_shared<PickupDecorator>());
}

std::vector<SearchOption> pickup_options() {
    return {flag_option("pickup", "Wire-copy pickup",
                        "show, for each hit, how widely its story was carried: the copies in the database (its "
                        "near-duplicate cluster, whether or not they match the query), the date of the first and the "
                        "outlets (sources) that carried it (text; json \"pickup\"; csv columns copies,first_date,"
                        "outlets). --sort pickup shows it too. Not with --all",
                        [](auto& spec) -> auto& { return spec.features.pickup; })};
}

}  // namespace gazette
