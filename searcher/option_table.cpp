#include "searcher/option_table.h"

#include "common/json.h"
#include "searcher/recency.h"
#include "searcher/search_features.h"
#include "searcher/search_spec.h"

#include <algorithm>
#include <vector>

namespace gazette {

namespace {

// The largest counts the options take: more is a typing mistake, not a
// search (a page of 100,000 hits is what bench/export_memory.sh measures).
constexpr std::size_t kMaxLimit = 100'000;
constexpr std::size_t kMaxOffset = 1'000'000;
constexpr std::size_t kMaxFeedbackCount = 1'000;
constexpr double kMaxWeight = 100;  // --title-boost, --proximity
constexpr double kMaxK1 = 10;
constexpr double kMaxDelta = 10;
constexpr double kMaxMu = 10'000;
constexpr double kMinDfrC = 0.01;  // Xapian refuses 0: every count would normalise to 0
constexpr double kMaxDfrC = 100;

const char* json_flag(bool on) {
    return on ? "true" : "false";
}

// The descriptors of the kinds only the table uses (option_table.h has
// count_option and flag_option).

template <typename Field>
SearchOption number_between(std::string name, std::string group, double low, double high, std::string help,
                            Field field) {
    SearchOption option = describe_option(name, std::move(group), OptionKind::number, "X", std::move(help),
                                          shortest_number(low) + " to " + shortest_number(high));
    option.set = [name, low, high, field](const std::string& text, SearchSpec& spec) {
        field(spec) = real_in_range(text, low, high, name);
    };
    option.json = [field](const SearchSpec& spec) { return shortest_number(field(spec)); };
    return option;
}

template <typename Field>
SearchOption number(std::string name, std::string group, double high, std::string help, Field field) {
    return number_between(std::move(name), std::move(group), 0, high, std::move(help), field);
}

SearchOption language_option() {
    SearchOption option =
        describe_option("lang", std::string(kResultsGroup), OptionKind::text, "CODE",
                        "the language of the query (ISO 639-1 code, as newsindex --lang), for its stemmer and stop "
                        "words; by default the one detected in it when the database has articles in that language, "
                        "else every language of the database's articles");
    option.set = [](const std::string& text, SearchSpec& spec) {
        // Empty is the default (a spec writes it so), not a language.
        spec.options.language = text.empty() ? std::string() : language_in(text, "lang");
    };
    option.json = [](const SearchSpec& spec) { return json_text(spec.options.language); };
    return option;
}

SearchOption recency_option() {
    SearchOption option =
        describe_option("recency", "Order", OptionKind::text, "HALF-LIFE",
                        "relevance order only: favour recent articles. An article gets a boost as large as the best "
                        "match's score when it is from the newest day in the database, half that HALF-LIFE earlier "
                        "(30d, 2w, 6m, 1y, or a number of days)");
    option.set = [](const std::string& text, SearchSpec& spec) {
        spec.options.recency_half_life_days = parse_half_life(text);
        if (!spec.options.recency_half_life_days) {
            throw OptionValueError("recency", "bad half-life '" + text + "' (e.g. 30d, 2w, 6m, 1y)");
        }
    };
    option.json = [](const SearchSpec& spec) {
        const auto& days = spec.options.recency_half_life_days;
        return days ? json_text(shortest_number(*days)) : std::string("null");
    };
    return option;
}

// --all and --count: which hits are printed. One at most.
SearchOption hit_range_option(std::string name, HitRange range, std::string help) {
    SearchOption option = describe_option(name, "Output", OptionKind::flag, "", std::move(help));
    option.set = [name, range](const std::string& text, SearchSpec& spec) {
        HitRange& current = spec.output.range;
        if (text == "false") {
            if (current == range) current = HitRange::page;
            return;
        }
        if (current != HitRange::page && current != range) {
            throw OptionValueError(name, "give one of --all (every match) and --count (their number)");
        }
        current = range;
    };
    option.json = [range](const SearchSpec& spec) { return std::string(json_flag(spec.output.range == range)); };
    return option;
}

SearchOption run_tag_option() {
    SearchOption option =
        describe_option("run-tag", "Output", OptionKind::text, "TAG", "the tag (last column) of --format trec lines");
    option.set = [](const std::string& text, SearchSpec& spec) { spec.output.run_tag = text; };
    option.json = [](const SearchSpec& spec) { return json_text(spec.output.run_tag); };
    return option;
}

std::vector<SearchOption> result_options() {
    const std::string group(kResultsGroup);
    SearchOption limit = count_option(
        "limit", group, kMaxLimit, "number of hits to show", [](auto& spec) -> auto& { return spec.options.limit; });
    limit.short_name = 'n';
    return {limit,
            count_option(
                "offset", group, kMaxOffset, "hits to skip before the first one shown",
                [](auto& spec) -> auto& { return spec.options.offset; }),
            language_option(),
            flag_option(
                "no-collapse", group,
                "show every copy of a story; by default near-duplicates (wire copies) are shown once, as the best "
                "of them, with the number of copies hidden",
                [](auto& spec) -> auto& { return spec.options.duplicates; }, SearchOptions::Duplicates::show,
                SearchOptions::Duplicates::collapse)};
}

std::vector<SearchOption> ranking_options() {
    const std::string group(kRankingGroup);
    auto ranking = [](auto& spec) -> auto& {
        return spec.options.ranking;
    };
    return {
        choice_option(
            "weighting", group,
            "weighting scheme:", weighting_names(), [ranking](auto& spec) -> auto& { return ranking(spec).weighting; }),
        number(
            "k1", group, kMaxK1,
            "BM25 term-frequency saturation", [ranking](auto& spec) -> auto& { return ranking(spec).k1; }),
        number(
            "b", group, 1, "BM25 length normalisation", [ranking](auto& spec) -> auto& { return ranking(spec).b; }),
        number(
            "min-normlen", group, 1, "BM25: the least normalised length an article is weighed at (Xapian's 0.5; "
            "0 = textbook BM25)", [ranking](auto& spec) -> auto& { return ranking(spec).bm25_min_normlen; }),
        number(
            "delta", group, kMaxDelta, "BM25+ (--weighting bm25plus): the least a matching word adds, however long "
            "the article", [ranking](auto& spec) -> auto& { return ranking(spec).bm25plus_delta; }),
        number_between(
            "c", group, kMinDfrC, kMaxDfrC, "normalisation 2's c of --weighting pl2, inl2, bb2 and bm25-bb2: a "
            "larger c weighs an article's length less (Amati: 1 for short queries, 7 for long)",
            [ranking](auto& spec) -> auto& { return ranking(spec).dfr_c; }),
        number(
            "bb2-share", group, 1, "--weighting bm25-bb2: BB2's share of each word's score, the rest BM25's",
            [ranking](auto& spec) -> auto& { return ranking(spec).bb2_share; }),
        // A prior of 0 would divide by zero (a word's smoothed share of an article).
        number_between(
            "mu", group, 1, kMaxMu, "Dirichlet prior of --weighting query-likelihood, lm-dirichlet and lm",
            [ranking](auto& spec) -> auto& { return ranking(spec).lm_mu; }),
        choice_option(
            "tiers", group,
            "tier policy:", tier_policy_names(), [ranking](auto& spec) -> auto& { return ranking(spec).tiers; }),
        number(
            "title-boost", group, kMaxWeight, "extra weight of title matches at query time (0 = off)",
            [ranking](auto& spec) -> auto& { return ranking(spec).title_boost; }),
        number(
            "proximity", group, kMaxWeight, "weight of adjacent query words found close together (0 = off)",
            [ranking](auto& spec) -> auto& { return ranking(spec).proximity_weight; }),
        choice_option(
            "proximity-model", group, "how --proximity weighs them:", proximity_model_names(),
            [ranking](auto& spec) -> auto& { return ranking(spec).proximity_model; }),
        count_option(
            "feedback-docs", group, kMaxFeedbackCount,
            "pseudo-relevance feedback from this many top articles (0 = off)",
            [ranking](auto& spec) -> auto& { return ranking(spec).feedback_docs; }),
        choice_option(
            "feedback-model", group, "how feedback weighs the top articles' terms:", feedback_model_names(),
            [ranking](auto& spec) -> auto& { return ranking(spec).feedback_model; }),
        count_option(
            "feedback-terms", group, kMaxFeedbackCount,
            "expansion terms taken from them", [ranking](auto& spec) -> auto& { return ranking(spec).feedback_terms; }),
        number(
            "feedback-weight", group, 1, "share of the score kept by the original query",
            [ranking](auto& spec) -> auto& { return ranking(spec).feedback_original_weight; }),
        count_option(
            "feedback-min-words", group, kMaxFeedbackCount,
            "only queries with at least this many words (stop words aside) get feedback",
            [ranking](auto& spec) -> auto& { return ranking(spec).feedback_min_words; }),
        number(
            "feedback-min-gap", group, 1,
            "only queries whose first result outscores the 10th by at least this share of its score get "
            "feedback (0 = all)",
            [ranking](auto& spec) -> auto& { return ranking(spec).feedback_min_gap; }),
        count_option(
            "feedback-term-docs", group, kMaxFeedbackCount,
            "an expansion term must occur in at least this many of the feedback articles",
            [ranking](auto& spec) -> auto& { return ranking(spec).feedback_term_docs; }),
    };
}

std::vector<SearchOption> make_table() {
    std::vector<SearchOption> table = result_options();
    auto add = [&table](std::vector<SearchOption> options) {
        table.insert(table.end(), std::make_move_iterator(options.begin()), std::make_move_iterator(options.end()));
    };
    add(ranking_options());
    add({flag_option(
             "fuzzy", "Matching",
             "also match the index words that OCR may have made of each query word (for digitised archives), "
             "ranked below exact matches: words of 4-7 letters one edit away, 8 or more two (none for shorter "
             "words), and one OCR confusion (rn/m, cl/d, li/h, vv/w, 0/o, 1/l, long s read as f) in words of 4 "
             "letters or more; not in \"phrases\", fields or next to NEAR/ADJ",
             [](auto& spec) -> auto& { return spec.options.matching; }, WordMatching::fuzzy, WordMatching::exact),
         choice_option(
             "sort", "Order", "order of the hits:", sort_order_names(),
             [](auto& spec) -> auto& { return spec.options.sort; }),
         recency_option()});
    SearchOption format = choice_option(
        "format", "Output", "output format:", output_format_names(),
        [](auto& spec) -> auto& { return spec.output.format; });
    format.short_name = 'f';
    add({format, run_tag_option(),
         hit_range_option("all", HitRange::all,
                          "print every match, not one page, as it is found (in index order, copies included, in "
                          "constant memory): with --format csv a header and a row a match, with --format json an "
                          "object a line. Not with --count"),
         hit_range_option("count", HitRange::count,
                          "print the exact number of matches alone (stories, or articles with --no-collapse), "
                          "however many: with --format json {\"query\",\"total\",\"total_relation\","
                          "\"total_counts\"}. Not with --all")});
    add(feature_search_options());
    return table;
}

}  // namespace

std::string json_text(std::string_view text) {
    std::string out;
    append_json_string(out, text);
    return out;
}

SearchOption describe_option(std::string name, std::string group, OptionKind kind, std::string value_name,
                             std::string help, std::string range) {
    return {
        std::move(name), 0, std::move(group), kind, std::move(value_name), std::move(help), std::move(range), {}, {}};
}

std::string SearchOption::spec_key() const {
    std::string key = name;
    std::replace(key.begin(), key.end(), '-', '_');
    return key;
}

SpecObject SearchOption::spec_object() const {
    return group == kRankingGroup ? SpecObject::ranking : SpecObject::options;
}

std::span<const SearchOption> search_option_table() {
    static const std::vector<SearchOption> table = make_table();
    return table;
}

const SearchOption* find_spec_option(SpecObject object, std::string_view key) {
    for (const SearchOption& option : search_option_table()) {
        if (option.spec_object() == object && option.spec_key() == key) return &option;
    }
    return nullptr;
}

namespace {

// The option's help with its range and default, as --help shows it:
// "BM25 length normalisation (0 to 1; default 0.75)".
std::string help_of(const SearchOption& option) {
    static const SearchSpec defaults;
    std::string value = option.json(defaults);
    if (value.size() >= 2 && value.front() == '"') value = value.substr(1, value.size() - 2);
    bool shows_default = option.kind != OptionKind::flag && !value.empty() && value != "null" && value != "[]";
    std::string notes = option.range;
    if (shows_default) notes += (notes.empty() ? "" : "; ") + std::string("default ") + value;
    if (notes.empty()) return option.help;
    return option.help + (option.kind == OptionKind::choice ? "\n(" : " (") + notes + ")";
}

}  // namespace

po::options_description search_option_group(SearchSpec& spec, std::string_view group) {
    po::options_description all;
    std::vector<po::options_description> sections;
    std::vector<std::string> titles;
    for (const SearchOption& option : search_option_table()) {
        if (!group.empty() && option.group != group) continue;
        auto title = std::find(titles.begin(), titles.end(), option.group);
        if (title == titles.end()) {
            titles.push_back(option.group);
            sections.emplace_back(option.group);
            title = titles.end() - 1;
        }
        po::options_description& section = sections[static_cast<std::size_t>(title - titles.begin())];
        const std::string help = help_of(option);
        std::string names = option.short_name ? option.name + "," + option.short_name : option.name;
        if (option.kind == OptionKind::flag) {
            section.add_options()(names.c_str(), po::bool_switch()->notifier([&option, &spec](bool on) {
                if (on) option.set("true", spec);
            }),
                                  help.c_str());
        } else {
            section.add_options()(names.c_str(),
                                  po::value<std::string>()
                                      ->value_name(option.value_name)
                                      ->notifier([&option, &spec](const std::string& text) { option.set(text, spec); }),
                                  help.c_str());
        }
    }
    for (const auto& section : sections) all.add(section);
    return all;
}

}  // namespace gazette
