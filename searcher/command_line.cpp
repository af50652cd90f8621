#include "searcher/command_line.h"

#include "common/language.h"
#include "searcher/batch.h"
#include "searcher/recency.h"

namespace gazette {

namespace {

// A notifier for a comma-separated list of choices: "source,year". It
// replaces the list (one a --spec file gave).
template <typename Table, typename Enum>
auto choose_list_from(const Table& table, std::vector<Enum>& target, std::string option) {
    return [&table, &target, option](const std::string& names) {
        target.clear();
        std::size_t start = 0;
        while (start <= names.size()) {
            std::size_t end = std::min(names.find(',', start), names.size());
            target.push_back(find_choice(table, std::string_view(names).substr(start, end - start), option));
            start = end + 1;
        }
    };
}

// A notifier for a switch that turns `target` on, and leaves it as it was
// (as a --spec file set it) when the switch is absent.
auto turn_on(bool& target) {
    return [&target](bool on) {
        if (on) target = true;
    };
}

}  // namespace

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

po::options_description result_options(SearchOptions& options, FeatureOptions& features) {
    po::options_description group("Results");
    group.add_options()("limit,n", po::value<std::size_t>(&options.limit)->default_value(options.limit),
                        "number of hits to show")(
        "offset", po::value<std::size_t>(&options.offset)->default_value(options.offset),
        "hits to skip before the first one shown")(
        "lang", po::value<std::string>()->value_name("CODE")->notifier([&options](const std::string& tag) {
            options.language = language_code(tag);
        }),
        "the language of the query (ISO 639-1 code), for its stemmer and stop words; by default the one detected in "
        "it when the database has articles in that language, else every language of the database's articles")(
        "explain", po::bool_switch()->notifier(turn_on(features.explain)),
        "show, for each hit, how much each query term added to its score")(
        "no-collapse", po::bool_switch()->notifier([&options](bool show_all) {
            if (show_all) options.duplicates = SearchOptions::Duplicates::show;
        }),
        "show every copy of a story; by default near-duplicates (wire copies) are shown once, as the best of them, "
        "with the number of copies hidden");
    return group;
}

po::options_description order_options(SearchOptions& options) {
    static const auto orders = sort_order_names();
    po::options_description group("Order");
    group.add_options()("sort", po::value<std::string>()->default_value(name_of(orders, options.sort))->notifier(
                                    choose_from(orders, options.sort, "sort")),
                        describe_choices("order of the hits:", orders).c_str())(
        "recency", po::value<std::string>()->value_name("HALF-LIFE")->notifier([&options](const std::string& text) {
            options.recency_half_life_days = parse_half_life(text);
            if (!options.recency_half_life_days) {
                throw UsageError("--recency: bad half-life '" + text + "' (e.g. 30d, 2w, 6m, 1y)");
            }
        }),
        "relevance order only: favour recent articles. An article gets a boost as large as the best match's score "
        "when it is from the newest day in the database, half that HALF-LIFE earlier (30d, 2w, 6m, 1y)");
    return group;
}

po::options_description pickup_options(FeatureOptions& features) {
    po::options_description group("Wire-copy pickup");
    group.add_options()("pickup", po::bool_switch(&features.pickup),
                        "show, for each hit, how widely its story was carried: the copies in the database (its "
                        "near-duplicate cluster, whether or not they match the query), the date of the first and the "
                        "outlets (sources) that carried it (text; json \"pickup\"; csv columns copies,first_date,"
                        "outlets). --sort pickup shows it too. Not with --all");
    return group;
}

po::options_description count_options(FeatureOptions& features, std::filesystem::path& timeline_svg) {
    static const auto facets = facet_names();
    po::options_description group("Facets, timeline and terms (over every match, copies included)");
    group.add_options()("facet", po::value<std::string>()->value_name("LIST")->notifier(
                                     choose_list_from(facets, features.facets, "facet")),
                        describe_choices("count every match (not only the page) by each of these, comma-separated:",
                                         facets)
                            .c_str())(
        "timeline", po::bool_switch()->notifier(turn_on(features.timeline)),
        "draw how many matches appeared per day, month or year (by the span of the matches) as a bar chart, each "
        "with its share of all the articles of that period that pass the query's source:, lang: and date filters")(
        "timeline-svg",
        po::value<std::string>()->value_name("FILE")->notifier([&features, &timeline_svg](const std::string& file) {
            timeline_svg = file;
            features.timeline = true;
        }),
        "write the timeline as an SVG chart to FILE (opens in a browser)")(
        "top-terms", po::value<std::size_t>(&features.top_terms)->value_name("N"),
        "list the N words, then the N two-word phrases, most characteristic of the matches: unusually frequent in "
        "the best 200 (one per near-duplicate cluster) compared with the whole archive, stop words and numbers "
        "left out, each with the number of matching articles and of all articles that contain it");
    return group;
}

po::options_description output_options(OutputOptions& options) {
    static const auto formats = output_format_names();
    po::options_description group("Output");
    group.add_options()("format,f", po::value<std::string>()->default_value(name_of(formats, options.format))->notifier(
                                        choose_from(formats, options.format, "format")),
                        describe_choices("output format:", formats).c_str())(
        "run-tag", po::value<std::string>(&options.run_tag)->default_value(options.run_tag),
        "the tag (last column) of --format trec lines")(
        "all", po::bool_switch()->notifier([&options](bool all) {
            if (all) options.range = HitRange::all;
        }),
        "print every match, not one page, as it is found (in index order, copies included, in constant memory): "
        "with --format csv a header and a row a match, with --format json an object a line")(
        "count", po::bool_switch()->notifier([&options](bool count) {
            if (count) options.range = HitRange::count;
        }),
        "print the exact number of matches alone (stories, or articles with --no-collapse), however many: "
        "with --format json {\"query\",\"total\",\"total_relation\",\"total_counts\"}");
    return group;
}

po::options_description concordance_options(FeatureOptions& features, OutputOptions& output) {
    po::options_description group("Concordance");
    auto turn_on = [&features, &output] {
        if (!features.concordance) features.concordance.emplace();
        output.layout = HitLayout::concordance;
    };
    group.add_options()("kwic", po::bool_switch()->notifier([turn_on](bool on) {
        if (on) turn_on();
    }),
                        "print every place the query's words (or phrases) occur in the matching articles' bodies, one "
                        "line each, aligned on the keyword (csv: id,date,source,left,match,right; json: \"kwic\" in "
                        "each hit); with --all, in every match")(
        "context", po::value<std::size_t>()->value_name("N")->notifier([&features, turn_on](std::size_t words) {
            turn_on();
            features.concordance->context_words = words;
        }),
        "words of context either side of each keyword (implies --kwic; default 8)");
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

po::options_description matching_options(SearchOptions& options) {
    po::options_description group("Matching");
    group.add_options()("fuzzy", po::bool_switch()->notifier([&options](bool on) {
        if (on) options.matching = WordMatching::fuzzy;
    }),
                        "also match the index words that OCR may have made of each query word (for digitised "
                        "archives), ranked below exact matches: words of 4-7 letters one edit away, 8 or more two "
                        "(none for shorter words), and one OCR confusion (rn/m, cl/d, li/h, vv/w, 0/o, 1/l, long s "
                        "read as f) in words of 4 letters or more; not in \"phrases\", fields or next to NEAR/ADJ");
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

po::options_description ranking_options(RankingOptions& options) {
    static const auto weightings = weighting_names();
    static const auto tiers = tier_policy_names();
    static const auto feedback_models = feedback_model_names();
    static const auto proximity_models = proximity_model_names();
    po::options_description group("Ranking");
    group.add_options()("weighting", po::value<std::string>()
                                         ->default_value(name_of(weightings, options.weighting))
                                         ->notifier(
                                         choose_from(weightings, options.weighting, "weighting")),
                        describe_choices("weighting scheme:", weightings).c_str())(
        "k1", po::value<double>(&options.k1)->default_value(options.k1), "BM25 term-frequency saturation")(
        "b", po::value<double>(&options.b)->default_value(options.b), "BM25 length normalisation (0..1)")(
        "tiers", po::value<std::string>()
                     ->default_value(name_of(tiers, options.tiers))
                     ->notifier(
                     choose_from(tiers, options.tiers, "tiers")),
        describe_choices("tier policy:", tiers).c_str())(
        "title-boost", po::value<double>(&options.title_boost)->default_value(options.title_boost),
        "extra weight of title matches at query time (0 = off)")(
        "proximity", po::value<double>(&options.proximity_weight)->default_value(options.proximity_weight),
        "weight of adjacent query words found close together (0 = off)")(
        "proximity-model", po::value<std::string>()
                               ->default_value(name_of(proximity_models, options.proximity_model))
                               ->notifier(choose_from(proximity_models, options.proximity_model, "proximity-model")),
        describe_choices("how --proximity weighs them:", proximity_models).c_str())(
        "feedback-docs", po::value<std::size_t>(&options.feedback_docs)->default_value(options.feedback_docs),
        "pseudo-relevance feedback from this many top articles (0 = off)")(
        "feedback-model", po::value<std::string>()
                              ->default_value(name_of(feedback_models, options.feedback_model))
                              ->notifier(choose_from(feedback_models, options.feedback_model, "feedback-model")),
        describe_choices("how feedback weighs the top articles' terms:", feedback_models).c_str())(
        "feedback-terms", po::value<std::size_t>(&options.feedback_terms)->default_value(options.feedback_terms),
        "expansion terms taken from them")(
        "feedback-weight",
        po::value<double>(&options.feedback_original_weight)->default_value(options.feedback_original_weight),
        "share of the score kept by the original query (0..1)")(
        "feedback-min-words",
        po::value<std::size_t>(&options.feedback_min_words)->default_value(options.feedback_min_words),
        "only queries with at least this many words (stop words aside) get feedback")(
        "feedback-min-gap", po::value<double>(&options.feedback_min_gap)->default_value(options.feedback_min_gap),
        "only queries whose first result outscores the 10th by at least this share of its score get feedback "
        "(0 = all)")(
        "feedback-term-docs", po::value<std::size_t>(&options.feedback_term_docs)->default_value(options.feedback_term_docs),
        "an expansion term must occur in at least this many of the feedback articles");
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
