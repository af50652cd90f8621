#include "server/api.h"

#include "common/json.h"
#include "searcher/comparison.h"
#include "searcher/output.h"
#include "searcher/similar.h"

#include <sstream>

namespace gazette {

namespace {

// A request the API answers with an error status.
class ApiError : public std::runtime_error {
public:
    ApiError(int status, const std::string& message) : std::runtime_error(message), status(status) {}
    int status;
};

// `parameters` with `defaults` added where the request did not give them.
RequestParameters with_defaults(RequestParameters parameters, const RequestParameters& defaults) {
    for (const auto& [name, value] : defaults) {
        if (!parameters.contains(name)) parameters.emplace(name, value);
    }
    return parameters;
}

SearchSpec read_spec(const RequestParameters& parameters, const RequestLimits& limits) {
    SearchSpec spec = spec_from_parameters(parameters, limits);
    spec.options.features = make_features(spec.features, spec.options);
    spec.output.format = OutputFormat::json;
    return spec;
}

std::string results_json(const SearchResults& results, const OutputOptions& output) {
    std::ostringstream out;
    print_results(out, results, output);
    return out.str();
}

std::string search_json(Searcher& searcher, const RequestParameters& parameters, const RequestLimits& limits) {
    SearchSpec spec = read_spec(parameters, limits);
    return results_json(searcher.search(query_with_filters(spec), spec.options), spec.output);
}

std::string like_json(Searcher& searcher, const std::string& id, const RequestParameters& parameters,
                      const RequestLimits& limits) {
    if (parameters.contains("q")) throw RequestError("parameter 'q': /api/like/ID takes no query");
    SearchSpec spec = read_spec(parameters, limits);
    return results_json(searcher.more_like(id, spec.options), spec.output);
}

std::string article_json(Searcher& searcher, const std::string& id, const RequestParameters& parameters) {
    if (!parameters.empty()) throw RequestError("/api/article/ID takes no parameters");
    std::ostringstream out;
    print_shown(out, searcher.show({id}), OutputFormat::json);
    return out.str();
}

// Each q=LABEL=QUERY is one query of the comparison; the other parameters
// are the search's options, as for /api/search.
std::string compare_json(Searcher& searcher, RequestParameters parameters, const RequestLimits& limits) {
    std::vector<LabelledQuery> queries;
    for (auto [at, end] = parameters.equal_range("q"); at != end; ++at) {
        try {
            queries.push_back(parse_labelled_query(at->second));
        } catch (const std::invalid_argument& error) {
            throw RequestError(std::string("parameter 'q': ") + error.what());
        }
    }
    if (queries.size() < 2) throw RequestError("parameter 'q': give two or more, each LABEL=QUERY");
    parameters.erase("q");
    SearchSpec spec = read_spec(parameters, limits);
    std::ostringstream out;
    print_comparison(out, searcher.compare(queries, spec.options, settings_of<TimelineSettings>(spec.features).unit), OutputFormat::json);
    return out.str();
}

std::string health_json(const Searcher& searcher) {
    return JsonObject().add("status", "ok").add("databases", searcher.database_uuids()).str() + "\n";
}

// The id after `prefix` in `path`, or empty when the path is not under it.
std::string id_after(std::string_view path, std::string_view prefix) {
    if (!path.starts_with(prefix) || path.size() == prefix.size()) return {};
    return std::string(path.substr(prefix.size()));
}

std::string route(Searcher& searcher, std::string_view path, const RequestParameters& parameters,
                  const RequestLimits& limits) {
    if (path == "/api/search") return search_json(searcher, parameters, limits);
    if (path == "/api/timeline") return search_json(searcher, with_defaults(parameters, {{"timeline", "1"}, {"n", "0"}}), limits);
    if (path == "/api/top-terms") {
        return search_json(searcher, with_defaults(parameters, {{"top_terms", "10"}, {"n", "0"}}), limits);
    }
    if (path == "/api/compare") return compare_json(searcher, parameters, limits);
    if (path == "/api/health") return health_json(searcher);
    if (std::string id = id_after(path, "/api/like/"); !id.empty()) return like_json(searcher, id, parameters, limits);
    if (std::string id = id_after(path, "/api/article/"); !id.empty()) return article_json(searcher, id, parameters);
    throw ApiError(404, "no such endpoint: " + std::string(path));
}

}  // namespace

std::string error_json(std::string_view message) { return JsonObject().add("error", message).str() + "\n"; }

ApiResponse answer_api(Searcher& searcher, std::string_view path, const RequestParameters& parameters,
                       const RequestLimits& limits) {
    try {
        searcher.refresh();
        return {200, route(searcher, path, parameters, limits)};
    } catch (const ApiError& error) {
        return {error.status, error_json(error.what())};
    } catch (const RequestError& error) {
        return {400, error_json(error.what())};
    } catch (const QueryError& error) {
        return {400, error_json(std::string("malformed query: ") + error.what())};
    } catch (const UnknownArticleError& error) {
        return {404, error_json(error.what())};
    }
}

}  // namespace gazette
