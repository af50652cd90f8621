#include "common/options.h"

#include <iostream>
#include <sstream>

namespace gazette {

namespace {

// "a, b or c" from a table of named choices.
template <typename Table>
std::string list_choices(const Table& table) {
    std::string out;
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (i > 0) out += i + 1 == table.size() ? " or " : ", ";
        out += table[i].name;
    }
    return out;
}

// Help text listing each choice with its description.
template <typename Table>
std::string describe_choices(std::string_view what, const Table& table) {
    std::string out(what);
    for (const auto& entry : table) {
        out += "\n  ";
        out += entry.name;
        out += ": ";
        out += entry.description;
    }
    return out;
}

// A notifier that maps a choice's name to its enum through the table, or
// fails with the list of valid names.
template <typename Table, typename Enum>
auto choose_from(const Table& table, Enum& target, std::string option) {
    return [&table, &target, option](const std::string& name) {
        for (const auto& entry : table) {
            if (entry.name == name) {
                target = entry.format;
                return;
            }
        }
        throw UsageError("--" + option + ": unknown value '" + name + "' (choose " + list_choices(table) + ")");
    };
}

}  // namespace

po::options_description database_options(std::vector<std::filesystem::path>& db_dirs) {
    po::options_description group("Database");
    group.add_options()("db,d", po::value<std::vector<std::string>>()->required()->notifier([&db_dirs](const auto& dirs) {
        db_dirs.assign(dirs.begin(), dirs.end());
    }),
                        "the Xapian database directory (for searching, may be given more than once)");
    return group;
}

po::options_description input_options(IndexOptions& options) {
    static const auto formats = format_names();
    po::options_description group("Input");
    group.add_options()("format,f", po::value<std::string>()->default_value("auto")->notifier(
                                        choose_from(formats, options.format, "format")),
                        describe_choices("input format:", formats).c_str())(
        "commit-every", po::value<std::size_t>(&options.commit_every)->default_value(options.commit_every),
        "commit after this many articles (the most a crash can lose)")(
        "strict", po::bool_switch()->notifier([&options](bool strict) {
            if (strict) options.on_skip = SkipPolicy::fail;
        }),
        "fail (exit 2) on the first skipped record; the batch it belongs to is not written");
    return group;
}

namespace {

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

po::options_description csv_options(CsvOptions& options) {
    static const std::string columns_help = [] {
        std::string help = "CSV/TSV: which column fills which field, FIELD=COLUMN,... (COLUMN a header name or a "
                           "number from 1); without it, header names such as title, headline, body, text, content, "
                           "date, published are recognised. FIELD is one of:";
        for (const CsvFieldName& field : csv_field_names()) {
            help += " ";
            help += field.name;
        }
        return help;
    }();
    po::options_description group("CSV and TSV");
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

po::options_description result_options(SearchOptions& options) {
    po::options_description group("Results");
    group.add_options()("limit,n", po::value<std::size_t>(&options.limit)->default_value(options.limit),
                        "number of hits to show")(
        "offset", po::value<std::size_t>(&options.offset)->default_value(options.offset),
        "hits to skip before the first one shown")(
        "lang", po::value<std::string>(&options.language), "language of the query (ISO 639-1; default en)");
    return group;
}

po::options_description output_options(OutputOptions& options) {
    static const auto formats = output_format_names();
    po::options_description group("Output");
    group.add_options()("format,f", po::value<std::string>()->default_value("text")->notifier(
                                        choose_from(formats, options.format, "format")),
                        describe_choices("output format:", formats).c_str());
    return group;
}

bool parse_command_line(int argc, const char* const argv[], const po::options_description& visible,
                        const std::string& positional_name, std::vector<std::string>& positional,
                        const std::string& usage) {
    po::options_description all;
    all.add(visible);
    all.add_options()("help,h", "show this help");
    po::options_description hidden;
    hidden.add_options()(positional_name.c_str(), po::value<std::vector<std::string>>(&positional));
    po::options_description command_line;
    command_line.add(all).add(hidden);
    po::positional_options_description positions;
    positions.add(positional_name.c_str(), -1);

    po::variables_map values;
    try {
        po::store(po::command_line_parser(argc, argv).options(command_line).positional(positions).run(), values);
        if (values.count("help") != 0) {
            std::cout << usage << "\n" << all << "\n";
            return false;
        }
        po::notify(values);
    } catch (const po::error& error) {
        throw UsageError(error.what());
    }
    return true;
}

}  // namespace gazette
