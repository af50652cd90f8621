#include "common/stem_cache.h"

#include <utility>

namespace gazette {

StemCache::StemCache(Xapian::Stem stemmer, std::size_t capacity) : stemmer_(std::move(stemmer)), capacity_(capacity) {
    stems_.reserve(capacity_ < 4096 ? capacity_ : 4096);
}

std::string StemCache::operator()(const std::string& word) {
    if (auto known = stems_.find(word); known != stems_.end()) return known->second;
    if (stems_.size() >= capacity_) stems_.clear();
    return stems_.emplace(word, stemmer_(word)).first->second;
}

std::string StemCache::get_description() const { return "StemCache(" + stemmer_.get_description() + ")"; }

Xapian::Stem with_stem_cache(const Xapian::Stem& stemmer) {
    if (stemmer.is_none()) return stemmer;
    return Xapian::Stem(new StemCache(stemmer));  // Xapian::Stem counts the references and deletes it
}

}  // namespace gazette
