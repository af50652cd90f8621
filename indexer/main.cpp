// newsindex: reads news files and writes a Xapian database. Parses options,
// calls the library (indexer/index_writer.h, indexer/index_maintenance.h,
// indexer/index_check.h) and maps errors to exit codes.
#include "indexer/database_errors.h"
#include "indexer/index_check.h"
#include "indexer/index_maintenance.h"
#include "indexer/command_line.h"
#include "indexer/sharded_index.h"

#include <csignal>
#include <iostream>

namespace {

// Set by the first Ctrl-C: the run stops before its next article. The
// handler then reverts to the default, so a second Ctrl-C ends the process.
volatile std::sig_atomic_t g_interrupted = 0;

void stop_on_interrupt() {
    struct sigaction action {};
    action.sa_handler = [](int) { g_interrupted = 1; };
    action.sa_flags = SA_RESETHAND | SA_RESTART;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
}

constexpr const char* kUsage = R"(Usage: newsindex --db DIR [options] INPUT...
       newsindex --db DIR --delete ID...
       newsindex --db DIR --delete-from FILE [ID...]
       newsindex --db DIR --prune INPUT...
       newsindex --db DIR --check

Indexes every article in the INPUTs (files, folders walked recursively, or
"-" for standard input) into the Xapian database DIR, creating it if needed.

An article without an id of its own gets FILE:ROW (CSV), FILE:LINE (JSON
Lines) or its path (text, HTML); from standard input, "-:" and a hash of its
title and body, so articles piped in one run after another never replace one
another (and the same article piped again replaces itself).

A folder is walked in name order, hidden files left out; with --format auto
it reads only article files (not README, LICENSE, nor files of an unknown
type), and in a folder where more than half the files are of one format
that holds many articles a file (JSON Lines, CSV/TSV, Reuters or TREC SGML),
only the files of that format: the others are taken for category lists or
notes. Each file left out is listed as "FILE: warning: not read: WHY"; a
file named as an INPUT is always read.

Files may be gzip or zstd compressed and UTF-8 or UTF-16 (with a byte order
mark); invalid UTF-8 is read as Windows-1252, with a warning. An article whose
id is already in the database replaces it, old terms and all. A broken
record, or a file that cannot be read, is reported as "file:line: error:
reason" and skipped; the run goes on. So is an article of more than 4 MiB
of text.

A new (empty) database is built by --threads workers (one per core by
default) in chunk databases merged at the end: it appears whole when the run
ends, and stays empty if the run fails or is killed. Adding to a database that
holds articles is serial, committed as described next.

Only one newsindex writes to a database at a time: a second one fails at once
and names the one that holds it. Searches may run while it writes. Work is
committed every --commit-every articles and at the end; a crash or kill loses
at most the articles since the last commit, and re-running the same command
finishes the job without duplicates. Ctrl-C stops the run between two
articles: what was written is committed, and one line says how many articles
that is.

With --shards N the articles are split across N databases DB/shard-000...
by a stable hash of their id and written in parallel, one thread a shard
(--threads is not used); the stub file
DB/XAPIANDB lists them, so newssearch --db DB searches them as one. Later
runs on DB (re-indexing, --delete, --prune, --check) work on every shard. --strict, --synonyms, spelling and
the writer lock hold for every shard; near-duplicates are clustered across
shards, as in one database.

Exit status: 0 when the run finished (see the summary for skipped records),
1 when it indexed no article from the INPUTs (every record skipped, or none
found: see the summary) or --check finds problems, 2 on a fatal error (bad
option, missing input, database locked or full) and, with --strict, on the
first skipped record; 130 when Ctrl-C stopped it: the articles written so
far are committed, and running the same command again continues.)";

std::vector<std::string> ids_or_inputs(const std::vector<std::string>& arguments,
                                       const gazette::MaintenanceOptions& maintenance) {
    using gazette::IndexAction;
    bool wants_arguments = maintenance.action == IndexAction::index || maintenance.action == IndexAction::prune ||
                           (maintenance.action == IndexAction::remove && maintenance.ids_file.empty());
    if (wants_arguments && arguments.empty()) {
        throw gazette::UsageError(maintenance.action == IndexAction::remove ? "no ID given (see --help)"
                                                                           : "no INPUT given (see --help)");
    }
    if (maintenance.action == IndexAction::check && !arguments.empty()) {
        throw gazette::UsageError("--check takes no arguments");
    }
    return arguments;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace gazette;
    std::vector<std::filesystem::path> db_dirs;  // named in errors
    try {
        IndexOptions options;
        std::size_t shards = 0;
        MaintenanceOptions maintenance;
        po::options_description visible;
        ProgressDisplay progress = ProgressDisplay::automatic;
        visible.add(database_options(db_dirs)).add(input_options(options)).add(csv_options(options.csv));
        visible.add(progress_options(progress)).add(maintenance_options(maintenance)).add(shard_options(shards));
        std::vector<std::string> arguments;
        if (!parse_command_line(argc, argv, visible, "input", arguments, kUsage)) return 0;
        if (db_dirs.size() != 1) throw UsageError("--db must be given exactly once");
        arguments = ids_or_inputs(arguments, maintenance);
        options.on_progress = terminal_progress(progress);
        if (shards == 0) shards = shard_count(db_dirs.front()).value_or(0);  // an existing archive keeps its count

        switch (maintenance.action) {
        case IndexAction::index: {
            options.db_dir = db_dirs.front();
            options.inputs.assign(arguments.begin(), arguments.end());
            stop_on_interrupt();
            options.stop_requested = [] { return g_interrupted != 0; };
            DiagnosticSink to_stderr = [](const Diagnostic& diagnostic) { std::cerr << diagnostic.to_string() << "\n"; };
            IndexSummary summary = shards > 0 ? index_sharded(options, shards, to_stderr) : index_inputs(options, to_stderr);
            std::cout << describe(summary);
            return summary.added + summary.replaced == 0 ? 1 : 0;  // like grep: nothing found
        }
        case IndexAction::remove: {
            DeleteOptions remove{db_dirs.front(), arguments, maintenance.ids_file};
            std::cout << describe(shards > 0 ? delete_from_shards(remove, shards) : delete_articles(remove));
            return 0;
        }
        case IndexAction::prune: {
            PruneOptions prune{db_dirs.front(), {arguments.begin(), arguments.end()}};
            std::cout << describe(shards > 0 ? prune_shards(prune, shards) : prune_missing(prune));
            return 0;
        }
        case IndexAction::check: {
            CheckReport report = check_index(db_dirs.front());
            std::cout << describe(report);
            return report.problems.empty() ? 0 : 1;
        }
        }
    } catch (const Interrupted& interrupted) {
        std::cerr << "newsindex: " << interrupted.what() << "\n";
        return 130;  // 128 + SIGINT, as a shell reports a process Ctrl-C ended
    } catch (const Error& error) {
        std::cerr << "newsindex: error: " << error.what() << "\n";
    } catch (const Xapian::Error& error) {
        std::cerr << "newsindex: error: " << database_error(error, db_dirs.empty() ? "" : db_dirs.front()).what() << "\n";
    } catch (const std::bad_alloc&) {
        std::cerr << "newsindex: error: out of memory: give fewer --threads or a smaller --commit-every\n";
    } catch (const std::exception& error) {
        std::cerr << "newsindex: internal error: " << error.what() << "\n";
    }
    return 2;
}
