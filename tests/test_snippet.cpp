// Snippets: the best window of the text, with the query's words marked as
// the analyzer sees them.
#include "common/query_builder.h"
#include "common/snippet.h"

#include <doctest/doctest.h>

using namespace gazette;

namespace {

std::string snippet_for(const std::string& query_text, const std::string& text, std::size_t max_words = 32) {
    Analyzer analyzer;
    Xapian::Query query = QueryBuilder(analyzer, Xapian::Database()).build(query_text).any;
    SnippetMaker maker(analyzer, query);
    SnippetOptions options;
    options.max_words = max_words;
    return render(maker.make(text, Xapian::Stem("en"), options), "[", "]");
}

}  // namespace

TEST_SUITE("common") {

TEST_CASE("snippet: marks matches through case, accents, stems and possessives") {
    CHECK(snippet_for("bogota", "Talks in Bogotá went well.") == "Talks in [Bogotá] went well.");
    CHECK(snippet_for("duque", "President Duque's visit.") == "President [Duque's] visit.");
    CHECK(snippet_for("allies", "a close ally of the allies") == "a close [ally] of the [allies]");
    CHECK(snippet_for("US", "the U.S. and us") == "the [U.S.] and [us]");
    CHECK(snippet_for("non-NATO", "a non-NATO ally") == "a [non]-[NATO] ally");
}

TEST_CASE("snippet: white space is collapsed") {
    CHECK(snippet_for("cocoa", "Showers in\n    the Bahia cocoa\tzone") == "Showers in the Bahia [cocoa] zone");
}

TEST_CASE("snippet: the window with the most distinct query words wins, cut with ellipses") {
    std::string text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi";
    CHECK(snippet_for("kappa lambda", text, 4) == "\u2026[kappa] [lambda] mu nu\u2026");
    // No match at all (the article matched on its title): the start of the text.
    CHECK(snippet_for("omega", text, 3) == "alpha beta gamma\u2026");
}

TEST_CASE("snippet: one maker over articles in different languages marks each with its own stemmer") {
    // The maker remembers the words it has matched: what it remembers with
    // one stemmer must not carry over to the next (English stems "runs" and
    // "running" to the query's "run"; Spanish leaves them alone).
    Analyzer analyzer;
    Xapian::Query query = QueryBuilder(analyzer, Xapian::Database(), "en").build("run").any;
    SnippetMaker maker(analyzer, query);
    const std::string text = "she runs and keeps running";
    for (int round = 0; round < 2; ++round) {
        CAPTURE(round);
        CHECK(render(maker.make(text, Xapian::Stem("en")), "[", "]") == "she [runs] and keeps [running]");
        CHECK(render(maker.make(text, Xapian::Stem("es")), "[", "]") == "she runs and keeps running");
    }
}

TEST_CASE("snippet: words of scripts without spaces are found inside a run") {
    CHECK(snippet_for("北京大学", "他在北京大学学习") .find("[") != std::string::npos);
}

}  // TEST_SUITE
