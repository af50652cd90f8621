// newssearch: ranks the articles of a Xapian database for a query. Parses
// options, calls the library (searcher/searcher.h) and maps errors to exit codes.
#include "searcher/batch.h"
#include "searcher/command_line.h"
#include "searcher/comparison.h"
#include "searcher/pickup.h"
#include "searcher/search_spec.h"
#include "searcher/timeline.h"

#include <algorithm>
#include <iostream>

namespace {

constexpr const char* kUsage = R"(Usage: newssearch --db DIR [options] QUERY...
       newssearch --db DIR [options] --like ID
       newssearch --db DIR [--format json] --show ID...
       newssearch --db DIR [options] --topics FILE
       newssearch --db DIR [options] --compare LABEL=QUERY LABEL=QUERY...
       newssearch --db DIR [--lang CODE] --save NAME QUERY...
       newssearch --db DIR --alerts | --saved | --unsave NAME

Searches the database for QUERY (the words after the options, joined) and
prints the best articles first. Ranking: BM25 (k1 1.2, b 0.75), chosen by
cross-validation over three judged collections; other schemes, tiers
(articles matching every word first), proximity and feedback are options
(see Ranking below and bench/RESULTS.md).

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
                   lang:en  byline:smith  id:123  (field names in any case)
                   A source, topic, place, lang or byline value works as a
                   facet, a hit or a CSV column shows it, in quotes when it
                   has spaces; case, accents and spaces do not matter:
                   source:"The Daily Test" (also source:the-daily-test),
                   place:"Côte d'Ivoire", byline:"Jane O'Brien"
  dates            date:1987  date:1987-03  date:1987-03-02
                   date:2022-03-01..2022-03-31  (inclusive; date:2022-03.. or
                   date:..1987-04 leave an end open)
                   after:2022-03-01  before:2022-04  (after / before the whole
                   day, month or year)
                   A filter (every field but title: and byline:) standing on
                   its own outside brackets applies to the whole query:
                   cocoa OR coffee place:brazil is both, from Brazil; in
                   brackets, or next to an operator, it is an operand:
                   (cocoa place:brazil) OR coffee, cocoa OR place:brazil
  When a word of the query is not in the index, or is rare next to a much
  more common word within two letters, newssearch prints "Did you mean: ..."
  (JSON: "did_you_mean") with that word respelt. It never searches for the
  suggestion instead, nor suggests one for a word a synonym group covers.
  Synonym groups stored with newsindex --synonyms apply to plain words and
  phrases written as words: with "US, United States, USA", the query
  united states finds all three (a "quoted phrase" stays exact).
  Near-duplicates (wire copies of one story) show once, with the number of
  copies hidden; --no-collapse shows every copy. Totals then count stories.

  A query with only filters (fields, dates) lists every article that passes.
  A query that only excludes (-peru, -peru -chile, NOT peru,
  NOT (peru OR chile), -peru source:reuters) lists every article but those:
  newssearch -- -peru (the -- keeps -peru from being read as an option).
  A malformed query (unknown field, a field with no value, bad date,
  unbalanced parentheses or quotes, an operator with nothing on one side,
  '*' other than at the end of a word, '?') is one line saying what is
  wrong and at which column; exit 2.
  A query may be up to 4096 bytes long.

Research: --timeline gives each period's matches and their share of all
articles of the period (with the query's source:, lang: and date filters;
a period without any article has no share, and CSV leaves it empty), per
day, month or year by the span of the matches unless --timeline-by chooses
(day is allowed over any span: a bar a day, thousands over decades);
--top-terms N the words and two-word phrases that characterise the matches;
--kwic every use of the query's words in context; --format csv tables for
spreadsheets (--compare too); --all every match, streamed (csv or json).

Reproducible searches: --save-spec FILE writes the search that ran as JSON
(query, filters, every option's value) with its provenance: the UUID of each
database or shard and the time it ran (UTC, ISO 8601). --spec FILE runs it
again; a QUERY or an option given beside --spec overrides the spec's value.
A spec's option keys are the option names with _ for - ("top_terms": 5 is
--top-terms 5; the Ranking options under "ranking"), and take the same values.
The output itself is unchanged, so a CSV still opens in any spreadsheet.

OCR: --fuzzy also matches the words a scanner may have made of each query
word (rnarket for market, fhip for ship), ranked below exact matches (see the
option below for the rule).

Notes: what the results cannot show is a line "note: ..." under the total
(JSON "notes": [...]; with CSV or TREC output on standard error): a timeline
of matches none of which has a date, and matches without a date under
--sort newest or oldest or --recency, which cannot place them by date.

Totals: "N matches" is a count, never an estimate: exact up to 10,000, and
beyond that "more than 10,000 matches" (JSON "total": 10000 with
"total_relation": "gte"; "eq" when exact). --count prints the exact total
alone, at any size. Collapsed, the total counts stories (JSON "total_counts":
"stories") while facets, timelines and --compare count every copy (text
output says so beside them); with --no-collapse all count articles.

Reading and citing: --show ID... prints each article in full: its title
(when it has none, its first sentence, marked in JSON "title_is_fallback"),
date, source, byline, URL, language, the file and line it was indexed from
(databases indexed before lines were stored name the file alone), its
near-duplicate copies with their ids and dates, and the body; --format json
gives one object an article. An unknown id is one line naming it, exit 2.
JSON hits carry "url" and "byline" where known and "highlights": [[start,
end],...], the highlighted words in characters (code points) of "snippet".

Wire-copy pickup: --pickup shows, for each story, how many copies of it the
database holds (its near-duplicate cluster: every copy, matching or not), the
date it first appeared and the outlets that carried it; --sort pickup puts the
most widely carried stories first (over every match; best match first among
stories carried as widely; articles matching every word still come first).
Databases indexed before pickup was added need indexing again (an error says so).

Saved searches: --save NAME QUERY stores the query (and --lang) in the
database; after newsindex adds articles, --alerts prints each saved search's
new matches, one JSON object a line with its "search" name, and marks them
read, so the next --alerts prints only what was added since. New means added:
an article re-indexed with the same id keeps its place and is not reported
again. They need one local database (not a sharded archive, stub file or
tcp:// shard) and take its writer lock, like newsindex, for a moment.

Batches: --topics FILE runs one query a line ("qid<TAB>query"), read as
plain words as newsbench eval reads them (--topics-syntax query: in the
query language); with
--format json each gives one JSON object a line (with its "qid"), with
--format trec the output is one TREC run file (qid Q0 docid rank score tag).
A malformed line or query is reported as "FILE:LINE: error: ..." and skipped.

Shards: --db may be given several times, and each may be a database folder,
a stub file listing databases (a sharded archive written by newsindex
--shards: DB or DB/XAPIANDB), or a shard served by xapian-tcpsrv,
tcp://HOST:PORT (scripts/serve-shard). They are searched as one database:
scores, facets and snippets are those of one database holding every article.
A tcp:// shard that does not answer within --remote-timeout is an error
naming it; with --allow-partial the others answer and a note on standard
error names those missing. Facets by topic and place, --recency and --sort
oldest or pickup need every shard local (Xapian cannot send them to a remote shard);
tcp:// shards give no "did you mean" (noted on standard error). Near-
duplicates are collapsed across shards as in one database; through tcp://
shards a hit's count of hidden copies is a lower bound (docs/scale-out.md).

Exit status: 0 when something matched, 1 when nothing did, 2 on an error
(missing database, bad option, malformed query). A value out of an option's
range or choices (below), from the command line or a spec, is one line naming
the option and what it takes. With --topics: 0 when every query ran, 2
when a line or query was skipped or on an error. With --alerts and --saved:
0 when something was printed, 1 when nothing was. With --count: 0 when the
total is above 0, 1 when it is 0 (--count and --all: give one). With --show:
0 when every article was printed, 2 when an id is unknown (an error, like a
missing database: nothing is printed).)";

}  // namespace

int main(int argc, char** argv) {
    using namespace gazette;
    try {
        std::vector<std::filesystem::path> db_dirs;
        DatabaseSources sources;
        // A --spec fills the structs first; the options below take their
        // values as defaults, so that an option given beside it overrides it.
        std::filesystem::path spec_file = find_spec_file(argc, argv);
        SearchSpec spec = spec_file.empty() ? SearchSpec{} : read_search_spec(spec_file);
        SearchOptions& search_options = spec.options;
        FeatureSettings& features = spec.features;
        OutputOptions& output = spec.output;
        SpecRequest spec_request;
        QuerySource source;
        SavedSearchRequest saved;
        std::filesystem::path timeline_svg;
        po::options_description visible;
        visible.add(database_options(db_dirs))
            .add(search_option_group(spec))
            .add(chart_options(timeline_svg))
            .add(query_source_options(source))
            .add(shard_search_options(sources))
            .add(saved_search_options(saved))
            .add(spec_options(spec_request));
        std::vector<std::string> words;
        if (!parse_command_line(argc, argv, visible, "query", words, kUsage)) return 0;
        if (!timeline_svg.empty()) settings_of<TimelineSettings>(features).shown = true;  // the chart needs it
        search_options.features = make_features(features, search_options);
        if (!words.empty()) spec.query.clear();
        for (const auto& word : words) spec.query += (spec.query.empty() ? "" : " ") + word;
        const std::string query = query_with_filters(spec);
        bool has_query = query.find_first_not_of(" \t\n") != std::string::npos;
        if (saved.action != SavedSearchAction::none) {
            bool wants_query = saved.action == SavedSearchAction::save;
            if (has_query != wants_query || !source.topics_file.empty() || !source.like_id.empty() || source.compare) {
                throw UsageError("--save NAME takes a QUERY; --saved, --unsave and --alerts take none");
            }
            if (db_dirs.size() != 1) throw UsageError("saved searches live in one database: give one --db");
            return run_saved_search_request(saved, db_dirs.front(), query, search_options, std::cout) > 0 ? 0 : 1;
        }
        int query_sources = (has_query ? 1 : 0) + (source.topics_file.empty() ? 0 : 1) + (source.like_id.empty() ? 0 : 1) +
                            (source.show_ids.empty() ? 0 : 1);
        if (query_sources > 1 || (source.compare && query_sources != 1)) {
            throw UsageError("give one of QUERY, --topics FILE, --like ID, --show ID... and --compare LABEL=QUERY...");
        }
        if (query_sources == 0) throw UsageError("no QUERY given (see --help)");
        if ((!spec_file.empty() || !spec_request.save_spec.empty() || spec_request.provenance) &&
            (source.compare || !has_query)) {
            throw UsageError("--spec, --save-spec and --provenance describe a QUERY search (not --topics, --like or --compare)");
        }
        if (spec_request.provenance && output.format != OutputFormat::json && output.format != OutputFormat::csv) {
            throw UsageError("--provenance goes into JSON or CSV output: give --format json or --format csv");
        }
        const std::string ran_at = utc_now_iso8601();
        output.style = detect_text_style();

        sources.locations.assign(db_dirs.begin(), db_dirs.end());
        Searcher searcher(sources);
        if (!searcher.missing_shards().empty()) {
            std::cerr << "newssearch: " << describe_missing(searcher.missing_shards(), db_dirs.size()) << "\n";
        }
        if (searcher.has_remote_shards()) {
            std::cerr << "newssearch: note: no spelling suggestions from tcp:// shards (Xapian does not serve them)\n";
        }
        if (!source.show_ids.empty()) {
            print_shown(std::cout, searcher.show(source.show_ids), output.format);
            return 0;
        }
        if (!source.topics_file.empty()) {
            search_options.syntax = source.topics_syntax;
            BatchSummary batch = run_topics(searcher, source.topics_file, search_options, std::cout, output,
                                            [](const Diagnostic& diagnostic) { std::cerr << diagnostic.to_string() << "\n"; });
            return batch.skipped > 0 ? 2 : 0;
        }
        if (source.compare) {
            std::vector<LabelledQuery> queries;
            for (const auto& word : words) queries.push_back(parse_labelled_query(word));
            Comparison comparison = searcher.compare(queries, search_options, settings_of<TimelineSettings>(features).unit);
            print_comparison(std::cout, comparison, output.format);
            if (!timeline_svg.empty()) save_svg(timeline_svg, render_svg(comparison));
            bool matched = std::any_of(comparison.queries.begin(), comparison.queries.end(),
                                       [](const ComparedQuery& query) { return query.count > 0; });
            return matched ? 0 : 1;
        }
        const Provenance provenance{searcher.database_uuids(), ran_at};
        if (spec_request.provenance) output.spec_json = to_json(spec, &provenance);
        auto save_spec = [&] {
            if (!spec_request.save_spec.empty()) save_search_spec(spec_request.save_spec, spec, provenance);
        };
        if (output.range == HitRange::all) {
            if (!has_query) throw UsageError("--all needs a QUERY");
            if (settings_of<PickupSettings>(features).shown || search_options.sort == SortOrder::pickup) {
                throw UsageError("--pickup and --sort pickup show one page, not --all (index order)");
            }
            HitStream stream(std::cout, output.format, output.layout, output.spec_json);
            Xapian::doccount matched =
                searcher.for_each_match(query, search_options, [&stream](const Hit& hit) { stream.write(hit); });
            stream.finish();
            save_spec();
            return matched > 0 ? 0 : 1;
        }
        // --count runs the search without a page, counting every match; the
        // spec saved keeps the options as given.
        SearchOptions run_options = search_options;
        if (output.range == HitRange::count) {
            run_options.limit = 0;
            run_options.detail = HitDetail::ids;
            run_options.counting = SearchOptions::Counting::exact;
        }
        SearchResults results = source.like_id.empty() ? searcher.search(query, run_options)
                                                       : searcher.more_like(source.like_id, run_options);
        print_results(std::cout, results, output);
        // Text and JSON carry the notes; CSV and TREC runs have no place for them.
        if (output.format != OutputFormat::text && output.format != OutputFormat::json) {
            for (const std::string& note : results.notes) std::cerr << "newssearch: note: " << note << "\n";
        }
        const Timeline* timeline = results.features.find<Timeline>();
        if (!timeline_svg.empty() && timeline) write_svg(timeline_svg, *timeline, results.query);
        save_spec();
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
