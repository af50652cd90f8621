// Search features as plug-ins, the way Xapian takes a MatchSpy, a KeyMaker or
// a PostingSource: a search is given collectors, which look at every match
// (facets, the timeline, characteristic terms), and hit decorators, which add
// to each hit shown (explanations, keywords in context, pickup). The Searcher
// runs those it is given (SearchOptions::features) and knows none by name;
// searcher/search_features.cpp makes those a command line or a spec asks for.
#pragma once

#include <memory>
#include <span>
#include <vector>

#include <xapian.h>

namespace gazette {

struct Hit;
struct SearchOptions;
struct SearchResults;
class SnippetMaker;

// Every match of a search, as a collector sees it.
struct MatchScope {
    const Xapian::Database& db;
    const Xapian::Query& matches;   // which articles match: the query without the ranking extras
    const Xapian::Query& baseline;  // the articles passing the query's collection filters (every one when none)
    const SearchOptions& options;
};

class MatchCollector {
public:
    virtual ~MatchCollector() = default;
    // Adds what it finds over every match to `results`, whose page of hits
    // is ranked and decorated.
    virtual void collect(const MatchScope& scope, SearchResults& results) const = 0;
};

// The hits of a page (or, with Searcher::for_each_match, one match at a
// time), as a decorator sees them.
struct HitScope {
    const Xapian::Database& db;
    const Xapian::Query& matches;  // as MatchScope::matches
    const SnippetMaker& snippets;  // finds the query's words in a text
    const SearchOptions& options;
};

class HitDecorator {
public:
    virtual ~HitDecorator() = default;
    // Adds to each of `hits`: their stored articles are filled in (only the
    // id for HitDetail::ids).
    virtual void decorate(const HitScope& scope, std::span<Hit> hits) const = 0;
    // Whether it can take the matches one at a time (Searcher::for_each_match);
    // one that needs a whole page says no, and is left out there.
    virtual bool one_at_a_time() const { return true; }
};

// The plug-ins a search is given. Shared and const, so that options copy
// cheaply and one set serves every query of a batch.
struct SearchFeatures {
    std::vector<std::shared_ptr<const MatchCollector>> collectors;
    std::vector<std::shared_ptr<const HitDecorator>> decorators;
};

}  // namespace gazette
