// Analysis tests, table-driven: each row is a text and the unprefixed,
// unstemmed terms it must index, with their positions ("non[1] nato[2]").
#include "common/analyzer.h"
#include "common/schema.h"

#include <doctest/doctest.h>

#include <map>

using namespace gazette;

namespace {

Xapian::Document index_body(Analyzer& analyzer, const std::string& body, const std::string& language = "") {
    Article article;
    article.id = "test";
    article.body = body;
    article.language = language;
    Xapian::Document doc;
    analyzer.index_article(article, doc);
    return doc;
}

// The free-text terms of `doc` without prefix, in position order:
// "non[1] nato[2]".
std::string positioned_terms(const Xapian::Document& doc) {
    std::map<Xapian::termpos, std::string> by_position;
    for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
        std::string name = *term;
        if (name.empty() || std::isupper(static_cast<unsigned char>(name[0]))) continue;
        for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos) by_position[*pos] = name;
    }
    std::string out;
    for (const auto& [position, name] : by_position) {
        if (!out.empty()) out += ' ';
        out += name + "[" + std::to_string(position) + "]";
    }
    return out;
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term;
}

struct Row {
    const char* text;
    const char* expected;
};

void check_rows(std::initializer_list<Row> rows) {
    Analyzer analyzer;
    for (const Row& row : rows) {
        std::string text = row.text, expected = row.expected;
        CAPTURE(text);
        CHECK(positioned_terms(index_body(analyzer, text)) == expected);
    }
}

}  // namespace

TEST_SUITE("common") {

TEST_CASE("analyzer: hyphenated words index as consecutive words") {
    check_rows({
        {"non-NATO ally", "non[1] nato[2] ally[3]"},
        {"NON-NATO", "non[1] nato[2]"},
        {"US-Colombia relations", "us[1] colombia[2] relations[3]"},
        // Regression: U+2011 (non-breaking hyphen) used to glue the words into one term.
        {"non\u2011NATO", "non[1] nato[2]"},
    });
}

TEST_CASE("analyzer: possessives keep the apostrophe and stem to the bare word") {
    check_rows({
        {"Duque's visit", "duque's[1] visit[2]"},
        // Regression: the typographic apostrophe split "Duque’s" into "duque" and "s".
        {"Duque\u2019s visit", "duque's[1] visit[2]"},
    });
    Analyzer analyzer;
    CHECK(has_term(index_body(analyzer, "Duque's"), "Zduqu"));
    CHECK(has_term(index_body(analyzer, "Duque"), "Zduqu"));
}

TEST_CASE("analyzer: dotted acronyms join like the bare word") {
    check_rows({
        // Regression: after case folding Xapian split "u.s." into "u" and "s".
        {"U.S. policy", "us[1] policy[2]"},
        {"the u.s.a. team", "the[1] usa[2] team[3]"},
        {"U.S-based", "us[1] based[2]"},
        {"J. Smith", "j[1] smith[2]"},
        {"end. Next", "end[1] next[2]"},
    });
}

TEST_CASE("analyzer: normalise joins dotted acronyms wherever they stand in the text") {
    // The text between dots is copied in one piece: acronyms at the start, at
    // the end, next to each other and after a dot must still join (or not) as
    // when every character was looked at.
    Analyzer analyzer;
    const std::pair<const char*, const char*> rows[] = {
        {"", ""},
        {"No dots here", "no dots here"},
        {"a.b", "ab"},
        {"U.S. and E.E.C. talks", "us and eec talks"},
        {"3.5 pct, u.s.a", "3.5 pct, usa"},
        {"x.y.z.w.", "xyzw"},
        {"U.S..", "us."},
        {".u.s.", ".u.s."},  // a dot before the first letter: no acronym
        {"end. e.g. J. Smith", "end. eg j. smith"},
    };
    for (const auto& [text, folded] : rows) {
        CAPTURE(text);
        CHECK(analyzer.normalise(text) == folded);
    }
}

TEST_CASE("analyzer: accents and case fold away") {
    check_rows({
        {"Bogotá BOGOTA bogota", "bogota[1] bogota[2] bogota[3]"},
        {"Ñandú São Paulo", "nandu[1] sao[2] paulo[3]"},
        {"Straße", "strasse[1]"},
        {"COLOMBIA Colombia", "colombia[1] colombia[2]"},
        {"Αθήνα", "αθηνα[1]"},
        // NFKC: ligatures and full-width forms are the plain letters.
        {"\uFB01nance \uFF2E\uFF21\uFF34\uFF2F", "finance[1] nato[2]"},
        // Marks that are part of the spelling in other scripts stay.
        {"हिन्दी", "हिन्दी[1]"},
    });
}

TEST_CASE("analyzer: numbers keep their separators") {
    check_rows({
        {"1,750 dlrs at 2.27 times", "1,750[1] dlrs[2] at[3] 2.27[4] times[5]"},
        {"in 1998 and 2019", "in[1] 1998[2] and[3] 2019[4]"},
    });
}

TEST_CASE("analyzer: scripts without spaces are split into words") {
    check_rows({
        {"北京大学的学生", "北京[1] 大学[2] 的[3] 学生[4]"},
        {"東京で会議を開いた", "東京[1] で[2] 会議[3] を[4] 開[5] い[6] た[7]"},
        // A run next to Latin letters is its own word.
        {"NHK東京", "nhk[1] 東京[2]"},
        {"ภาษาไทยง่าย", "ภาษา[1] ไทย[2] ง่าย[3]"},
    });
}

TEST_CASE("analyzer: script-aware folding, the same for every language") {
    check_rows({
        // Turkish: dotted capital and dotless small i both become i.
        {"İstanbul ışık ISTANBUL", "istanbul[1] isik[2] istanbul[3]"},
        // German: ß is ss.
        {"Straße STRASSE", "strasse[1] strasse[2]"},
        // Greek: final sigma is sigma, accents go.
        {"Ελλάδας ΕΛΛΑΔΑΣ", "ελλαδασ[1] ελλαδασ[2]"},
        // Arabic: short vowels, hamza over alef and the tatweel go.
        {"الحُكُومَة الحكومة", "الحكومة[1] الحكومة[2]"},
        {"أحمد احمد", "احمد[1] احمد[2]"},
        {"الاقتصـــاد", "الاقتصاد[1]"},
        // Thai tone marks and Hindi vowel signs are spelling, not accents.
        {"ไม้", "ไม้[1]"},
        {"हिंदी", "हिंदी[1]"},
    });
}

TEST_CASE("analyzer: each language is stemmed by its own Snowball stemmer") {
    struct Row {
        const char* language;
        const char* text;
        const char* stem;  // the stemmed term, as the query's other form stems
    };
    Analyzer analyzer;
    for (const Row& row : {
             Row{"de", "Wahlen", "Zwahl"},
             Row{"ru", "министрами", "Zминистр"},
             Row{"ar", "الحكومة", "Zحكوم"},
             Row{"id", "mengumumkan", "Zumum"},
             Row{"tr", "köprünün", "Zkopru"},
             Row{"es", "elecciones", "Zeleccion"},
             Row{"fr", "élections", "Zelect"},
             Row{"it", "elezioni", "Zelezion"},
             Row{"nl", "verkiezingen", "Zverkiez"},
             Row{"sv", "valen", "Zval"},
         }) {
        CAPTURE(row.language);
        CHECK(has_term(index_body(analyzer, row.text, row.language), row.stem));
    }
}

TEST_CASE("analyzer: English is stemmed by default, other languages by their stemmer") {
    Analyzer analyzer;
    CHECK(has_term(index_body(analyzer, "allies"), "Zalli"));
    CHECK(has_term(index_body(analyzer, "Wahlen", "de"), "Zwahl"));
    // A language without a stemmer is indexed unstemmed, never refused.
    CHECK(positioned_terms(index_body(analyzer, "kumusta mundo", "tl")) == "kumusta[1] mundo[2]");
}

TEST_CASE("analyzer: fields and tags become filter terms") {
    Analyzer analyzer;
    Article article;
    article.id = "42";
    article.body = "text";
    article.title = "Cocoa Review";
    article.source = "Reuters";
    article.places = {"El Salvador", "usa"};
    article.topics = {"cocoa"};
    article.date = Date{1987, 2, 26};
    Xapian::Document doc;
    analyzer.index_article(article, doc);
    for (std::string term : {"Q42", "Scocoa", "Sreview", "XSreuters", "XPel-salvador", "XPusa", "XTcocoa", "Len", "Y1987",
                             "M198702", "D19870226"}) {
        CAPTURE(term);
        CHECK(has_term(doc, term));
    }
    CHECK(doc.get_value(schema::kDateSlot) == "19870226");
    // The title's words count for more than a body word (kTitleWeight).
    auto it = doc.termlist_begin();
    it.skip_to("cocoa");
    REQUIRE(*it == "cocoa");
    CHECK(it.get_wdf() == schema::kTitleWeight);
}

}  // TEST_SUITE
