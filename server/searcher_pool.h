// One Searcher for each of newsserve's worker threads: Xapian databases are
// not thread-safe, so a request borrows a Searcher for its whole answer and
// no two requests ever share one. There are as many Searchers as workers, so
// a worker never waits for one.
#pragma once

#include "searcher/database_set.h"
#include "searcher/searcher.h"

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

namespace gazette {

class SearcherPool {
public:
    // Opens `size` Searchers on `sources`. Throws DatabaseError as Searcher does.
    SearcherPool(const DatabaseSources& sources, std::size_t size);

    // A Searcher on loan, given back when the Lease ends.
    class Lease {
    public:
        Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher)
            : pool_(pool), searcher_(std::move(searcher)) {}
        ~Lease() { pool_.give_back(std::move(searcher_)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Searcher& operator*() const { return *searcher_; }

    private:
        SearcherPool& pool_;
        std::unique_ptr<Searcher> searcher_;
    };

    // Waits until a Searcher is free.
    Lease borrow();

    // The first Searcher's view of the databases (for the startup notes).
    const Searcher& any() const { return *idle_.front(); }

private:
    void give_back(std::unique_ptr<Searcher> searcher);

    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<Searcher>> idle_;
};

}  // namespace gazette
