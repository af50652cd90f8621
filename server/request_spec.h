// The search an HTTP request asks for: its URL query parameters read as a
// search spec (searcher/search_spec.h), so that newsserve takes the same keys,
// values and checks as newssearch --spec, and answers with the same search.
//
//   /api/search?q=oil&n=5&offset=10&sort=newest&facet=source,month&date=1987-03
//
// maps to {"query":"oil","filters":{"from":"1987-03","to":"1987-03"},
// "options":{"limit":5,"offset":10,"sort":"newest","facets":["source","month"]}}.
// Each parameter is in kRequestParameters (request_spec.cpp), with the spec
// key it fills.
#pragma once

#include "searcher/search_spec.h"

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>

namespace gazette {

// A request the API refuses (HTTP 400); what() is one line naming the
// parameter and its value.
class RequestError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// URL query parameters, a name possibly repeated (httplib::Params).
using RequestParameters = std::multimap<std::string, std::string>;

struct RequestLimits {
    std::size_t max_page = 100;  // hits a page (n)
};

// The spec the parameters describe (newssearch's defaults for the others).
// Throws RequestError for an unknown parameter, one given twice (a list may
// be: facet=source&facet=month), a bad value (the spec's own check, named by
// the parameter) or a page larger than limits.max_page.
SearchSpec spec_from_parameters(const RequestParameters& parameters, const RequestLimits& limits);

}  // namespace gazette
