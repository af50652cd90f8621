// newsserve: the archive over HTTP (server/http_server.h). Parses options,
// starts the server, stops it on SIGTERM or SIGINT, maps errors to exit codes.
#include "searcher/command_line.h"
#include "server/http_server.h"

#include <csignal>
#include <iostream>
#include <thread>

#include <pthread.h>

namespace {

constexpr const char* kUsage = R"(Usage: newsserve --db DIR [--db ...] [--listen HOST:PORT] [--threads N]

Serves the databases over HTTP, read-only: the JSON API under /api/ and a
search page at /. The databases are those newssearch opens: folders, stub
files of sharded archives and tcp:// shards (see newssearch --help).

API (docs/openapi.yaml); every answer is the JSON newssearch --format json
prints for the same search:
  GET /api/search?q=QUERY&n=10&offset=0&sort=relevance&facet=source,month
                 &date=1987-03-01..1987-03-31&source=reuters&lang=en
                 &timeline=1&by=auto|day|month|year&top_terms=N&fuzzy=1
                 &collapse=0&explain=1
  GET /api/timeline?q=QUERY&by=UNIT  the timeline (n=0 unless given)
  GET /api/top-terms?q=QUERY       top_terms=10 (n=0 unless given)
  GET /api/like/ID?n=10            articles like one
  GET /api/article/ID              an article in full (newssearch --show ID)
  GET /api/compare?q=LABEL=QUERY&q=LABEL=QUERY
  GET /api/health                  {"status":"ok","databases":[UUID...]}
An error is {"error":"one line"}: 400 for a malformed query (naming the
column) or a bad parameter, 404 for an unknown article or path, 413 for a
request body over 64 KiB, 414 for a URL over 8 KiB. A page holds at most 100
hits.

Each worker thread searches with its own view of the databases and moves to
their newest revision before each request, so what newsindex commits is found
without a restart. SIGTERM or SIGINT: the requests in flight are answered,
then newsserve exits 0.

Prints "newsserve: listening on http://HOST:PORT/" once it accepts requests
(with --listen HOST:0, the port chosen). Exit status: 0 after SIGTERM, 2 on
an error (a database that cannot be opened, an address in use, a bad option).)";

// HOST:PORT (an IPv6 host in brackets: [::1]:8080).
void parse_listen(const std::string& text, gazette::ServerSettings& settings) {
    std::size_t colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) throw gazette::UsageError("--listen: '" + text + "' is not HOST:PORT");
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    settings.host = host;
    settings.port = static_cast<int>(gazette::number_in_range(text.substr(colon + 1), 0, 65535, "listen"));
}

gazette::po::options_description server_options(gazette::ServerSettings& settings) {
    gazette::po::options_description group("Server");
    group.add_options()("listen",
                        gazette::po::value<std::string>()
                            ->value_name("HOST:PORT")
                            ->default_value("127.0.0.1:8080")
                            ->notifier([&settings](const std::string& text) { parse_listen(text, settings); }),
                        "the address to serve on: the loopback address unless told otherwise; port 0 picks a free one")(
        "threads", gazette::in_range(settings.threads, std::size_t{1}, std::size_t{64}, "threads")->default_value("4"),
        "worker threads, each with its own view of the databases: requests answered at once");
    return group;
}

// SIGTERM and SIGINT, blocked in every thread and taken by sigwait.
sigset_t stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    return signals;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace gazette;
    try {
        std::vector<std::filesystem::path> db_dirs;
        ServerSettings settings;
        po::options_description visible;
        visible.add(database_options(db_dirs)).add(shard_search_options(settings.sources)).add(server_options(settings));
        std::vector<std::string> arguments;
        if (!parse_command_line(argc, argv, visible, "argument", arguments, kUsage)) return 0;
        if (!arguments.empty()) throw UsageError("newsserve takes no arguments, only options: '" + arguments.front() + "'");
        settings.sources.locations.assign(db_dirs.begin(), db_dirs.end());

        // Blocked before any thread starts, so every thread inherits it.
        const sigset_t signals = stop_signals();
        pthread_sigmask(SIG_BLOCK, &signals, nullptr);

        NewsServer server(settings);
        std::cerr << server.database_notes();
        int port = server.bind();
        std::thread stopper([&server, &signals] {
            int signal = 0;
            sigwait(&signals, &signal);
            server.stop();
        });
        std::cout << "newsserve: listening on http://" << settings.host << ":" << port << "/" << std::endl;
        server.serve();
        // serve() ended without a signal (it cannot listen): wake the stopper.
        pthread_kill(stopper.native_handle(), SIGTERM);
        stopper.join();
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "newsserve: error: " << error.what() << "\n";
    }
    return 2;
}
