// Languages: codes, detection (CLD2), the stemmer table, and how an article
// gets its language. The detection rows are news sentences written for the
// tests (tests/testdata/languages/README.md), one per language.
#include "common/language.h"

#include "common/schema.h"

#include <doctest/doctest.h>

#include <set>
#include <sstream>

using namespace gazette;

TEST_SUITE("common") {

TEST_CASE("language: a tag becomes its ISO 639-1 code") {
    struct Row {
        const char* tag;
        const char* code;
    };
    for (const Row& row : {Row{"de", "de"}, Row{"de-AT", "de"}, Row{"DE_at", "de"}, Row{" en ", "en"},
                           Row{"zh-Hant", "zh"}, Row{"iw", "he"}, Row{"", ""}}) {
        CAPTURE(row.tag);
        CHECK(language_code(row.tag) == row.code);
    }
    CHECK(is_language_code("de"));
    CHECK(is_language_code("fil"));
    CHECK_FALSE(is_language_code("german"));
    CHECK_FALSE(is_language_code("xx"));  // the shape of a code, but no language
    CHECK_FALSE(is_language_code("qqq"));
    CHECK_FALSE(is_language_code("d3"));
    CHECK_FALSE(is_language_code(""));
}

TEST_CASE("language: CLD2 detects the language of a news sentence") {
    struct Row {
        const char* code;
        const char* text;
    };
    for (const Row& row : {
             Row{"en", "The parliament passed the budget on Tuesday after a long debate, and the finance minister "
                       "said the new taxes would fund hospitals."},
             Row{"de", "Nach den Wahlen in Österreich kündigte die Regierung in Wien am Sonntag neue Gesetze an."},
             Row{"ru", "Президент России провёл в Москве встречу с министрами и губернаторами."},
             Row{"zh", "中国政府今天宣布新的经济政策，以促进国内消费和扩大就业。"},
             Row{"zh", "中國政府今天宣佈新的經濟政策，以促進國內消費和擴大就業。"},  // traditional: zh-Hant
             Row{"ja", "日本政府は東京で記者会見を開き、新たな経済対策を発表した。"},
             Row{"th", "รัฐบาลไทยประกาศมาตรการใหม่เพื่อกระตุ้นเศรษฐกิจ"},
             Row{"ar", "أعلنت الحكومة المصرية اليوم عن خطة جديدة لدعم الاقتصاد الوطني وتوفير فرص العمل للشباب"},
             Row{"id", "Pemerintah Indonesia mengumumkan kebijakan baru untuk meningkatkan pertumbuhan ekonomi."},
             Row{"tr", "Hükümet, İstanbul'da inşa edilen yeni köprünün bugün açıldığını duyurdu."},
             Row{"el", "Η κυβέρνηση της Ελλάδας ανακοίνωσε σήμερα νέα μέτρα για την οικονομία της χώρας."},
         }) {
        CAPTURE(row.text);
        CHECK(detect_language(row.text) == row.code);
    }
}

TEST_CASE("language: too little text is not guessed") {
    CHECK(detect_language("").empty());
    CHECK(detect_language("oil").empty());
}

TEST_CASE("language: detection reads a bounded prefix, never half a character") {
    // "ü" is two bytes: the cut at kDetectionBytes falls inside one of them.
    std::string text;
    while (text.size() < 2 * kDetectionBytes) text += "Über die Wahlen in Österreich berichten die Zeitungen. ";
    CHECK(detect_language(text) == "de");
}

TEST_CASE("language: an article gets its own language, else --lang, else the detected one, else English") {
    struct Row {
        const char* name;
        const char* own;
        const char* fallback;
        const char* body;
        const char* expected;
    };
    const char* german = "Nach den Wahlen in Österreich kündigte die Regierung in Wien am Sonntag neue Gesetze an.";
    for (const Row& row : {
             Row{"its own, as a code", "de-AT", "", "The parliament passed the budget.", "de"},
             Row{"its own wins over --lang", "fr", "de", german, "fr"},
             Row{"--lang wins over detection", "", "es", german, "es"},
             Row{"detected", "", "", german, "de"},
             Row{"nothing to go on: English", "", "", "oil", "en"},
             Row{"not a code: English", "Deutsch", "", german, "en"},
         }) {
        CAPTURE(row.name);
        Article article;
        article.language = row.own;
        article.body = row.body;
        settle_language(article, {row.fallback});
        CHECK(article.language == row.expected);
    }
}

TEST_CASE("language: the table has every Snowball stemmer Xapian has") {
    std::set<std::string> in_table;
    for (const StemmedLanguage& language : stemmed_languages()) {
        CAPTURE(language.code);
        CHECK(stemmer_for(language.code).get_description() == "Xapian::Stem(" + std::string(language.stemmer) + ")");
        in_table.insert(std::string(language.stemmer));
    }
    // Xapian also lists variants of English, German and Dutch under other
    // names; each language's own stemmer is the one a code chooses.
    const std::set<std::string> variants = {"earlyenglish", "german2", "kraaij_pohlmann", "lovins", "porter"};
    std::istringstream available(Xapian::Stem::get_available_languages());
    for (std::string name; available >> name;) {
        CAPTURE(name);
        CHECK((in_table.count(name) == 1 || variants.count(name) == 1));
    }
    CHECK(stemmer_for("").get_description() == "Xapian::Stem(english)");
    CHECK(stemmer_for("zh").is_none());
}

TEST_CASE("language: the languages of a database are its language terms") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const char* code : {"ru", "de", "de", "zh"}) {
        Xapian::Document doc;
        doc.add_boolean_term(std::string(schema::kLanguagePrefix) + code);
        db.add_document(doc);
    }
    CHECK(languages_in(db) == std::vector<std::string>{"de", "ru", "zh"});
}

}  // TEST_SUITE
