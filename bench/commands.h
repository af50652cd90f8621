// newsbench subcommands: each parses its own options, calls the library and
// returns an exit status; bench/main.cpp only dispatches.
#pragma once

namespace gazette::bench {

int eval_command(int argc, const char* const argv[]);
int compare_command(int argc, const char* const argv[]);
int query_command(int argc, const char* const argv[]);
int index_command(int argc, const char* const argv[]);

}  // namespace gazette::bench
