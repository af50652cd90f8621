#include "searcher/bm25_bb2_weight.h"

#include <algorithm>
#include <cmath>

namespace gazette {

namespace {

// BB2's Stirling approximation term, (y + 0.5)(log_total - log2 y) + d x log_total.
double stirling(double difference, double y, double log_total) {
    return (y + 0.5) * (log_total - std::log2(y)) + difference * log_total;
}

}  // namespace

BM25BB2Weight::BM25BB2Weight(const Parameters& parameters) : parameters_(parameters) {
    need_stat(COLLECTION_SIZE);
    need_stat(AVERAGE_LENGTH);
    need_stat(TERMFREQ);
    need_stat(COLLECTION_FREQ);
    need_stat(WQF);
    need_stat(WDF);
    need_stat(WDF_MAX);
    need_stat(DOC_LENGTH);
    need_stat(DOC_LENGTH_MIN);
    need_stat(DOC_LENGTH_MAX);
}

BM25BB2Weight* BM25BB2Weight::clone() const {
    return new BM25BB2Weight(parameters_);
}

void BM25BB2Weight::init(double factor) {
    bm25_ = {};
    bb2_ = {};
    if (factor == 0) return;  // the part independent of the words, 0 in both
    init_bm25(factor);
    init_bb2(factor);
}

void BM25BB2Weight::init_bm25(double factor) {
    const double k1 = parameters_.k1;
    const double term_docs = get_termfreq();
    double idf_ratio = (get_collection_size() - term_docs + 0.5) / (term_docs + 0.5);
    // Xapian's way of keeping a word found in most articles above 0.
    if (idf_ratio < 2) idf_ratio = idf_ratio * 0.5 + 1;
    const double wqf = get_wqf();
    const double query_frequency = 2 * wqf / (1 + wqf);  // k3 1
    bm25_.term_weight = std::log(idf_ratio) * factor * query_frequency * (k1 + 1);
    const double average = get_average_length();
    bm25_.length_factor = (k1 == 0 || parameters_.b == 0 || average == 0) ? 0 : 1 / average;
    // Xapian's bound: the most frequent the word can be in the shortest
    // article that can hold it that often.
    const double wdf_max = get_wdf_upper_bound();
    bm25_.upper_bound = bm25_part(wdf_max, std::max<double>(wdf_max, get_doclength_lower_bound()));
}

double BM25BB2Weight::bm25_part(double wdf, double length) const {
    if (wdf == 0) return 0;
    const double b = parameters_.b;
    const double normalised_length = std::max(length * bm25_.length_factor, parameters_.min_normlen);
    return bm25_.term_weight * wdf / (parameters_.k1 * (normalised_length * b + 1 - b) + wdf);
}

void BM25BB2Weight::init_bb2(double factor) {
    const double wdf_max = get_wdf_upper_bound();
    const double term_docs = get_termfreq();
    if (wdf_max == 0 || term_docs == 0) return;  // no article holds the word
    const double freq = get_collection_freq();
    // N at least 2, so that the logarithms below are defined.
    const double documents = std::max(2.0, static_cast<double>(get_collection_size()));
    bb2_.scale = factor * get_wqf() * (freq + 1) / term_docs;
    bb2_.c_average_length = parameters_.c * get_average_length();
    bb2_.collection_freq = freq;
    bb2_.other_documents = documents - 2;
    bb2_.base = -1 / std::log(2.0) - std::log2(documents - 1);
    bb2_.log_total = std::log2(documents + freq - 1);
    bb2_.log_freq = std::log2(freq);
    // Xapian's bound: the smallest normalised count in the denominator, the
    // largest in the information, each clamped as the score clamps it.
    const double low = std::log2(1 + bb2_.c_average_length / get_doclength_upper_bound());
    const double high = std::min(wdf_max * std::log2(1 + bb2_.c_average_length / get_doclength_lower_bound()), freq - 1);
    const double information = bb2_.base + stirling(high + 1, bb2_.other_documents + freq - low, bb2_.log_total) -
                               stirling(low, freq - high, bb2_.log_freq);
    bb2_.upper_bound = std::max(0.0, bb2_.scale / (low + 1) * information);
}

double BM25BB2Weight::bb2_part(double wdf, double length) const {
    if (wdf == 0 || bb2_.scale == 0) return 0;
    // Normalisation 2, at most F - 1 so that every logarithm is defined.
    const double normalised = std::min(wdf * std::log2(1 + bb2_.c_average_length / length), bb2_.collection_freq - 1);
    const double rest = bb2_.collection_freq - normalised;
    const double information = bb2_.base + stirling(normalised + 1, bb2_.other_documents + rest, bb2_.log_total) -
                               stirling(normalised, rest, bb2_.log_freq);
    return std::max(0.0, bb2_.scale / (normalised + 1) * information);
}

double BM25BB2Weight::get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen, Xapian::termcount) const {
    const double alpha = parameters_.bb2_share;
    return alpha * bb2_part(wdf, doclen) + (1 - alpha) * bm25_part(wdf, doclen);
}

double BM25BB2Weight::get_maxpart() const {
    const double alpha = parameters_.bb2_share;
    return alpha * bb2_.upper_bound + (1 - alpha) * bm25_.upper_bound;
}

}  // namespace gazette
