#include "server/searcher_pool.h"

namespace gazette {

SearcherPool::SearcherPool(const DatabaseSources& sources, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) idle_.push_back(std::make_unique<Searcher>(sources));
}

SearcherPool::Lease SearcherPool::borrow() {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [this] { return !idle_.empty(); });
    std::unique_ptr<Searcher> searcher = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(searcher));
}

void SearcherPool::give_back(std::unique_ptr<Searcher> searcher) {
    {
        std::lock_guard lock(mutex_);
        idle_.push_back(std::move(searcher));
    }
    returned_.notify_one();
}

}  // namespace gazette
