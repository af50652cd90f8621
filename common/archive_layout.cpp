#include "common/archive_layout.h"

#include "common/schema.h"

#include <cstdio>
#include <fstream>
#include <string>

namespace gazette {

namespace {
constexpr const char* kStubName = "XAPIANDB";  // the name Xapian looks for in a folder
}  // namespace

std::filesystem::path stub_path(const std::filesystem::path& db_dir) {
    return db_dir / kStubName;
}

std::filesystem::path shard_dir(const std::filesystem::path& db_dir, std::size_t shard) {
    char name[32];
    std::snprintf(name, sizeof name, "shard-%03zu", shard);
    return db_dir / name;
}

std::optional<std::size_t> shard_count(const std::filesystem::path& db_dir) {
    std::ifstream stub(stub_path(db_dir));
    if (!stub) return std::nullopt;
    std::size_t count = 0;
    for (std::string line; std::getline(stub, line);) {
        if (line.find_first_not_of(" \t") != std::string::npos && line[0] != '#') ++count;
    }
    return count;
}

bool has_saved_searches(const Xapian::Database& db) {
    std::string prefix(schema::kSavedSearchKeyPrefix);
    return db.metadata_keys_begin(prefix) != db.metadata_keys_end(prefix);
}

bool lacks_filter_guard(const Xapian::Database& db) {
    return db.get_lastdocid() > db.get_doccount() && !db.term_exists(std::string(schema::kFilterGuardTerm));
}

bool needs_filter_guard(const Xapian::Database& db) {
    if (!lacks_filter_guard(db)) return false;
    for (auto term = db.allterms_begin(); term != db.allterms_end(); ++term) {
        if (term.get_termfreq() == db.get_doccount()) return true;
    }
    return false;
}

Xapian::Document filter_guard_document() {
    Xapian::Document guard;
    guard.add_boolean_term(std::string(schema::kFilterGuardTerm));
    return guard;
}

// Xapian::Query(""), not Xapian::Query::MatchAll: that is one global object
// whose reference count Xapian does not update atomically, so copies of it
// made by searches in several threads (newsserve's workers) corrupt it.
Xapian::Query all_articles_query() {
    return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(std::string()),
                         Xapian::Query(std::string(schema::kFilterGuardTerm)));
}

Xapian::doccount article_count(const Xapian::Database& db) {
    return db.get_doccount() - db.get_termfreq(std::string(schema::kFilterGuardTerm));
}

Xapian::docid filter_guard_docid(const Xapian::Database& db) {
    std::string term(schema::kFilterGuardTerm);
    auto posting = db.postlist_begin(term);
    return posting == db.postlist_end(term) ? 0 : *posting;
}

}  // namespace gazette
