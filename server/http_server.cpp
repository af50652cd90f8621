#include "server/http_server.h"

#include "server/api.h"
#include "server/page.h"
#include "server/searcher_pool.h"

#include <iostream>

#include <httplib.h>

namespace gazette {

namespace {

// The answer to an API request; an error reading the databases is logged and
// answered 503 (our message) or 500 (Xapian's text stays in the log).
ApiResponse answer(SearcherPool& searchers, const httplib::Request& request, const RequestLimits& limits) {
    try {
        auto searcher = searchers.borrow();
        return answer_api(*searcher, request.path, request.params, limits);
    } catch (const DatabaseError& error) {
        std::cerr << "newsserve: error: " << request.path << ": " << error.what() << "\n";
        return {503, error_json(error.what())};
    } catch (const Xapian::Error& error) {
        std::cerr << "newsserve: error: " << request.path << ": " << error.get_description() << "\n";
        return {500, error_json("the database could not be read (see the server's log)")};
    } catch (const std::exception& error) {
        std::cerr << "newsserve: error: " << request.path << ": " << error.what() << "\n";
        return {500, error_json("internal error (see the server's log)")};
    }
}

// httplib's own refusals, in words.
std::string refusal(int status) {
    switch (status) {
    case 400: return "bad request";
    case 404: return "not found: the API is under /api/ (see docs/openapi.yaml), the search page at /";
    case 413: return "request too large";
    case 414: return "request URI too long";
    default: return "HTTP status " + std::to_string(status);
    }
}

}  // namespace

struct NewsServer::Impl {
    explicit Impl(const ServerSettings& settings) : settings(settings), searchers(settings.sources, settings.threads) {}

    ServerSettings settings;
    SearcherPool searchers;
    httplib::Server http;
};

NewsServer::NewsServer(const ServerSettings& settings) : impl_(std::make_unique<Impl>(settings)) {
    httplib::Server& http = impl_->http;
    std::size_t threads = settings.threads;
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // SO_REUSEADDR alone: a restart binds at once past TIME_WAIT, but a second
    // newsserve on a port in use fails. httplib's default, SO_REUSEPORT, let
    // it bind and share the port's requests with the first, silently.
    http.set_socket_options([](socket_t socket) {
        int yes = 1;
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    http.set_payload_max_length(settings.max_body_bytes);
    http.set_keep_alive_timeout(2);  // stop() waits for idle keep-alive connections up to this
    http.set_read_timeout(5);
    http.set_default_headers({{"X-Content-Type-Options", "nosniff"}});
    http.Get("/", [](const httplib::Request&, httplib::Response& response) {
        response.set_header("Content-Security-Policy",
                            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                            "connect-src 'self'; img-src 'self' data:");
        response.set_content(std::string(search_page_html()), "text/html; charset=utf-8");
    });
    http.Get("/api/.*", [this](const httplib::Request& request, httplib::Response& response) {
        ApiResponse api = answer(impl_->searchers, request, impl_->settings.limits);
        response.status = api.status;
        response.set_content(api.body, "application/json");
    });
    // httplib's own refusals (no route 404, 413, 414, a bad request line) in JSON too.
    http.set_error_handler([](const httplib::Request&, httplib::Response& response) {
        if (response.body.empty()) {
            response.set_content(error_json(refusal(response.status)), "application/json");
        }
    });
}

NewsServer::~NewsServer() = default;

int NewsServer::bind() {
    const ServerSettings& settings = impl_->settings;
    int port = settings.port == 0 ? impl_->http.bind_to_any_port(settings.host)
                                  : (impl_->http.bind_to_port(settings.host, settings.port) ? settings.port : -1);
    if (port < 0) {
        throw ResourceError("cannot listen on " + settings.host + ":" + std::to_string(settings.port) +
                            " (in use, or not an address of this machine)");
    }
    return port;
}

void NewsServer::serve() { impl_->http.listen_after_bind(); }

void NewsServer::stop() { impl_->http.stop(); }

std::string NewsServer::database_notes() const {
    const Searcher& searcher = impl_->searchers.any();
    std::string notes;
    if (!searcher.missing_shards().empty()) {
        notes += describe_missing(searcher.missing_shards(), impl_->settings.sources.locations.size()) + "\n";
    }
    if (searcher.has_remote_shards()) notes += "note: no spelling suggestions from tcp:// shards (Xapian does not serve them)\n";
    return notes;
}

}  // namespace gazette
