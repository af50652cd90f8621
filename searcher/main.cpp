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
  AND OR NOT ( )   (peru OR chile) AND NOT bolivia   (operators in capitals)
  field:value      title:cocoa  source:reuters  place:usa  topic:grain
                   lang:en  id:123
A query may be up to 4096 bytes long.

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
        visible.add(database_options(db_dirs)).add(result_options(search_options)).add(output_options(output));
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
