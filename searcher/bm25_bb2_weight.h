// A linear mix of BM25 and BB2 in one match pass (--weighting bm25-bb2,
// issue 19's fifth round): each matching word scores
//     alpha x BB2 + (1 - alpha) x BM25
// and so does the bound the matcher prunes by, so the mix costs one pass,
// like either scheme alone (a second Enquire would double a query's cost).
//
// Xapian cannot hand a term's statistics to a BM25Weight or BB2Weight held
// inside another weight (their init is private to the matcher), so both
// formulas are written out here as Xapian 1.4 computes them: BM25 as
// make_weight builds it (k2 0, k3 1, no relevance set; idf ratios below 2
// raised as Xapian raises them), BB2 with normalisation 2 and Xapian's clamps.
// tests/searcher/test_bm25_bb2_weight.cpp checks the scores and the bounds
// against Xapian's own classes.
#pragma once

#include <string>

#include <xapian.h>

namespace gazette {

class BM25BB2Weight : public Xapian::Weight {
public:
    struct Parameters {
        double k1 = 1.2;           // BM25
        double b = 0.75;           // BM25
        double min_normlen = 0.5;  // BM25: the least normalised length
        double c = 1.0;            // BB2: normalisation 2's c
        double bb2_share = 0.5;    // alpha
    };

    explicit BM25BB2Weight(const Parameters& parameters);

    std::string name() const override { return "gazette::BM25BB2Weight"; }
    BM25BB2Weight* clone() const override;
    void init(double factor) override;

    double get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen, Xapian::termcount uniqterms) const override;
    double get_maxpart() const override;
    // Neither scheme has a part independent of the words (BM25's k2 is 0).
    double get_sumextra(Xapian::termcount, Xapian::termcount) const override { return 0; }
    double get_maxextra() const override { return 0; }

private:
    // What init works out of a term's statistics for each scheme.
    struct Bm25Term {
        double term_weight = 0;    // log(idf ratio) x (k1 + 1) x the query's factor
        double length_factor = 0;  // 1 / average length (0 when length plays no part)
        double upper_bound = 0;
    };
    struct Bb2Term {
        double scale = 0;             // the query's factor x (F + 1) / n (0: the term adds nothing)
        double c_average_length = 0;  // c x average length
        double collection_freq = 0;   // F
        double other_documents = 0;   // N - 2
        double base = 0;              // -log2(e) - log2(N - 1)
        double log_total = 0;         // log2(N + F - 1)
        double log_freq = 0;          // log2(F)
        double upper_bound = 0;
    };

    void init_bm25(double factor);
    void init_bb2(double factor);
    double bm25_part(double wdf, double length) const;
    double bb2_part(double wdf, double length) const;

    Parameters parameters_;
    Bm25Term bm25_;
    Bb2Term bb2_;
};

}  // namespace gazette
