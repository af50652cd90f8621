// The queue between the indexing threads: closing drains it, stopping gives up.
#include "indexer/bounded_queue.h"

#include <doctest/doctest.h>

#include <thread>

using gazette::BoundedQueue;

TEST_SUITE("indexer") {

TEST_CASE("bounded queue: items come out in order, and once closed the rest is handed out, then none") {
    BoundedQueue<int> queue(2);
    CHECK(queue.push(1));
    CHECK(queue.push(2));
    queue.close();
    CHECK(queue.pop() == 1);
    CHECK(queue.pop() == 2);
    CHECK_FALSE(queue.pop().has_value());
}

TEST_CASE("bounded queue: a stopped queue takes nothing and hands out nothing") {
    BoundedQueue<int> queue(2);
    CHECK(queue.push(1));
    queue.stop();
    CHECK_FALSE(queue.push(2));
    CHECK_FALSE(queue.pop().has_value());
}

TEST_CASE("bounded queue: a producer waiting on a full queue goes on once a consumer takes an item") {
    BoundedQueue<int> queue(1);
    CHECK(queue.push(1));
    std::thread producer([&] { CHECK(queue.push(2)); });
    CHECK(queue.pop() == 1);
    producer.join();
    queue.close();
    CHECK(queue.pop() == 2);
    CHECK_FALSE(queue.pop().has_value());
}

TEST_CASE("bounded queue: stopping wakes a producer waiting on a full queue") {
    BoundedQueue<int> queue(1);
    CHECK(queue.push(1));
    std::thread producer([&] { CHECK_FALSE(queue.push(2)); });
    queue.stop();
    producer.join();
}

}
