// newsbench index: indexing throughput, memory and index size.
#include "bench/commands.h"
#include "bench/index_bench.h"
#include "indexer/command_line.h"

#include <iostream>

namespace gazette::bench {

namespace {
constexpr const char* kUsage = R"(Usage: newsbench index --db NEWDIR [options] INPUT...

Indexes the INPUTs into the new database NEWDIR --runs times (rebuilding it
each time, as newsindex does, --threads workers) and prints the median time,
articles/s and MB/s of input, the peak resident memory of the process, and the
size of the index as built and after Xapian's compaction. NEWDIR must not
exist; the last run's database is kept. --json prints one JSON object instead.)";
}  // namespace

int index_command(int argc, const char* const argv[]) {
    IndexOptions options;
    std::vector<std::filesystem::path> db_dirs;
    std::size_t runs = 3;
    bool json = false;
    po::options_description timing("Timing");
    timing.add_options()("runs", po::value(&runs)->default_value(runs), "timed builds; the median is reported")(
        "json", po::bool_switch(&json), "one JSON object instead of the table");
    po::options_description visible;
    visible.add(database_options(db_dirs)).add(input_options(options)).add(csv_options(options.csv)).add(timing);
    std::vector<std::string> inputs;
    if (!parse_command_line(argc, argv, visible, "input", inputs, kUsage)) return 0;
    if (db_dirs.size() != 1) throw UsageError("--db must be given exactly once");
    if (inputs.empty()) throw UsageError("no INPUT given (see --help)");
    options.db_dir = db_dirs.front();
    options.inputs.assign(inputs.begin(), inputs.end());
    IndexBenchResult result = measure_indexing(options, runs);
    std::cout << (json ? to_json(result) : describe(result));
    return 0;
}

}  // namespace gazette::bench
