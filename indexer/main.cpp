// newsindex: reads news files and writes a Xapian database. Parses options,
// calls the library (common/index_writer.h) and maps errors to exit codes.
#include "common/options.h"

#include <iostream>

namespace {

constexpr const char* kUsage = R"(Usage: newsindex --db DIR [options] INPUT...

Indexes every article in the INPUTs (files, folders walked recursively, or
"-" for standard input) into the Xapian database DIR, creating it if needed.
Files may be gzip or zstd compressed and UTF-8 or UTF-16 (with a byte order
mark); invalid UTF-8 is read as Windows-1252, with a warning. An article whose
id is already in the database replaces it. A broken record, or a file that
cannot be read, is reported as "file:line: error: reason" and skipped; the
run goes on.

Exit status: 0 when the run finished (see the summary for skipped records),
2 on a fatal error (bad option, missing input, database locked or full) and,
with --strict, on the first skipped record.)";

}  // namespace

int main(int argc, char** argv) {
    using namespace gazette;
    try {
        IndexOptions options;
        std::vector<std::filesystem::path> db_dirs;
        po::options_description visible;
        ProgressDisplay progress = ProgressDisplay::automatic;
        visible.add(database_options(db_dirs)).add(input_options(options)).add(csv_options(options.csv));
        visible.add(progress_options(progress));
        std::vector<std::string> inputs;
        if (!parse_command_line(argc, argv, visible, "input", inputs, kUsage)) return 0;
        if (inputs.empty()) throw UsageError("no INPUT given (see --help)");
        if (db_dirs.size() != 1) throw UsageError("--db must be given exactly once");
        options.db_dir = db_dirs.front();
        options.inputs.assign(inputs.begin(), inputs.end());
        options.on_progress = terminal_progress(progress);

        IndexSummary summary = index_inputs(options, [](const Diagnostic& diagnostic) {
            std::cerr << diagnostic.to_string() << "\n";
        });
        std::cout << describe(summary);
        return 0;
    } catch (const Xapian::DatabaseLockError& error) {
        std::cerr << "newsindex: error: the database is locked by another writer: " << error.get_msg() << "\n";
    } catch (const Xapian::Error& error) {
        std::cerr << "newsindex: error: " << error.get_description() << "\n";
    } catch (const std::exception& error) {
        std::cerr << "newsindex: error: " << error.what() << "\n";
    }
    return 2;
}
