// The sequential dependence model's proximity feature as a Xapian posting
// source: two query words occurring close together in an article, weighed
// as a term of their own (BM25 of how often the pair occurs within the
// window, with the pair's own document frequency), where Xapian's OP_PHRASE
// and OP_NEAR would weigh the words again by their own frequencies.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace gazette {

struct WordPairWindow {
    unsigned width;  // positions spanned: 2 is adjacent
    bool ordered;    // the first word before the second
};

class WordPairSource : public Xapian::PostingSource {
public:
    // `first` and `second` are positional (unstemmed) terms; k1 and b as BM25's.
    WordPairSource(std::string first, std::string second, WordPairWindow window, double k1, double b);

    // Scans the articles with both words (statistics are those of `db`, so of
    // one shard when Xapian hands each shard its own copy).
    void init(const Xapian::Database& db) override;
    WordPairSource* clone() const override;
    std::string name() const override { return "gazette::WordPairSource"; }

    Xapian::doccount get_termfreq_min() const override { return static_cast<Xapian::doccount>(matches_.size()); }
    Xapian::doccount get_termfreq_est() const override { return get_termfreq_min(); }
    Xapian::doccount get_termfreq_max() const override { return get_termfreq_min(); }
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool at_end() const override { return at_ >= matches_.size(); }
    Xapian::docid get_docid() const override { return matches_[at_].doc; }
    double get_weight() const override { return matches_[at_].weight; }

private:
    struct Match {
        Xapian::docid doc;
        double weight;
    };
    std::string first_, second_;
    WordPairWindow window_;
    double k1_, b_;
    std::vector<Match> matches_;
    std::size_t at_ = 0;
    bool started_ = false;
};

// How many positions of `first` have a position of `second` within the
// window (after it when ordered, on either side otherwise). Both sorted.
Xapian::termcount pair_occurrences(const std::vector<Xapian::termpos>& first,
                                   const std::vector<Xapian::termpos>& second, WordPairWindow window);

}  // namespace gazette
