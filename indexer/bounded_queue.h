// A blocking queue of bounded size between threads: a producer waits for
// room, so it never runs far ahead of its consumers and memory stays flat on
// any input (the parallel build's chunks, a shard writer's tasks).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace gazette {

template <typename T>
class BoundedQueue {
public:
    explicit BoundedQueue(std::size_t capacity) : capacity_(capacity) {}

    // Waits for room; returns false, dropping `item`, once the queue is stopped.
    bool push(T item) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stopped_ || items_.size() < capacity_; });
        if (stopped_) return false;
        items_.push_back(std::move(item));
        changed_.notify_all();
        return true;
    }

    // The next item; none once the queue is closed and drained, or stopped.
    std::optional<T> pop() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stopped_ || closed_ || !items_.empty(); });
        if (stopped_ || items_.empty()) return std::nullopt;
        T item = std::move(items_.front());
        items_.pop_front();
        changed_.notify_all();
        return item;
    }

    // No more items will come: pop() hands out what is left, then none.
    void close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        changed_.notify_all();
    }

    // Gives up: waiting and later push() and pop() calls return at once.
    void stop() {
        std::lock_guard lock(mutex_);
        stopped_ = true;
        changed_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<T> items_;
    std::size_t capacity_;
    bool closed_ = false;
    bool stopped_ = false;
};

}  // namespace gazette
