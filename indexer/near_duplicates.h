// Near-duplicates: wire stories are copied and re-sent, so one story can
// appear many times with small differences.
//
// At index time every article gets a SimHash of its folded body (64 bits
// voted by the hashes of its 3-word shingles: texts that share most shingles
// differ in few bits; copies are often re-titled, so the title is left out
// unless the body is too short to tell stories apart, e.g. "Blah blah blah.") and a cluster key: the key of an article
// already indexed whose SimHash is at most kMaxDistance bits away, or else its
// own id. Candidates are found through four band terms (16 bits each, schema
// prefix XH): two hashes within 3 bits agree on at least one band. At search
// time the searcher collapses on the cluster key (Xapian's collapse key).
#pragma once

#include "indexer/packed_strings.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace gazette {

inline constexpr int kMaxDistance = 3;
// A body with fewer words is fingerprinted together with its title.
inline constexpr std::size_t kMinBodyWords = 20;

// SimHash of `folded` (text after Analyzer::normalise), over word shingles.
std::uint64_t simhash(std::string_view folded);

// Bits that differ.
int hamming_distance(std::uint64_t a, std::uint64_t b);

// Adds the SimHash value and its band terms of an article with this title
// and body (folded by Analyzer::normalise) to `doc`; returns the SimHash. It
// depends on the article alone, so a checker can recompute it.
std::uint64_t add_fingerprint(const std::string& title, const std::string& body, Xapian::Document& doc);

// The SimHash add_fingerprint() gives an article with this title and body.
std::uint64_t fingerprint(const std::string& title, const std::string& body);

// Adds the SimHash value and band terms of `hash` to `doc`.
void add_fingerprint_terms(std::uint64_t hash, Xapian::Document& doc);

// Gives the article `id`'s `doc` the cluster `key`: the value the searcher
// collapses on, the term that lists the cluster's copies (schema
// kClusterPrefix), and kCopyTerm when the key is another article's.
void set_cluster_key(const std::string& key, std::string_view id, Xapian::Document& doc);

// An article's SimHash and the cluster key it was given.
struct ClusterMark {
    std::uint64_t hash = 0;
    std::string key;
};

// Assigns cluster keys while a database is being written.
class DuplicateClusters {
public:
    explicit DuplicateClusters(const Xapian::Database& db) : db_(db) {}

    // Adds the fingerprint (add_fingerprint) and the cluster key of an article
    // with this id, title and body (folded by Analyzer::normalise) to `doc`,
    // which is not yet in the database.
    void mark(const std::string& id, const std::string& title, const std::string& body, Xapian::Document& doc);

    // The cluster key of the earliest article in the database that an article
    // with this id and SimHash joins, if any, among the first 100 candidates
    // (articles sharing a band).
    std::optional<std::string> nearest_cluster(const std::string& id, std::uint64_t hash) const;

private:
    const Xapian::Database& db_;
};

// Assigns cluster keys from fingerprints held in memory, for articles given
// in the order they will be numbered in a new database: the keys
// DuplicateClusters gives when the same articles are written one by one into
// an empty database. The parallel build (indexer/parallel_index.h) uses it
// where the articles are not yet in any one database, for the whole build.
//
// Compact, so a million articles fit in tens of megabytes: an article costs
// its SimHash, the number of its key and its number in four band lists
// (28 bytes), and the text of its key when it names a cluster of its own.
class FingerprintClusters {
public:
    // The cluster key of an article with this id and SimHash (from
    // add_fingerprint); remembers it for the articles after it. `earlier` is
    // the key found among articles numbered before all of these, if any
    // (DuplicateClusters::nearest_cluster on a database being added to): it wins.
    std::string mark(const std::string& id, std::uint64_t hash, std::optional<std::string> earlier = std::nullopt);

private:
    // The number of the key of the earliest of the first 100 marked articles
    // sharing a band that an article with this id and SimHash joins, if any.
    std::optional<std::uint32_t> nearest_marked(const std::string& id, std::uint64_t hash) const;

    std::vector<std::uint64_t> hashes_;   // per marked article, in order: the index is the order of numbering
    std::vector<std::uint32_t> key_of_;   // per marked article: the number of its key in keys_
    PackedStrings keys_;
    // Per band and band value (band * 65536 + value): the marked articles
    // with that value, in order. Empty until the first mark.
    std::vector<std::vector<std::uint32_t>> by_band_;
};

}  // namespace gazette
