// Searching: a query string in, ranked hits with snippets out.
#pragma once

#include "common/analyzer.h"
#include "common/article.h"
#include "common/document.h"
#include "common/query_builder.h"
#include "common/snippet.h"

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

namespace gazette {

class DatabaseError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct SearchOptions {
    std::size_t offset = 0;
    std::size_t limit = 10;
    std::string language;  // of the query; empty = the default
};

struct Hit {
    std::size_t rank = 0;  // 1-based, counting from the first result, not the page
    double score = 0;
    Article article;  // as stored: id, title, date, source, ...
    Snippet snippet;
};

struct SearchResults {
    std::string query;
    Xapian::doccount total = 0;  // matching articles (an estimate when not exact)
    bool total_is_exact = true;
    std::vector<Hit> hits;
};

class Searcher {
public:
    // Opens the databases as one. Throws DatabaseError naming the one that
    // cannot be opened.
    explicit Searcher(const std::vector<std::filesystem::path>& db_dirs);

    // BM25, articles matching all the words first (see TieredQuery).
    // Throws QueryError for a malformed query. Safe while newsindex writes:
    // every hit comes from one committed revision of the database.
    SearchResults search(const std::string& query, const SearchOptions& options);

private:
    SearchResults search_revision(const std::string& query, const SearchOptions& options);
    std::vector<Hit> collect_hits(const Xapian::MSet& mset, std::size_t first_rank, const SnippetMaker& snippets);

    Xapian::Database db_;
    Analyzer analyzer_;
    DocumentDataDecoder decoder_;
};

}  // namespace gazette
