// Text analysis, in one place for index time and query time.
//
//   raw text --normalise()--> folded text --Xapian TermGenerator/QueryParser--> terms
//
// normalise() does what Xapian 1.4 does not: Unicode NFKC with case folding
// (which also makes German ß "ss" and Greek final ς "σ"), accent folding for
// Latin, Greek and Arabic ("Bogotá" -> "bogota", Arabic short vowels
// dropped), Turkish ı and İ as i, the Arabic tatweel dropped, dotted acronyms
// joined ("U.S." -> "us", which Xapian only does for upper case), typographic
// apostrophes and hyphens made plain, and word segmentation with ICU's
// dictionary break iterator for scripts written without spaces (Chinese,
// Japanese, Thai, Lao, Khmer, Myanmar). The folding is the same for every
// language, so a query finds an article whatever language it is read in.
// Xapian then splits the folded text into words, keeps positions and stems
// with the Snowball stemmer of the article's language (common/language.h),
// through a cache of the stems this Analyzer has worked out
// (common/stem_cache.h).
//
// An Analyzer holds ICU objects that are not thread-safe: use one per thread.
#pragma once

#include "common/article.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <xapian.h>

namespace gazette {

// An article's title and body after Analyzer::normalise().
struct FoldedText {
    std::string title;
    std::string body;
};

class Analyzer {
public:
    Analyzer();
    ~Analyzer();
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    // The folded form of `text`, ready for Xapian's word splitter.
    std::string normalise(std::string_view text);

    // Adds the article's free-text terms (with positions), its boolean filter
    // terms and its date and facet values to `doc`. Returns the title and body
    // as normalise() folded them (for the near-duplicate fingerprint), so no
    // caller folds them a second time.
    FoldedText index_article(const Article& article, Xapian::Document& doc);

private:
    // Sets the stemmer only when the language changes: building a
    // Xapian::Stem for every article would cost an allocation each time.
    // Each language's stemmer, with its stem cache, is kept for the
    // Analyzer's life, so an archive that mixes languages keeps its caches.
    void use_language(std::string_view language);

    class Icu;
    std::unique_ptr<Icu> icu_;
    Xapian::TermGenerator term_generator_;
    std::map<std::string, Xapian::Stem, std::less<>> stemmers_;
    std::string stem_language_;
    bool stemmer_set_ = false;
};

// The form of a tag (source, place, topic, language) in a boolean term:
// normalised and with inner white space as '-', e.g. "El Salvador" ->
// "el-salvador". The indexer writes it and the query builder looks it up, so
// a value typed as a facet shows it (place:"El Salvador", any case and
// accents) finds the articles the facet counted.
std::string fold_tag(Analyzer& analyzer, std::string_view tag);

}  // namespace gazette
