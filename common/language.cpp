#include "common/language.h"

#include "common/schema.h"
#include "common/text.h"

#include <algorithm>
#include <cstdio>  // compact_lang_det.h uses FILE without including it

#include <cld2/public/compact_lang_det.h>
#include <unicode/locid.h>

namespace gazette {

namespace {

constexpr StemmedLanguage kStemmedLanguages[] = {
    {"ar", "arabic"},     {"ca", "catalan"},    {"da", "danish"},    {"de", "german"},     {"en", "english"},
    {"es", "spanish"},    {"eu", "basque"},     {"fi", "finnish"},   {"fr", "french"},     {"ga", "irish"},
    {"hu", "hungarian"},  {"hy", "armenian"},   {"id", "indonesian"}, {"it", "italian"},   {"lt", "lithuanian"},
    {"nb", "norwegian"},  {"ne", "nepali"},     {"nl", "dutch"},     {"nn", "norwegian"},  {"no", "norwegian"},
    {"pt", "portuguese"}, {"ro", "romanian"},   {"ru", "russian"},   {"sv", "swedish"},    {"ta", "tamil"},
    {"tr", "turkish"},
};

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The longest prefix of `text` of at most `limit` bytes that does not cut a
// UTF-8 sequence in two (CLD2 rejects a text that ends in half a character).
std::string_view whole_characters(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

}  // namespace

std::span<const StemmedLanguage> stemmed_languages() { return kStemmedLanguages; }

Xapian::Stem stemmer_for(std::string_view language) {
    if (language.empty()) language = schema::kDefaultLanguage;
    for (const StemmedLanguage& entry : kStemmedLanguages) {
        if (entry.code == language) return Xapian::Stem(std::string(entry.stemmer));
    }
    return Xapian::Stem();  // a language without a Snowball stemmer: no stemming
}

std::string language_code(std::string_view tag) {
    std::string code = ascii_lowercase(trim(tag));
    code = code.substr(0, code.find_first_of("-_"));
    return code == "iw" ? "he" : code;
}

bool is_language_code(std::string_view code) {
    if ((code.size() != 2 && code.size() != 3) || !std::all_of(code.begin(), code.end(), is_ascii_letter)) return false;
    // ICU knows the ISO 639 languages: "xx" has the right shape but no
    // three-letter code, so it names no language.
    return *icu::Locale(std::string(code).c_str()).getISO3Language() != '\0';
}

std::string detect_language(std::string_view text) {
    const std::string_view sample = whole_characters(text, kDetectionBytes);
    bool is_reliable = false;
    int valid_prefix_bytes = 0;
    const CLD2::Language detected = CLD2::DetectLanguageCheckUTF8(
        sample.data(), static_cast<int>(sample.size()), true, &is_reliable, &valid_prefix_bytes);
    if (!is_reliable || detected == CLD2::UNKNOWN_LANGUAGE) return {};
    return language_code(CLD2::LanguageCode(detected));
}

void settle_language(Article& article, const LanguageChoice& choice) {
    if (!article.language.empty()) {
        article.language = language_code(article.language);
    } else if (!choice.fallback.empty()) {
        article.language = choice.fallback;
    } else {
        // The title alone is often too short to tell; the body leads.
        article.language = detect_language(article.body.empty() ? article.title : article.body);
    }
    if (!is_language_code(article.language)) article.language = schema::kDefaultLanguage;
}

std::vector<std::string> languages_in(const Xapian::Database& db) {
    const std::string prefix(schema::kLanguagePrefix);
    std::vector<std::string> codes;
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
        codes.push_back((*term).substr(prefix.size()));
    }
    return codes;
}

}  // namespace gazette
