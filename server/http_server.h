// newsserve's HTTP server (cpp-httplib): the JSON API (server/api.h) under
// /api/, the search page at /, nothing else. A bounded pool of worker
// threads, each request answered with a Searcher of its own
// (server/searcher_pool.h); requests over the size limits refused (413, 414,
// 400); stop() lets the requests in flight finish.
#pragma once

#include "searcher/database_set.h"
#include "server/request_spec.h"

#include <cstddef>
#include <memory>
#include <string>

namespace gazette {

struct ServerSettings {
    DatabaseSources sources;
    std::string host = "127.0.0.1";  // loopback unless told otherwise
    int port = 8080;                 // 0: any free port (bind() says which)
    std::size_t threads = 4;         // workers, and Searchers
    std::size_t max_body_bytes = 64 * 1024;  // a larger request body is refused (413)
    RequestLimits limits;
};

class NewsServer {
public:
    // Opens a Searcher a worker. Throws DatabaseError as Searcher does.
    explicit NewsServer(const ServerSettings& settings);
    ~NewsServer();

    // Binds the address; returns the port. Throws ResourceError when it cannot.
    int bind();

    // Answers requests until stop(); then returns once those in flight are answered.
    void serve();

    // From any thread (newsserve's signal thread).
    void stop();

    // Notes for the operator about the databases (missing or remote shards); empty when none.
    std::string database_notes() const;

    NewsServer(const NewsServer&) = delete;
    NewsServer& operator=(const NewsServer&) = delete;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace gazette
