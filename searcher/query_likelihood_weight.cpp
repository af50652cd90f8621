#include "searcher/query_likelihood_weight.h"

#include <cmath>

namespace gazette {

QueryLikelihoodWeight::QueryLikelihoodWeight(double mu) : mu_(mu) {
    need_stat(WQF);
    need_stat(WDF);
    need_stat(WDF_MAX);
    need_stat(COLLECTION_FREQ);
    need_stat(TOTAL_LENGTH);
    need_stat(QUERY_LENGTH);
    need_stat(DOC_LENGTH);
    need_stat(DOC_LENGTH_MIN);
    need_stat(DOC_LENGTH_MAX);
}

QueryLikelihoodWeight* QueryLikelihoodWeight::clone() const {
    return new QueryLikelihoodWeight(mu_);
}

void QueryLikelihoodWeight::init(double factor) {
    term_scale_ = factor * get_wqf();
    const auto total_length = static_cast<double>(get_total_length());
    smoothing_ = total_length > 0 ? mu_ * static_cast<double>(get_collection_freq()) / total_length : 0;
}

double QueryLikelihoodWeight::get_sumpart(Xapian::termcount wdf, Xapian::termcount, Xapian::termcount) const {
    if (smoothing_ <= 0 || wdf == 0) return 0;
    return term_scale_ * std::log1p(wdf / smoothing_);
}

double QueryLikelihoodWeight::get_maxpart() const {
    return get_sumpart(get_wdf_upper_bound(), 0, 0);
}

double QueryLikelihoodWeight::get_sumextra(Xapian::termcount doclen, Xapian::termcount) const {
    const double longest = get_doclength_upper_bound();
    return get_query_length() * std::log((mu_ + longest) / (mu_ + doclen));
}

double QueryLikelihoodWeight::get_maxextra() const {
    return get_sumextra(get_doclength_lower_bound(), 0);
}

}  // namespace gazette
