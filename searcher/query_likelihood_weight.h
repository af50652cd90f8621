// Query likelihood with Dirichlet smoothing (Zhai and Lafferty 2001), as a
// Xapian weight: Xapian 1.4's LMWeight scores far below BM25 on every judged
// collection (bench/RESULTS.md, third round), so this is the textbook ranking
// formula written out.
//
// An article D is ranked by log P(Q|D) with P(w|D) = (tf + mu P(w|C)) /
// (|D| + mu), which orders articles as
//     sum over query words w in D of qtf(w) log(1 + tf(w,D) / (mu P(w|C)))
//     + |Q| log(mu / (|D| + mu))
// (P(w|C): the word's share of the collection's length). Xapian wants weights
// of 0 or more, so the length part, never above 0, is shifted by
// |Q| log((mu + longest)/mu), the same for every article: the extra weight is
// |Q| log((mu + longest) / (mu + |D|)). Only articles that match get it, and
// among those the order is query likelihood's. Lengths are the index's, which
// counts a word once as written and once as its stem, so mu weighs about half
// as many words of text as it says.
#pragma once

#include <string>

#include <xapian.h>

namespace gazette {

class QueryLikelihoodWeight : public Xapian::Weight {
public:
    explicit QueryLikelihoodWeight(double mu);

    std::string name() const override { return "gazette::QueryLikelihoodWeight"; }
    QueryLikelihoodWeight* clone() const override;
    void init(double factor) override;

    double get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen, Xapian::termcount uniqterms) const override;
    double get_maxpart() const override;
    double get_sumextra(Xapian::termcount doclen, Xapian::termcount uniqterms) const override;
    double get_maxextra() const override;

private:
    double mu_;
    // A term's weight: its query frequency times the query's scale factor
    // (0 in the object that only gives the length part).
    double term_scale_ = 0;
    // mu P(w|C) of the term (0 when the collection lacks it: nothing matches).
    double smoothing_ = 0;
};

}  // namespace gazette
