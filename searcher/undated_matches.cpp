#include "searcher/undated_matches.h"

#include "common/schema.h"
#include "searcher/facets.h"
#include "searcher/search_features.h"
#include "searcher/searcher.h"

#include <memory>
#include <utility>

namespace gazette {

DateCoverage count_undated(const Xapian::Database& db, const Xapian::Query& matches) {
    // Every date value ("YYYYMMDD") sorts at or after "0"; an undated article has none.
    const Xapian::Query dated(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, "0");
    Xapian::doccount articles = count_matches(db, matches);
    return {articles, articles - count_matches(db, Xapian::Query(Xapian::Query::OP_FILTER, matches, dated))};
}

std::optional<std::string> undated_note(const DateCoverage& coverage, std::string_view ordering) {
    if (coverage.undated == 0) return std::nullopt;
    if (coverage.undated == coverage.articles) {
        return "no matching article has a date: " + std::string(ordering) +
               " cannot order them (they are in order of relevance)";
    }
    return std::to_string(coverage.undated) + " of the " + std::to_string(coverage.articles) +
           " matching articles have no date: " + std::string(ordering) + " cannot place them by date";
}

namespace {

class UndatedNote : public MatchCollector {
public:
    explicit UndatedNote(std::string ordering) : ordering_(std::move(ordering)) {}
    void collect(const MatchScope& scope, SearchResults& results) const override {
        if (results.total == 0) return;
        if (auto note = undated_note(count_undated(scope.db, scope.matches), ordering_)) results.notes.push_back(*note);
    }

private:
    std::string ordering_;
};

}  // namespace

void add_undated_notes(const FeatureSettings&, const SearchOptions& options, SearchFeatures& features) {
    std::string ordering;
    if (options.sort == SortOrder::newest || options.sort == SortOrder::oldest) {
        ordering = "--sort " + name_of(sort_order_names(), options.sort);
    } else if (options.sort == SortOrder::relevance && options.recency_half_life_days) {
        ordering = "--recency";
    }
    if (!ordering.empty()) features.collectors.push_back(std::make_shared<UndatedNote>(ordering));
}

}  // namespace gazette
