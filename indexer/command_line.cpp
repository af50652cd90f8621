#include "indexer/command_line.h"

#include "common/language.h"

namespace gazette {

namespace {

// Each worker thread and each shard holds a database open (and its buffers);
// beyond these, a run fails for want of memory or file handles, not for want
// of cores.
constexpr std::size_t kMaxThreads = 256;
constexpr std::size_t kMaxShards = 100;
constexpr std::size_t kMinCommitEvery = 1;
constexpr std::size_t kMaxCommitEvery = 100'000'000;

const std::string& language_help() {
    static const std::string help = [] {
        std::string text = "the language (ISO 639-1 code) of every article whose input names none; without it, "
                           "each one's is detected from its text. Stemmed with Snowball:";
        for (const StemmedLanguage& language : stemmed_languages()) text += " " + std::string(language.code);
        return text + "; other languages are indexed unstemmed";
    }();
    return help;
}
}  // namespace

po::options_description input_options(IndexOptions& options) {
    static const auto formats = format_names();
    static const std::string threads_help = "worker threads for a new database (0: one per core; at most " +
                                            std::to_string(kMaxThreads) +
                                            "); the database then appears whole at the end, and a crash leaves it empty";
    po::options_description group("Input");
    group.add_options()("format,f", po::value<std::string>()
                                        ->default_value(name_of(formats, options.format))
                                        ->notifier(
                                        choose_from(formats, options.format, "format")),
                        describe_choices("input format:", formats).c_str())(
        "commit-every",
        in_range(options.commit_every, kMinCommitEvery, kMaxCommitEvery, "commit-every")
            ->default_value(std::to_string(options.commit_every)),
        "commit after this many articles (the most a crash can lose)")(
        "threads,j",
        in_range(options.threads, std::size_t{0}, kMaxThreads, "threads")->default_value(std::to_string(options.threads)),
        threads_help.c_str())(
        "no-spelling", po::bool_switch()->notifier([&options](bool off) {
            if (off) options.spelling = SpellingData::skip;
        }),
        "do not record the words for newssearch's \"did you mean\" (indexes faster)")(
        "synonyms", po::value<std::string>()->value_name("FILE")->notifier([&options](const std::string& file) {
            options.synonyms_file = file;
        }),
        "synonym groups, one a line, members separated by commas (US, U.S., United States, USA): a query "
        "naming one member matches them all. Replaces the groups stored before")(
        "lang", po::value<std::string>()->value_name("CODE")->notifier([&options](const std::string& tag) {
            options.language.fallback = language_in(tag, "lang");
        }),
        language_help().c_str())(
        "strict", po::bool_switch()->notifier([&options](bool strict) {
            if (strict) options.on_skip = SkipPolicy::fail;
        }),
        "fail (exit 2) on the first skipped record; the batch it belongs to is not written");
    return group;
}

po::options_description shard_options(std::size_t& shards) {
    static const std::string help =
        "split the articles across N databases (at most " + std::to_string(kMaxShards) +
        ") DB/shard-000... by a hash of their id, written in parallel, and list them in the stub file DB/XAPIANDB "
        "(newssearch --db DB searches them all); later runs on DB keep its shard count";
    po::options_description group("Sharding");
    group.add_options()("shards", in_range(shards, std::size_t{1}, kMaxShards, "shards"), help.c_str());
    return group;
}

namespace {

// A notifier for a switch that chooses `action`; a second action is an error.
auto choose_action(MaintenanceOptions& options, IndexAction action) {
    return [&options, action](bool on) {
        if (!on || options.action == action) return;
        if (options.action != IndexAction::index) {
            throw UsageError("--delete, --delete-from, --prune and --check cannot be combined");
        }
        options.action = action;
    };
}

// "," or ";", "tab" or "\t" for a tab: one character.
auto one_character(std::optional<char>& target, std::string option) {
    return [&target, option](const std::string& text) {
        if (text == "tab" || text == "\\t") {
            target = '\t';
        } else if (text.size() == 1) {
            target = text.front();
        } else {
            throw UsageError("--" + option + ": '" + text + "' is not one character (or 'tab')");
        }
    };
}

}  // namespace

po::options_description maintenance_options(MaintenanceOptions& options) {
    po::options_description group("Maintenance (instead of indexing)");
    group.add_options()("delete", po::bool_switch()->notifier(choose_action(options, IndexAction::remove)),
                        "remove the articles whose ids are the arguments")(
        "delete-from",
        po::value<std::string>()->value_name("FILE")->notifier([&options](const std::string& file) {
            options.ids_file = file;
            choose_action(options, IndexAction::remove)(true);
        }),
        "remove the articles whose ids are listed in FILE, one a line (and those given as arguments)")(
        "prune", po::bool_switch()->notifier(choose_action(options, IndexAction::prune)),
        "remove the articles whose source files no longer exist under the INPUTs")(
        "check", po::bool_switch()->notifier(choose_action(options, IndexAction::check)),
        "check that every article is whole (stored fields, terms and id agree); exit 1 if not");
    return group;
}

po::options_description csv_options(CsvOptions& options) {
    static const std::string columns_help = [] {
        std::string help = "CSV/TSV and JSON Lines: which column or key fills which field, FIELD=COLUMN,... (COLUMN "
                           "a header name or a number from 1, or a JSON key); without it, the usual names such as "
                           "title, headline, body, text, content, date, published, link, author are recognised in "
                           "headers and as keys, and records without an id get FILE:ROW (CSV) or FILE:LINE (JSON "
                           "Lines). FIELD is one of:";
        for (const CsvFieldName& field : csv_field_names()) {
            help += " ";
            help += field.name;
        }
        return help;
    }();
    po::options_description group("CSV, TSV and JSON Lines");
    group.add_options()("columns", po::value<std::string>()->notifier([&options](const std::string& text) {
        try {
            options.columns = parse_csv_columns(text);
        } catch (const std::invalid_argument& error) {
            throw UsageError(std::string("--columns: ") + error.what());
        }
    }),
                        columns_help.c_str())(
        "separator", po::value<std::string>()->notifier(one_character(options.separator, "separator")),
        "CSV/TSV field separator (default: detected among , ; tab |)")(
        "quote", po::value<std::string>()->notifier(one_character(options.quote, "quote")),
        "CSV/TSV quote character (default: detected, \" or ')")(
        "no-header", po::bool_switch()->notifier([&options](bool no_header) {
            if (no_header) options.header = CsvHeader::none;
        }),
        "CSV/TSV: the first row is an article, not column names (name the columns by number)");
    return group;
}

po::options_description progress_options(ProgressDisplay& display) {
    po::options_description group("Progress");
    group.add_options()("quiet,q", po::bool_switch()->notifier([&display](bool quiet) {
        if (quiet) display = ProgressDisplay::off;
    }),
                        "no progress line (it is shown on standard error only when that is a terminal)");
    return group;
}

}  // namespace gazette
