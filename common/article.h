// The article model: what every reader produces and the indexer consumes.
#pragma once

#include "common/date.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace gazette {

// Where a record came from, for error messages ("file:line: ...").
struct Origin {
    std::string file;
    std::size_t line = 0;  // 1-based line where the record starts; 0 if unknown
};

struct Article {
    std::string id;    // required, unique within a database
    std::string body;  // required
    std::string title;
    std::optional<Date> date;
    std::string source;    // outlet, e.g. "Reuters"
    std::string location;  // dateline, e.g. "SALVADOR"
    std::string byline;
    std::string url;
    std::string language;  // ISO 639-1 code; empty means the default (English)
    std::vector<std::string> topics;
    std::vector<std::string> places;
    Origin origin;  // not indexed: only for diagnostics
};

// Why an article cannot be indexed, or nullopt when it can.
std::optional<std::string> missing_required_field(const Article& article);

// The most text (title and body, in bytes) one article may have. News
// articles are far below it; a 50 MB "article" took 42 s to index and 9 s for
// every search that showed it, and a long query on it took minutes.
inline constexpr std::size_t kMaxArticleBytes = std::size_t{4} << 20;

// Why an article is too large to index, or nullopt when it is not.
std::optional<std::string> too_large(const Article& article);
std::optional<std::string> too_large(std::size_t bytes);

}  // namespace gazette
