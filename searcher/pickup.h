// Wire-copy pickup: how widely a story was carried. Every copy of a story
// has the same near-duplicate cluster key (indexer/near_duplicates.h), held as
// a value (which the searcher collapses on) and as a term (schema
// kClusterPrefix), so a cluster's copies are one posting list.
//
// A cluster's pickup counts every copy in the database, not only those that
// match the query: a story "carried" by an outlet is carried whatever words
// the query picked out of it.
#pragma once

#include "common/date.h"

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace gazette {

// What the decorator adds to Hit::features.
struct Pickup {
    Xapian::doccount copies = 0;     // articles in the cluster, this one included
    std::optional<Date> first_date;  // the earliest date among them
    std::vector<std::string> outlets;  // their distinct sources as written, sorted; none for articles without one
};

// Throws DatabaseError when `db` holds articles but no cluster terms: it was
// built before they were indexed and needs a rebuild (newsindex into a new
// folder).
void require_cluster_terms(const Xapian::Database& db);

struct ClusterCopy;  // one article of a cluster: searcher/searcher.h

// Every copy of the cluster with this key, in index order.
std::vector<ClusterCopy> copies_of(const Xapian::Database& db, const std::string& cluster_key);

// The pickup of the cluster with this key, from copies_of.
Pickup pickup_of(const Xapian::Database& db, const std::string& cluster_key);

// The sort key of --sort pickup: the size of the article's cluster (the
// frequency of its cluster term, one lookup a match), as
// Xapian::sortable_serialise, so that Enquire orders every match by it.
class ClusterSizeKey : public Xapian::KeyMaker {
public:
    explicit ClusterSizeKey(const Xapian::Database& db) : db_(db) {}
    std::string operator()(const Xapian::Document& doc) const override;

private:
    Xapian::Database db_;
};

// What --pickup asks for (a spec's FeatureSettings); --sort pickup adds
// each hit's Pickup too.
struct PickupSettings {
    bool shown = false;  // add each hit's Pickup
};

class FeatureOutput;
class FeatureSettings;
struct SearchFeatures;
struct SearchOption;
struct SearchOptions;

// Registered in searcher/search_features.cpp: with PickupSettings::shown or
// SortOrder::pickup, a decorator adding each hit's Pickup (it throws as
// require_cluster_terms does).
void add_pickup(const FeatureSettings& wanted, const SearchOptions& options, SearchFeatures& features);

// --pickup: its option, registered with add_pickup.
std::vector<SearchOption> pickup_options();

// How it prints (a hit's pickup in text, JSON and CSV columns), registered with add_pickup.
const FeatureOutput& pickup_output();

}  // namespace gazette
