#include "searcher/command_line.h"

#include "searcher/batch.h"

namespace gazette {

po::options_description shard_search_options(DatabaseSources& sources) {
    po::options_description group("Shards");
    group.add_options()("remote-timeout",
                        po::value<double>()->value_name("SECONDS")->default_value(10.0)->notifier([&sources](double seconds) {
                            if (seconds <= 0) throw UsageError("--remote-timeout must be more than 0 seconds");
                            sources.remote_timeout = std::chrono::milliseconds(static_cast<long>(seconds * 1000));
                        }),
                        "give up on a tcp:// shard that does not connect or answer within this time")(
        "allow-partial", po::bool_switch()->notifier([&sources](bool on) {
            if (on) sources.missing = MissingShards::allowed;
        }),
        "answer from the --db shards that respond, and name those missing, instead of failing");
    return group;
}

po::options_description chart_options(std::filesystem::path& timeline_svg) {
    po::options_description group("Charts");
    group.add_options()("timeline-svg",
                        po::value<std::string>()->value_name("FILE")->notifier([&timeline_svg](const std::string& file) {
                            timeline_svg = file;
                        }),
                        "write the timeline (--timeline; with --compare, the queries' timelines) as an SVG chart to FILE (opens in a browser)");
    return group;
}

po::options_description query_source_options(QuerySource& source) {
    static const auto syntaxes = topic_syntax_names();
    po::options_description group("Instead of a QUERY");
    group.add_options()("like", po::value<std::string>(&source.like_id)->value_name("ID"),
                        "list the articles most like the article with this id (sharing its most telling words)")(
        "show", po::value<std::vector<std::string>>(&source.show_ids)->multitoken()->value_name("ID..."),
        "print these articles in full, to read and cite: title, date, source, byline, url, language, the file and "
        "line they were indexed from, their near-duplicate copies (ids and dates) and the body (text, or json: an "
        "object an article). An unknown id is an error naming it (exit 2)")(
        "topics", po::value<std::string>()->value_name("FILE")->notifier([&source](const std::string& file) {
            source.topics_file = file;
        }),
                        "run every query of FILE (one 'qid<TAB>query' a line) instead of QUERY, printing each "
                        "(json: one object a line with its \"qid\"; trec: one run file)")(
        "topics-syntax", po::value<std::string>()
                             ->default_value(name_of(syntaxes, source.topics_syntax))
                             ->notifier(choose_from(syntaxes, source.topics_syntax, "topics-syntax")),
        describe_choices("how --topics reads its queries:", syntaxes).c_str())(
        "compare", po::bool_switch(&source.compare),
        "compare the queries given as arguments, each 'LABEL=QUERY': matching articles (copies included), their share "
        "of all articles (with the query's source:, lang: and date filters), the articles each shares with every "
        "other, and the timelines side by side (text, json or csv; --timeline-svg FILE draws them)");
    return group;
}

namespace {

// Sets the one saved-search action of a command line.
void choose_saved_action(SavedSearchRequest& request, SavedSearchAction action) {
    if (request.action != SavedSearchAction::none && request.action != action) {
        throw UsageError("give one of --save, --saved, --unsave and --alerts");
    }
    request.action = action;
}

}  // namespace

po::options_description saved_search_options(SavedSearchRequest& request) {
    po::options_description group("Saved searches and alerts (one local database; not a sharded archive)");
    auto named = [&request](SavedSearchAction action) {
        return [&request, action](const std::string& name) {
            choose_saved_action(request, action);
            request.name = name;
        };
    };
    auto flag = [&request](SavedSearchAction action) {
        return [&request, action](bool on) {
            if (on) choose_saved_action(request, action);
        };
    };
    group.add_options()("save", po::value<std::string>()->value_name("NAME")->notifier(named(SavedSearchAction::save)),
                        "save QUERY (with --lang) under NAME in the database, for --alerts; replaces a search of "
                        "that name")(
        "saved", po::bool_switch()->notifier(flag(SavedSearchAction::list)),
        "list the saved searches, one 'NAME<TAB>QUERY' a line")(
        "unsave", po::value<std::string>()->value_name("NAME")->notifier(named(SavedSearchAction::remove)),
        "delete the saved search NAME")(
        "alerts", po::bool_switch()->notifier(flag(SavedSearchAction::alerts)),
        "print, for each saved search, every article matching it (copies included) that was added to the database "
        "since it was saved or its alerts were last printed, as JSON Lines {\"search\":NAME,...hit}, in the order "
        "added; then mark them read. An article updated in place (re-indexed with the same id) is not new");
    return group;
}

po::options_description spec_options(SpecRequest& files) {
    po::options_description group("Reproducible searches");
    group.add_options()("spec", po::value<std::string>()->value_name("FILE")->notifier([&files](const std::string& file) {
        files.spec = file;
    }),
                        "run the search written in FILE (JSON: query, filters, options; see README), as --save-spec "
                        "writes it; a QUERY or an option given beside it overrides the spec's")(
        "save-spec", po::value<std::string>()->value_name("FILE")->notifier([&files](const std::string& file) {
            files.save_spec = file;
        }),
        "write the search that ran to FILE as a spec (every option's value, defaults included) with its provenance: "
        "the databases' UUIDs and the time it ran (UTC); --spec FILE runs it again")(
        "provenance", po::bool_switch(&files.provenance),
        "the JSON or CSV output carries that spec too: a \"spec\" member (JSON), a first JSON line (--all), or a "
        "first line \"# spec: JSON\" (CSV)");
    return group;
}

std::filesystem::path find_spec_file(int argc, const char* const argv[]) {
    SpecRequest files;
    po::variables_map values;
    try {
        po::store(po::command_line_parser(argc, argv).options(spec_options(files)).allow_unregistered().run(), values);
        po::notify(values);
    } catch (const po::error& error) {
        throw UsageError(error.what());
    }
    return files.spec;
}

}  // namespace gazette
