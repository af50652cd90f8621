// newssearch: ranks the articles of a Xapian database for a query. Parses
// options, calls the library (common/searcher.h) and maps errors to exit codes.
#include "common/options.h"

#include <iostream>

namespace {

constexpr const char* kUsage = R"(Usage: newssearch --db DIR [options] QUERY...

Searches the database for QUERY (the words after the options, joined) and
prints the best articles first: BM25, with articles that match every word
before articles that match only some.

Query language:
  words            colombia nato      articles with these words (stemmed:
                                      "allies" finds "ally"); case and accents
                                      do not matter ("bogota" finds "Bogotá")
  "a phrase"       "non-NATO ally"    the words in this order; a hyphenated
                                      word is a phrase too: non-NATO
  +word -word      +colombia -peru    must have / must not have
  AND OR NOT ( )   (peru OR chile) AND NOT bolivia
                   Operators in capitals always count. In lower or mixed case
                   (and, or, not, near) they count only in a query that also
                   has parentheses, so a sentence typed in lower case stays a
                   plain list of words: (peru or chile) and not bolivia
  a NEAR b         oil NEAR gas       both within 10 words (NEAR/3: within 3)
  prefix*          colomb*            words starting with "colomb"
  field:value      title:cocoa  source:reuters  place:usa  topic:grain
                   lang:en  id:123    (field names in any case)
  dates            date:1987  date:1987-03  date:1987-03-02
                   date:2022-03-01..2022-03-31  (inclusive; date:2022-03.. or
                   date:..1987-04 leave an end open)
                   after:2022-03-01  before:2022-04  (after / before the whole
                   day, month or year)
  A query with only filters (fields, dates) lists every article that passes.
  A malformed query (unknown field, bad date, unbalanced parentheses or
  quotes) is one line saying what is wrong and at which column; exit 2.

Exit status: 0 when something matched, 1 when nothing did, 2 on an error
(missing database, bad option, malformed query).)";

}  // namespace

int main(int argc, char** argv) {
    using namespace gazette;
    try {
        std::vector<std::filesystem::path> db_dirs;
        SearchOptions search_options;
        OutputOptions output;
        po::options_description visible;
        visible.add(database_options(db_dirs))
            .add(result_options(search_options))
            .add(order_options(search_options))
            .add(facet_options(search_options))
            .add(output_options(output));
        std::vector<std::string> words;
        if (!parse_command_line(argc, argv, visible, "query", words, kUsage)) return 0;
        std::string query;
        for (const auto& word : words) query += (query.empty() ? "" : " ") + word;
        if (query.find_first_not_of(" \t\n") == std::string::npos) throw UsageError("no QUERY given (see --help)");

        Searcher searcher(db_dirs);
        SearchResults results = searcher.search(query, search_options);
        if (output.format == OutputFormat::json) print_json(std::cout, results);
        else print_text(std::cout, results, detect_text_style());
        return results.total > 0 ? 0 : 1;
    } catch (const QueryError& error) {
        std::cerr << "newssearch: error: malformed query: " << error.what() << "\n";
    } catch (const Xapian::Error& error) {
        std::cerr << "newssearch: error: " << error.get_description() << "\n";
    } catch (const std::exception& error) {
        std::cerr << "newssearch: error: " << error.what() << "\n";
    }
    return 2;
}
