// Snippets: the best window of the text, with the query's words marked as
// the analyzer sees them.
#include "common/language.h"
#include "searcher/query_builder.h"
#include "searcher/snippet.h"

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

// The query read in `language` only, the text stemmed as an article in it.
std::string snippet_in(const std::string& language, const std::string& query_text, const std::string& text) {
    Analyzer analyzer;
    Xapian::Query query = QueryBuilder(analyzer, Xapian::Database(), language).build(query_text).any;
    return render(SnippetMaker(analyzer, query).make(text, stemmer_for(language)), "[", "]");
}

}  // namespace

TEST_SUITE("searcher") {

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

TEST_CASE("snippet: no matching word is passed over unanalysed") {
    // The maker skips a word without analysing it when the stemmer keeps
    // first letters (English, none) and no query term begins with its first
    // letter: each row is a word that must still be marked.
    struct Row {
        std::string language, query, text, expected;
    };
    const Row rows[] = {
        // English stems whose letters after the first differ from the word's.
        {"en", "sky", "Clear skies ahead", "Clear [skies] ahead"},
        {"en", "die", "the dying man", "the [dying] man"},
        {"en", "ugly", "an ugly row", "an [ugly] row"},
        // A capital, an acronym joined by the analyzer, an accented first letter.
        {"en", "skies", "Skies cleared", "[Skies] cleared"},
        {"en", "usa", "made in the U.S.A. today", "made in the [U.S.A.] today"},
        {"en", "elysee", "at the Élysée palace", "at the [Élysée] palace"},
        // Stemmers that remove prefixes: every word takes the full path.
        {"ga", "fear", "an bhfear mór", "an [bhfear] mór"},
        {"id", "baca", "dia membaca buku", "dia [membaca] buku"},
        // Languages without a stemmer: plain and non-Latin words.
        {"pl", "kot", "ma kot", "ma [kot]"},
        {"el", "αθηνα", "στην Αθήνα σήμερα", "στην [Αθήνα] σήμερα"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.language);
        CAPTURE(row.query);
        CHECK(snippet_in(row.language, row.query, row.text) == row.expected);
    }
}

TEST_CASE("snippet: words of scripts without spaces are found inside a run") {
    CHECK(snippet_for("北京大学", "他在北京大学学习") .find("[") != std::string::npos);
}

}  // TEST_SUITE
