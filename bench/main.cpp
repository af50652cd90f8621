// newsbench: benchmark and evaluation runs. Dispatches to a subcommand
// (bench/commands.h) and maps errors to exit codes.
#include "bench/commands.h"
#include "common/command_line.h"

#include <iostream>
#include <string_view>

#include <xapian.h>

namespace {

struct Subcommand {
    std::string_view name;
    std::string_view summary;
    int (*run)(int argc, const char* const argv[]);
};

constexpr Subcommand kSubcommands[] = {
    {"eval", "run TREC topics and score them against judgments (MAP, nDCG@10, P@10, MRR, recall)",
     gazette::bench::eval_command},
    {"compare", "compare two TREC runs per measure, with a paired significance test", gazette::bench::compare_command},
    {"index", "indexing throughput (articles/s, MB/s), peak memory, index size before and after compaction",
     gazette::bench::index_command},
    {"query", "query latency over a query set (p50, p95, p99, mean, queries/s)", gazette::bench::query_command},
};

void print_usage(std::ostream& out) {
    out << "Usage: newsbench COMMAND [options]   (newsbench COMMAND --help for its options)\n\nCommands:\n";
    for (const auto& command : kSubcommands) out << "  " << command.name << "  " << command.summary << "\n";
    out << "\nExit status: 0 on success, 2 on an error.\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h") {
        print_usage(argc < 2 ? std::cerr : std::cout);
        return argc < 2 ? 2 : 0;
    }
    if (std::string_view(argv[1]) == "--version") {
        std::cout << gazette::version_line("newsbench") << "\n";
        return 0;
    }
    try {
        for (const auto& command : kSubcommands) {
            if (command.name == argv[1]) return command.run(argc - 1, argv + 1);
        }
        throw gazette::UsageError(std::string("unknown command '") + argv[1] + "' (see --help)");
    } catch (const Xapian::Error& error) {
        std::cerr << "newsbench: error: " << error.get_description() << "\n";
    } catch (const std::exception& error) {
        std::cerr << "newsbench: error: " << error.what() << "\n";
    }
    return 2;
}
