// Xapian's errors in our words. Xapian's own text names its classes and
// internals ("DatabaseOpeningError: Directory does not contain a Xapian
// database", "/etc/hostname:1: Bad line"); newsindex says instead what is
// wrong with the database the user named, and what to do.
#pragma once

#include "common/errors.h"

#include <filesystem>

#include <xapian.h>

namespace gazette {

// A DatabaseError naming `db_dir`, for a Xapian error
// raised while opening, reading or writing it.
DatabaseError database_error(const Xapian::Error& error, const std::filesystem::path& db_dir);

// Throws DatabaseError unless `db_dir` is a folder holding a Xapian database
// ("no database at", "is a file, not a database", "holds no database").
void check_database_exists(const std::filesystem::path& db_dir);

}  // namespace gazette
