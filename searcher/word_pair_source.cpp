#include "searcher/word_pair_source.h"

#include <algorithm>
#include <cmath>

namespace gazette {

namespace {

std::vector<Xapian::termpos> positions(const Xapian::Database& db, Xapian::docid doc, const std::string& term) {
    return {db.positionlist_begin(doc, term), db.positionlist_end(doc, term)};
}

}  // namespace

Xapian::termcount pair_occurrences(const std::vector<Xapian::termpos>& first,
                                   const std::vector<Xapian::termpos>& second, WordPairWindow window) {
    Xapian::termcount count = 0;
    const Xapian::termpos reach = window.width - 1;
    for (Xapian::termpos at : first) {
        Xapian::termpos from = window.ordered ? at + 1 : (at > reach ? at - reach : 1);
        auto near = std::lower_bound(second.begin(), second.end(), from);
        if (near != second.end() && *near <= at + reach) ++count;
    }
    return count;
}

WordPairSource::WordPairSource(std::string first, std::string second, WordPairWindow window, double k1, double b)
    : first_(std::move(first)), second_(std::move(second)), window_(window), k1_(k1), b_(b) {}

WordPairSource* WordPairSource::clone() const {
    return new WordPairSource(first_, second_, window_, k1_, b_);
}

void WordPairSource::init(const Xapian::Database& db) {
    matches_.clear();
    at_ = 0;
    started_ = false;
    // Walk the rarer word's articles, checking the other's.
    bool first_rarer = db.get_termfreq(first_) <= db.get_termfreq(second_);
    const std::string& rare = first_rarer ? first_ : second_;
    const std::string& other = first_rarer ? second_ : first_;
    std::vector<std::pair<Xapian::docid, Xapian::termcount>> counts;
    Xapian::PostingIterator other_posting = db.postlist_begin(other);
    for (auto posting = db.postlist_begin(rare); posting != db.postlist_end(rare); ++posting) {
        other_posting.skip_to(*posting);
        if (other_posting == db.postlist_end(other)) break;
        if (*other_posting != *posting) continue;
        Xapian::termcount count =
            pair_occurrences(positions(db, *posting, first_), positions(db, *posting, second_), window_);
        if (count > 0) counts.emplace_back(*posting, count);
    }
    double docs = db.get_doccount();
    double pair_docs = static_cast<double>(counts.size());
    // BM25's idf, floored as Xapian's BM25Weight floors it for common terms.
    double idf = std::max(std::log((docs - pair_docs + 0.5) / (pair_docs + 0.5)), 1e-6);
    double average_length = std::max(db.get_avlength(), 1.0);
    double max_weight = 0;
    for (auto [doc, count] : counts) {
        double norm = k1_ * (1 - b_ + b_ * db.get_doclength(doc) / average_length);
        double weight = idf * count * (k1_ + 1) / (count + norm);
        matches_.push_back({doc, weight});
        max_weight = std::max(max_weight, weight);
    }
    set_maxweight(max_weight);
}

void WordPairSource::next(double) {
    if (started_) {
        ++at_;
    } else {
        started_ = true;
    }
}

void WordPairSource::skip_to(Xapian::docid did, double) {
    started_ = true;
    at_ = static_cast<std::size_t>(std::lower_bound(matches_.begin() + static_cast<std::ptrdiff_t>(at_), matches_.end(),
                                                    did, [](const Match& m, Xapian::docid d) { return m.doc < d; }) -
                                   matches_.begin());
}

}  // namespace gazette
