// Which language an article is in, and which Snowball stemmer that means.
//
// An article's language comes from its input (a "lang" field or column,
// <html lang="de-AT">), else from newsindex --lang, else from its text, as
// detected by CLD2 (the Compact Language Detector 2), else the default
// (English). It is kept as an ISO 639-1 code ("de"): a boolean term and a
// value slot (common/schema.h), and the choice of stemmer in the analyzer.
#pragma once

#include "common/article.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace gazette {

// A language Xapian 1.4 has a Snowball stemmer for.
struct StemmedLanguage {
    std::string_view code;     // ISO 639-1
    std::string_view stemmer;  // Xapian's name for its stemmer
};

// The one table of stemmed languages: every stemmer Xapian 1.4.22 has.
std::span<const StemmedLanguage> stemmed_languages();

// The Snowball stemmer for an ISO 639-1 code; English when the code is
// empty, and no stemming for a language Xapian has no stemmer for.
Xapian::Stem stemmer_for(std::string_view language);

// The ISO 639-1 code of a language tag: "de-AT" -> "de", "ZH_Hant" -> "zh",
// " en " -> "en"; CLD2's old code "iw" -> "he".
std::string language_code(std::string_view tag);

// Whether `code` is an ISO 639 code of a language ICU knows: "de" and
// "fil" are, "xx" and "german" are not.
bool is_language_code(std::string_view code);

// The language of `text` as CLD2 detects it, or "" when the text is too
// short or too mixed for a reliable answer. Reads at most the first
// kDetectionBytes: enough for a news article, and the cost stays bounded.
std::string detect_language(std::string_view text);
inline constexpr std::size_t kDetectionBytes = 4096;

// How an article without a language of its own gets one.
struct LanguageChoice {
    // newsindex --lang: every such article is in this language; empty means
    // detect it from the text.
    std::string fallback;
};

// Gives `article` its language: its own (as a code), else the choice's
// fallback, else the detected one, else the default (English).
void settle_language(Article& article, const LanguageChoice& choice);

// The languages of a database's articles (its language terms), in code order.
std::vector<std::string> languages_in(const Xapian::Database& db);

}  // namespace gazette
