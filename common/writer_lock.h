// Who holds a database's write lock, so that a second writer can say so.
//
// Xapian's own lock decides who may write (a second WritableDatabase fails at
// once with DatabaseLockError), but it does not record the holder. The writer
// that got the lock records itself in a small file in the database folder,
// and removes it when it closes; a writer turned away reads it.
#pragma once

#include <filesystem>
#include <string>

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

}  // namespace gazette
