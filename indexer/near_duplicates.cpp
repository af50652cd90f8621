#include "indexer/near_duplicates.h"

#include "common/schema.h"
#include "corpus/stable_hash.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>
#include <vector>

namespace gazette {

namespace {

constexpr std::size_t kShingleWords = 3;
constexpr int kBands = 4;  // of 16 bits: within 3 bits, one band is equal

bool is_word_char(unsigned char c) { return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t pos = 0;
    while (pos < text.size()) {
        while (pos < text.size() && !is_word_char(static_cast<unsigned char>(text[pos]))) ++pos;
        std::size_t start = pos;
        while (pos < text.size() && is_word_char(static_cast<unsigned char>(text[pos]))) ++pos;
        if (pos > start) words.push_back(text.substr(start, pos - start));
    }
    return words;
}

std::string hex(std::uint64_t value, int digits) {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%0*llx", digits, static_cast<unsigned long long>(value));
    return buffer;
}

std::string band_term(std::uint64_t hash, int band) {
    return std::string(schema::kSimHashBandPrefix) + std::to_string(band) + hex((hash >> (16 * band)) & 0xffff, 4);
}

// The band terms of `hash`, one per band.
std::vector<std::string> band_terms(std::uint64_t hash) {
    std::vector<std::string> bands;
    for (int band = 0; band < kBands; ++band) bands.push_back(band_term(hash, band));
    return bands;
}

// As many candidates as DuplicateClusters asks Xapian for.
constexpr std::size_t kMaxCandidates = 100;

// Whether a candidate with this SimHash and cluster key gives its key to the
// article `id` with `hash`: near enough, and not the article's own cluster.
bool joins_cluster(std::uint64_t hash, const std::string& id, std::uint64_t other, const std::string& key) {
    return hamming_distance(hash, other) <= kMaxDistance && key != id;
}

}  // namespace

std::uint64_t simhash(std::string_view folded) {
    std::vector<std::string_view> words = words_of(folded);
    std::array<int, 64> votes{};
    std::size_t shingles = words.size() < kShingleWords ? 1 : words.size() - kShingleWords + 1;
    for (std::size_t i = 0; i < shingles && !words.empty(); ++i) {
        std::string shingle;
        for (std::size_t j = i; j < std::min(i + kShingleWords, words.size()); ++j) (shingle += words[j]) += ' ';
        std::uint64_t hash = stable_hash(shingle);
        for (int bit = 0; bit < 64; ++bit) votes[bit] += (hash >> bit) & 1 ? 1 : -1;
    }
    std::uint64_t result = 0;
    for (int bit = 0; bit < 64; ++bit) {
        if (votes[bit] > 0) result |= std::uint64_t{1} << bit;
    }
    return result;
}

int hamming_distance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

NearestCluster DuplicateClusters::nearest_cluster(const std::string& id, std::uint64_t hash) const {
    std::vector<std::string> bands = band_terms(hash);
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, bands.begin(), bands.end()));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);  // the earliest indexed copy names the cluster
    Xapian::MSet candidates = enquire.get_mset(0, kMaxCandidates);
    for (auto it = candidates.begin(); it != candidates.end(); ++it) {
        Xapian::Document candidate = it.get_document();
        std::uint64_t other = std::stoull(candidate.get_value(schema::kSimHashSlot), nullptr, 16);
        std::string key = candidate.get_value(schema::kClusterSlot);
        if (joins_cluster(hash, id, other, key)) return {key, candidates.size()};
    }
    return {std::nullopt, candidates.size()};
}

std::string FingerprintClusters::mark(const std::string& id, std::uint64_t hash, std::optional<std::string> earlier) {
    std::vector<std::string> bands = band_terms(hash);
    // The database's articles come before all of these.
    std::string key = earlier ? std::move(*earlier) : nearest_marked(id, hash, bands, kMaxCandidates).value_or(id);
    for (const auto& band : bands) by_band_[band].push_back(marked_.size());
    marked_.push_back({hash, key});
    return key;
}

std::optional<std::string> FingerprintClusters::nearest_cluster(const std::string& id, std::uint64_t hash,
                                                                std::size_t examined_before) const {
    if (examined_before >= kMaxCandidates) return std::nullopt;
    return nearest_marked(id, hash, band_terms(hash), kMaxCandidates - examined_before);
}

std::optional<std::string> FingerprintClusters::nearest_marked(const std::string& id, std::uint64_t hash,
                                                               const std::vector<std::string>& bands,
                                                               std::size_t max_candidates) const {
    // The earliest candidates sharing a band, as DuplicateClusters' query
    // in docid order finds them.
    std::vector<std::size_t> candidates;
    for (const auto& band : bands) {
        auto found = by_band_.find(band);
        if (found != by_band_.end()) candidates.insert(candidates.end(), found->second.begin(), found->second.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    if (candidates.size() > max_candidates) candidates.resize(max_candidates);
    for (std::size_t candidate : candidates) {
        if (joins_cluster(hash, id, marked_[candidate].hash, marked_[candidate].key)) return marked_[candidate].key;
    }
    return std::nullopt;
}

std::uint64_t fingerprint(const std::string& title, const std::string& body) {
    return simhash(words_of(body).size() < kMinBodyWords ? title + "\n" + body : body);
}

void add_fingerprint_terms(std::uint64_t hash, Xapian::Document& doc) {
    for (const auto& band : band_terms(hash)) doc.add_boolean_term(band);
    doc.add_value(schema::kSimHashSlot, hex(hash, 16));
}

std::uint64_t add_fingerprint(const std::string& title, const std::string& body, Xapian::Document& doc) {
    std::uint64_t hash = fingerprint(title, body);
    add_fingerprint_terms(hash, doc);
    return hash;
}

void set_cluster_key(const std::string& key, Xapian::Document& doc) {
    doc.add_value(schema::kClusterSlot, key);
    doc.add_boolean_term(std::string(schema::kClusterPrefix) + key);
}

void DuplicateClusters::mark(const std::string& id, const std::string& title, const std::string& body,
                             Xapian::Document& doc) {
    std::uint64_t hash = add_fingerprint(title, body, doc);
    set_cluster_key(nearest_cluster(id, hash).key.value_or(id), doc);
}

}  // namespace gazette
