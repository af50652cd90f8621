// Writing a database: who holds its write lock (so that a second writer can
// say so), opening it for writing, and a full disk reported as such.
//
// Xapian's own lock decides who may write (a second WritableDatabase fails at
// once with DatabaseLockError), but it does not record the holder. The writer
// that got the lock records itself in a small file in the database folder,
// and removes it when it closes; a writer turned away reads it.
#pragma once

#include "common/errors.h"

#include <filesystem>
#include <functional>
#include <string>

#include <xapian.h>

namespace gazette {

// Records the current process as the writer of `db_dir` for its lifetime.
// Construct it only while holding Xapian's write lock.
class WriterRecord {
public:
    explicit WriterRecord(std::filesystem::path db_dir);
    ~WriterRecord();
    WriterRecord(const WriterRecord&) = delete;
    WriterRecord& operator=(const WriterRecord&) = delete;

private:
    std::filesystem::path file_;
};

// "newsindex (pid 1234, user ann, since 2026-11-29 01:50:03 UTC)", or a
// general phrase when no live writer is recorded (another program, or one
// that was killed before it could clean up).
std::string describe_writer(const std::filesystem::path& db_dir);

// Opens (or creates) the database at `db_dir` for writing, taking Xapian's
// write lock. Throws DatabaseLockedError naming the holder when another
// writer has it.
Xapian::WritableDatabase open_for_writing(const std::filesystem::path& db_dir);

// Runs `write`, which writes to the database at `db_dir` (or to files in its
// folder); a full disk becomes a DiskFullError that names the database.
void write_to(const std::filesystem::path& db_dir, const std::function<void()>& write);

}  // namespace gazette
