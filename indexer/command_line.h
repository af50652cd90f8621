// newsindex's option groups, one function per concern; newsbench's index
// command takes some of them too.
#pragma once

#include "common/command_line.h"
#include "indexer/index_writer.h"
#include "indexer/progress.h"

#include <cstddef>
#include <filesystem>

namespace gazette {

po::options_description input_options(IndexOptions& options);

po::options_description csv_options(CsvOptions& options);

po::options_description progress_options(ProgressDisplay& display);

// --shards N: index into N shards (indexer/sharded_index.h); 0 = one database.
po::options_description shard_options(std::size_t& shards);

// What newsindex does with its arguments: index the INPUTs (the default),
// remove the articles with the ids given, prune the articles whose files are
// gone from the INPUTs, or check the database.
enum class IndexAction { index, remove, prune, check };
struct MaintenanceOptions {
    IndexAction action = IndexAction::index;
    std::filesystem::path ids_file;  // --delete-from
};
po::options_description maintenance_options(MaintenanceOptions& options);

}  // namespace gazette
