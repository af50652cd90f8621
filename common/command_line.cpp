#include "common/command_line.h"

#include "common/json.h"
#include "common/language.h"

#include <charconv>
#include <cmath>
#include <iostream>

namespace gazette {

long long number_in_range(const std::string& text, long long low, long long high, const std::string& option) {
    long long number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size() || number < low || number > high) {
        throw OptionValueError(option, "'" + text + "' is not a whole number from " + std::to_string(low) + " to " +
                                           std::to_string(high));
    }
    return number;
}

double real_in_range(const std::string& text, double low, double high, const std::string& option) {
    double number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(number) || number < low ||
        number > high) {
        throw OptionValueError(option, "'" + text + "' is not a number from " + shortest_number(low) + " to " + shortest_number(high));
    }
    return number;
}

std::string language_in(const std::string& tag, const std::string& option) {
    std::string code = language_code(tag);
    if (!is_language_code(code)) {
        throw OptionValueError(option, "'" + tag + "' is not an ISO 639-1 language code (e.g. de)");
    }
    return code;
}

po::options_description database_options(std::vector<std::filesystem::path>& db_dirs, OptionNeed need) {
    po::options_description group("Database");
    auto* dirs_value = po::value<std::vector<std::string>>()->notifier([&db_dirs](const auto& dirs) {
        db_dirs.assign(dirs.begin(), dirs.end());
    });
    if (need == OptionNeed::required) dirs_value->required();
    group.add_options()("db,d", dirs_value,
                        "the Xapian database directory (for searching: also a stub file or a remote shard tcp://HOST:PORT; may be given more than once)");
    return group;
}

std::string version_line(std::string_view program) {
    return std::string(program) + " (Gazette) " + GAZETTE_VERSION;
}

bool parse_command_line(int argc, const char* const argv[], const po::options_description& visible,
                        const std::string& positional_name, std::vector<std::string>& positional,
                        const std::string& usage) {
    po::options_description all;
    all.add(visible);
    all.add_options()("help,h", "show this help")("version", "print the version and exit");
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
        if (values.count("version") != 0) {
            std::cout << version_line(std::filesystem::path(argv[0]).filename().string()) << "\n";
            return false;
        }
        po::notify(values);
    } catch (const po::error& error) {
        throw UsageError(error.what());
    }
    return true;
}

}  // namespace gazette
