// libFuzzer target for query parsing: any bytes as a query go through the
// same path as newssearch's (QueryBuilder: folding, Xapian's QueryParser, the
// two tiers) and are run against a small in-memory index. A QueryError (a
// malformed query, with its message) is allowed; any other exception, crash
// or sanitizer report is a bug.
#include "common/analyzer.h"
#include "searcher/query_builder.h"

#include <cstdint>
#include <string_view>

namespace {

using namespace gazette;

struct Harness {
    Analyzer analyzer;
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};

    Harness() {
        Article article;
        article.id = "1";
        article.title = "Colombia becomes a non-NATO ally";
        article.body = "Bogotá, U.S. officials said on Tuesday; cocoa and coffee prices rose.";
        Xapian::Document doc;
        analyzer.index_article(article, doc);
        db.add_document(doc);
    }

    void run(std::string_view query) {
        try {
            QueryBuilder builder(analyzer, db);
            TieredQuery tiers = builder.build(query);
            Xapian::Enquire enquire(db);
            enquire.set_query(tiers.all);
            enquire.get_mset(0, 10);
            enquire.set_query(tiers.any);
            enquire.get_mset(0, 10);
        } catch (const QueryError&) {
            // A malformed query, reported to the user: allowed.
        }
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Harness harness;
    harness.run(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
