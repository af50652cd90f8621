#include "searcher/pickup.h"

#include "common/archive_layout.h"
#include "common/schema.h"
#include "searcher/database_set.h"
#include "searcher/search_features.h"
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

Pickup pickup_of(const Xapian::Database& db, const std::string& cluster_key) {
    Pickup pickup;
    std::string term = cluster_term(cluster_key);
    std::string first_day;  // "YYYYMMDD": sorts by date
    for (auto copy = db.postlist_begin(term); copy != db.postlist_end(term); ++copy) {
        Xapian::Document doc = db.get_document(*copy, Xapian::DOC_ASSUME_VALID);
        ++pickup.copies;
        std::string day = doc.get_value(schema::kDateSlot);
        if (!day.empty() && (first_day.empty() || day < first_day)) first_day = day;
        std::string source = doc.get_value(schema::kSourceSlot);
        if (!source.empty()) pickup.outlets.push_back(std::move(source));
    }
    pickup.first_date = from_value(first_day);
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

}  // namespace gazette
