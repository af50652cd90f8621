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
bool joins_cluster(std::uint64_t hash, std::string_view id, std::uint64_t other, std::string_view key) {
    return hamming_distance(hash, other) <= kMaxDistance && key != id;
}

// Band values are 16 bits: FingerprintClusters keeps one list per band and value.
constexpr std::size_t kBandSlots = std::size_t{kBands} << 16;

std::size_t band_slot(std::uint64_t hash, int band) {
    return (static_cast<std::size_t>(band) << 16) | ((hash >> (16 * band)) & 0xffff);
}

}  // namespace

namespace {

// The SimHash of a text split into its words: each shingle of kShingleWords
// words is hashed as its words, each followed by a space, would be as one
// string ("a b c "), without building that string.
std::uint64_t simhash_of_words(const std::vector<std::string_view>& words) {
    std::array<int, 64> votes{};
    std::size_t shingles = words.size() < kShingleWords ? 1 : words.size() - kShingleWords + 1;
    for (std::size_t i = 0; i < shingles && !words.empty(); ++i) {
        std::uint64_t hash = kStableHashStart;
        for (std::size_t j = i; j < std::min(i + kShingleWords, words.size()); ++j) {
            hash = stable_hash(" ", stable_hash(words[j], hash));
        }
        for (int bit = 0; bit < 64; ++bit) votes[bit] += (hash >> bit) & 1 ? 1 : -1;
    }
    std::uint64_t result = 0;
    for (int bit = 0; bit < 64; ++bit) {
        if (votes[bit] > 0) result |= std::uint64_t{1} << bit;
    }
    return result;
}

}  // namespace

std::uint64_t simhash(std::string_view folded) { return simhash_of_words(words_of(folded)); }

int hamming_distance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

std::optional<std::string> DuplicateClusters::nearest_cluster(const std::string& id, std::uint64_t hash) const {
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
        if (joins_cluster(hash, id, other, key)) return key;
    }
    return std::nullopt;
}

std::string FingerprintClusters::mark(const std::string& id, std::uint64_t hash, std::optional<std::string> earlier) {
    if (by_band_.empty()) by_band_.resize(kBandSlots);
    // The database's articles come before all of these.
    std::optional<std::uint32_t> key = earlier ? std::nullopt : nearest_marked(id, hash);
    if (!key) key = keys_.add(earlier ? *earlier : id);
    auto article = static_cast<std::uint32_t>(hashes_.size());
    for (int band = 0; band < kBands; ++band) by_band_[band_slot(hash, band)].push_back(article);
    hashes_.push_back(hash);
    key_of_.push_back(*key);
    return std::string(keys_[*key]);
}

std::optional<std::uint32_t> FingerprintClusters::nearest_marked(const std::string& id, std::uint64_t hash) const {
    // The earliest candidates sharing a band, as DuplicateClusters' query in
    // docid order finds them. Each band's list is in order, so the first
    // kMaxCandidates of all of them are among the first kMaxCandidates of each.
    std::vector<std::uint32_t> candidates;
    for (int band = 0; band < kBands; ++band) {
        const auto& marked = by_band_[band_slot(hash, band)];
        candidates.insert(candidates.end(), marked.begin(),
                          marked.begin() + static_cast<std::ptrdiff_t>(std::min(marked.size(), kMaxCandidates)));
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    if (candidates.size() > kMaxCandidates) candidates.resize(kMaxCandidates);
    for (std::uint32_t candidate : candidates) {
        std::uint32_t key = key_of_[candidate];
        if (joins_cluster(hash, id, hashes_[candidate], keys_[key])) return key;
    }
    return std::nullopt;
}

std::uint64_t fingerprint(const std::string& title, const std::string& body) {
    std::vector<std::string_view> body_words = words_of(body);
    if (body_words.size() < kMinBodyWords) return simhash(title + "\n" + body);
    return simhash_of_words(body_words);  // the body split once, for the count and the hash
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

void set_cluster_key(const std::string& key, std::string_view id, Xapian::Document& doc) {
    doc.add_value(schema::kClusterSlot, key);
    doc.add_boolean_term(std::string(schema::kClusterPrefix) + key);
    if (key != id) doc.add_boolean_term(std::string(schema::kCopyTerm));
}

void DuplicateClusters::mark(const std::string& id, const std::string& title, const std::string& body,
                             Xapian::Document& doc) {
    std::uint64_t hash = add_fingerprint(title, body, doc);
    set_cluster_key(nearest_cluster(id, hash).value_or(id), id, doc);
}

}  // namespace gazette
