// newsserve's JSON API, apart from HTTP: a path and its query parameters in,
// a status and the JSON newssearch --format json prints out (searcher/output.h
// writes both: there is no second JSON writer).
//
//   /api/search?q=&n=&offset=&sort=&facet=&date=&source=&lang=...   newssearch --format json QUERY
//   /api/timeline?q=...&by= the same with timeline=1 and n=0 unless given  (--timeline -n 0; by: --timeline-by)
//   /api/top-terms?q=...     the same with top_terms=10 and n=0 unless given (--top-terms 10 -n 0)
//   /api/like/ID?n=...       newssearch --format json --like ID
//   /api/article/ID          newssearch --format json --show ID
//   /api/compare?q=LABEL=QUERY&q=LABEL=QUERY...   newssearch --format json --compare ...
//   /api/health              {"status":"ok","databases":[UUID...]}
//
// The parameters are those of server/request_spec.h. An error is
// {"error":"one line"} with a 4xx status: 400 for a malformed query (the
// message names the column, as newssearch's does) or a bad parameter, 404 for
// an unknown path or article id.
#pragma once

#include "searcher/searcher.h"
#include "server/request_spec.h"

#include <string>
#include <string_view>

namespace gazette {

struct ApiResponse {
    int status = 200;
    std::string body;  // JSON and a newline
};

// The answer to one request, from `searcher` moved to the newest revision of
// its databases first (so what newsindex committed is found). Not
// thread-safe, as a Searcher is not: newsserve gives each worker thread its
// own. Errors of the request are answers; an error reading the databases is
// thrown (DatabaseError, Xapian::Error) for the server to log and answer 500.
ApiResponse answer_api(Searcher& searcher, std::string_view path, const RequestParameters& parameters,
                       const RequestLimits& limits);

// {"error":MESSAGE} and a newline.
std::string error_json(std::string_view message);

}  // namespace gazette
