#include "common/analyzer.h"

#include "common/language.h"
#include "common/schema.h"
#include "common/stem_cache.h"
#include "common/text.h"

#include <algorithm>
#include <cctype>

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

namespace gazette {

namespace {

bool is_ascii_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// A character that plain_character() drops.
constexpr UChar32 kDropped = U_SENTINEL;

// Characters made plain before case folding. Apostrophe and hyphen
// look-alikes, which Xapian's word splitter would treat as word separators or
// as letters, so "Duque’s" indexes like "Duque's" and "non‑NATO" like
// "non-NATO". Turkish dotless ı as i, so a query typed on any keyboard finds
// "ışık" ("İ" needs nothing: case folding makes it i plus a dot above, and
// the dot goes with the other accents). The Arabic tatweel, a stroke that
// only stretches a word ("الاقتصـــاد"), dropped.
UChar32 plain_character(UChar32 c) {
    switch (c) {
    case 0x2018:  // left single quotation mark
    case 0x2019:  // right single quotation mark
    case 0x02BC:  // modifier letter apostrophe
        return '\'';
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
        return '-';
    case 0x0131:  // latin small letter dotless i
        return 'i';
    case 0x0640:  // arabic tatweel
        return kDropped;
    default:
        return c;
    }
}

// Combining marks are dropped only after letters of these scripts: elsewhere
// (Devanagari vowel signs, Hebrew points, Thai tone marks) they are part of
// the spelling. In Arabic they are the short vowels and other diacritics
// (harakat) that most text leaves out, and the hamza and madda over alef, so
// "الحُكُومَة" is found by "الحكومة" and "أحمد" by "احمد".
bool folds_accents(UScriptCode script) {
    return script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_ARABIC || script == USCRIPT_COMMON;
}

// Scripts written without spaces between words, which Xapian 1.4 would keep
// as one long term.
bool is_spaceless(UChar32 c) {
    if (c == 0x30FC) return true;  // katakana-hiragana prolonged sound mark (script Common)
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(c, &status)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
        return true;
    default:
        return false;
    }
}

// Joins dotted acronyms of two or more single letters: "u.s." -> "us",
// "u.s.a" -> "usa". Xapian does this itself only for upper-case input, and
// the text reaching it is already case-folded. Runs on folded text, where the
// letters that matter are ASCII.
std::string join_acronyms(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        // Only a letter followed by a dot starts an acronym: what comes before
        // the next dot but one character is copied as it is, in one piece.
        std::size_t dot = text.find('.', i + 1);
        if (dot == std::string_view::npos) {
            out += text.substr(i);
            break;
        }
        out += text.substr(i, dot - 1 - i);
        i = dot - 1;
        bool at_word_start = i == 0 || !(is_ascii_alnum(text[i - 1]) || text[i - 1] == '.' || text[i - 1] == '\'' ||
                                         static_cast<unsigned char>(text[i - 1]) >= 0x80);
        std::size_t end = i;
        std::string letters;
        while (at_word_start && end + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[end])) &&
               text[end + 1] == '.') {
            letters += text[end];
            end += 2;
        }
        // A final letter without a dot ("u.s") completes the acronym too.
        if (letters.size() >= 1 && end < text.size() && std::isalpha(static_cast<unsigned char>(text[end])) &&
            (end + 1 == text.size() || !is_ascii_alnum(text[end + 1]))) {
            letters += text[end];
            ++end;
        }
        bool ends_word = end >= text.size() || !(is_ascii_alnum(text[end]) || static_cast<unsigned char>(text[end]) >= 0x80);
        if (letters.size() >= 2 && ends_word) {
            out += letters;
            i = end;
        } else {
            out += text[i];
            ++i;
        }
    }
    return out;
}

}  // namespace

// The ICU objects, created once per Analyzer: the normalisers are shared
// singletons owned by ICU, the break iterator is ours.
class Analyzer::Icu {
public:
    Icu() {
        UErrorCode status = U_ZERO_ERROR;
        nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
        nfd = icu::Normalizer2::getNFDInstance(status);
        nfc = icu::Normalizer2::getNFCInstance(status);
        words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status)) {
            throw std::runtime_error(std::string("cannot load ICU normalisation data: ") + u_errorName(status));
        }
    }

    std::string normalise(std::string_view text) {
        icu::UnicodeString raw = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
        icu::UnicodeString plain;
        for (int32_t i = 0; i < raw.length(); i = raw.moveIndex32(i, 1)) {
            if (UChar32 c = plain_character(raw.char32At(i)); c != kDropped) plain.append(c);
        }

        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString folded = fold_accents(nfkc_casefold->normalize(plain, status));
        icu::UnicodeString segmented = segment_spaceless_runs(folded);
        std::string out;
        segmented.toUTF8String(out);
        return out;
    }

private:
    icu::UnicodeString fold_accents(const icu::UnicodeString& text) {
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString decomposed = nfd->normalize(text, status);
        icu::UnicodeString kept;
        UScriptCode base_script = USCRIPT_COMMON;
        for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
            UChar32 c = decomposed.char32At(i);
            if (u_charType(c) == U_NON_SPACING_MARK) {
                if (folds_accents(base_script)) continue;
            } else {
                base_script = uscript_getScript(c, &status);
            }
            kept.append(c);
        }
        return nfc->normalize(kept, status);
    }

    // Puts a space between the words of each spaceless-script run, as found
    // by ICU's dictionary-based word break iterator.
    icu::UnicodeString segment_spaceless_runs(const icu::UnicodeString& text) {
        icu::UnicodeString out;
        int32_t i = 0;
        while (i < text.length()) {
            if (!is_spaceless(text.char32At(i))) {
                out.append(text.char32At(i));
                i = text.moveIndex32(i, 1);
                continue;
            }
            int32_t run_end = i;
            while (run_end < text.length() && is_spaceless(text.char32At(run_end))) run_end = text.moveIndex32(run_end, 1);
            icu::UnicodeString run(text, i, run_end - i);
            words->setText(run);
            out.append(u' ');
            for (int32_t start = words->first(), end = words->next(); end != icu::BreakIterator::DONE;
                 start = end, end = words->next()) {
                out.append(run, start, end - start).append(u' ');
            }
            i = run_end;
        }
        return out;
    }

    const icu::Normalizer2* nfkc_casefold = nullptr;
    const icu::Normalizer2* nfd = nullptr;
    const icu::Normalizer2* nfc = nullptr;
    std::unique_ptr<icu::BreakIterator> words;
};

Analyzer::Analyzer() : icu_(std::make_unique<Icu>()) {
    term_generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

Analyzer::~Analyzer() = default;

std::string Analyzer::normalise(std::string_view text) {
    return join_acronyms(is_ascii(text) ? ascii_lowercase(text) : icu_->normalise(text));
}

void Analyzer::use_language(std::string_view language) {
    if (stemmer_set_ && language == stem_language_) return;
    auto stemmer = stemmers_.find(language);
    if (stemmer == stemmers_.end()) {
        stemmer = stemmers_.emplace(std::string(language), with_stem_cache(stemmer_for(language))).first;
    }
    term_generator_.set_stemmer(stemmer->second);
    stem_language_ = language;
    stemmer_set_ = true;
}

namespace {
std::string with_prefix(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    term += value;
    return term;
}

// Tags for a multi-valued slot, one per line (a tag never holds a newline).
std::string join_lines(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& tag : tags) out += (out.empty() ? "" : "\n") + tag;
    return out;
}
}  // namespace

FoldedText Analyzer::index_article(const Article& article, Xapian::Document& doc) {
    term_generator_.set_document(doc);
    use_language(article.language);

    doc.add_boolean_term(with_prefix(schema::kIdPrefix, article.id));
    doc.add_value(schema::kIdSlot, article.id);
    FoldedText folded{normalise(article.title), normalise(article.body)};
    if (!article.title.empty()) {
        term_generator_.index_text(folded.title, schema::kTitleWeight);
        term_generator_.index_text(folded.title, 1, std::string(schema::kTitlePrefix));
        term_generator_.increase_termpos();  // no phrase spans the title and the body
    }
    term_generator_.index_text(folded.body);
    if (!article.location.empty()) {
        term_generator_.index_text(normalise(article.location), 1, std::string(schema::kLocationPrefix));
    }
    if (!article.byline.empty()) {
        term_generator_.index_text(normalise(article.byline), 1, std::string(schema::kBylinePrefix));
    }

    const std::string_view language = article.language.empty() ? schema::kDefaultLanguage : article.language;
    doc.add_boolean_term(with_prefix(schema::kLanguagePrefix, fold_tag(*this, language)));
    doc.add_value(schema::kLanguageSlot, std::string(language));
    if (!article.source.empty()) doc.add_boolean_term(with_prefix(schema::kSourcePrefix, fold_tag(*this, article.source)));
    for (const auto& place : article.places) doc.add_boolean_term(with_prefix(schema::kPlacePrefix, fold_tag(*this, place)));
    for (const auto& topic : article.topics) doc.add_boolean_term(with_prefix(schema::kTopicPrefix, fold_tag(*this, topic)));

    if (!article.source.empty()) doc.add_value(schema::kSourceSlot, article.source);
    if (!article.topics.empty()) doc.add_value(schema::kTopicsSlot, join_lines(article.topics));
    if (!article.places.empty()) doc.add_value(schema::kPlacesSlot, join_lines(article.places));

    if (article.date) {
        std::string day = to_value(*article.date);
        doc.add_value(schema::kDateSlot, day);
        doc.add_boolean_term(with_prefix(schema::kYearPrefix, day.substr(0, 4)));
        doc.add_boolean_term(with_prefix(schema::kMonthPrefix, day.substr(0, 6)));
        doc.add_boolean_term(with_prefix(schema::kDayPrefix, day));
    }
    return folded;
}

std::string fold_tag(Analyzer& analyzer, std::string_view tag) {
    std::string folded = analyzer.normalise(tag);
    std::string out;
    for (char c : folded) {
        bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
        if (space && (out.empty() || out.back() == '-')) continue;
        out += space ? '-' : c;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

}  // namespace gazette
