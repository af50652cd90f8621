// Writing a database: its write locks, who holds them (so that a second
// writer can say so), opening it for writing, and a full disk reported as such.
//
// Two locks, taken in this order and kept while the database is open:
// - Gazette's own (WriterLock), an flock on DB/gazette-lock. It turns away
//   every other gazette writer (newsindex, newssearch --save) for the whole
//   life of a writer, even while Xapian's lock is given up: a parallel build
//   exchanges the database's folder for the merged one and must close the
//   old database (releasing Xapian's lock, which stays with the old folder)
//   before opening the new one; it takes the new folder's gazette lock before
//   the exchange. It cannot stop a writer that is not gazette (xapian-compact,
//   a script using Xapian): such a writer only takes Xapian's lock, and could
//   open the new folder in that window.
// - Xapian's (a second WritableDatabase fails at once with
//   DatabaseLockError), which every Xapian program heeds.
// Both are locks of the open file, not of its existence: they die with the
// process, so a writer killed with kill -9 leaves files behind (gazette-lock,
// flintlock) but blocks no one.
//
// Neither lock records its holder: the writer that got both records itself
// in a small file in the database folder, and removes it when it closes; a
// writer turned away reads it.
#pragma once

#include "common/errors.h"

#include <filesystem>
#include <functional>
#include <string>

#include <xapian.h>

namespace gazette {

// Gazette's lock on the database folder `db_dir`, created (with the folder)
// if needed; released when destroyed. Turned away (DatabaseLockedError naming
// the holder) when another gazette writer holds it, at once: no waiting.
class WriterLock {
public:
    explicit WriterLock(const std::filesystem::path& db_dir);
    ~WriterLock();
    WriterLock(WriterLock&& other) noexcept;
    WriterLock& operator=(WriterLock&& other) noexcept;

    // Whether this is the lock of the folder now at `db_dir` (the lock's file
    // moves with its folder when folders are exchanged).
    bool guards(const std::filesystem::path& db_dir) const;

private:
    int fd_ = -1;
};

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
// write lock, under `lock`, the folder's gazette lock, which the caller holds
// for as long as the database is open (std::logic_error when it is not the
// lock of the folder at `db_dir`). Throws DatabaseLockedError naming the
// holder when another writer has Xapian's lock.
Xapian::WritableDatabase open_for_writing(const std::filesystem::path& db_dir, const WriterLock& lock);

// Runs `write`, which writes to the database at `db_dir` (or to files in its
// folder); a full disk becomes a DiskFullError that names the database.
void write_to(const std::filesystem::path& db_dir, const std::function<void()>& write);

}  // namespace gazette
