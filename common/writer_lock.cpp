#include "common/writer_lock.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <stdexcept>
#include <utility>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gazette {

namespace fs = std::filesystem;

namespace {

// Not Xapian file names, so Xapian leaves them alone.
constexpr const char* kRecordName = "gazette-writer";
constexpr const char* kLockName = "gazette-lock";

std::string program_name() {
    std::ifstream comm("/proc/self/comm");
    std::string name;
    std::getline(comm, name);
    return name.empty() ? "a process" : name;
}

std::string user_name() {
    passwd entry{};
    passwd* found = nullptr;
    char buffer[1024];
    if (getpwuid_r(getuid(), &entry, buffer, sizeof buffer, &found) == 0 && found != nullptr) return found->pw_name;
    return "uid " + std::to_string(getuid());
}

std::string utc_now() {
    std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &parts);
    return text;
}

bool process_alive(long pid) { return pid > 0 && (kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

DatabaseLockedError locked_error(const fs::path& db_dir) {
    return DatabaseLockedError("database '" + db_dir.string() + "' is locked by another writer: " +
                               describe_writer(db_dir) + "; try again when it has finished");
}

// Whether the open file `fd` is the file now at `path`.
bool is_file_at(int fd, const fs::path& path) {
    struct stat open_file {};
    struct stat at_path {};
    return fstat(fd, &open_file) == 0 && stat(path.c_str(), &at_path) == 0 && open_file.st_dev == at_path.st_dev &&
           open_file.st_ino == at_path.st_ino;
}

}  // namespace

// The lock is taken on the file found at the path, but a parallel build may
// exchange the folder between our open() and our flock(): then the file we
// locked is no longer the database's (its folder is on its way out), so we
// take the one now there.
WriterLock::WriterLock(const fs::path& db_dir) {
    const fs::path file = db_dir / kLockName;
    std::error_code ignored;
    fs::create_directories(db_dir, ignored);  // a new database: open() below says why if this failed
    for (;;) {
        // Read-only is enough for flock, and lets any user who may write the
        // folder take the lock of a file another user created.
        fd_ = open(file.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ < 0) throw DatabaseError("cannot lock database '" + db_dir.string() + "': " + std::strerror(errno));
        if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            close(fd_);
            if (error == EWOULDBLOCK) throw locked_error(db_dir);
            throw DatabaseError("cannot lock database '" + db_dir.string() + "': " + std::strerror(error));
        }
        if (is_file_at(fd_, file)) return;
        close(fd_);
    }
}

WriterLock::~WriterLock() {
    if (fd_ >= 0) close(fd_);
}

WriterLock::WriterLock(WriterLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) close(fd_);
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

bool WriterLock::guards(const fs::path& db_dir) const { return fd_ >= 0 && is_file_at(fd_, db_dir / kLockName); }

// First line: the pid (to tell a live record from a stale one); second line:
// the description people see. Written to a temporary name and renamed, so a
// reader never sees half a record.
WriterRecord::WriterRecord(fs::path db_dir) : file_(std::move(db_dir) / kRecordName) {
    fs::path temporary = file_;
    temporary += ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << getpid() << "\n"
            << program_name() << " (pid " << getpid() << ", user " << user_name() << ", since " << utc_now() << ")\n";
    }
    std::error_code ignored;
    fs::rename(temporary, file_, ignored);
}

WriterRecord::~WriterRecord() {
    std::error_code ignored;
    fs::remove(file_, ignored);
}

std::string describe_writer(const fs::path& db_dir) {
    std::ifstream in(db_dir / kRecordName);
    long pid = 0;
    std::string description;
    if (in >> pid && std::getline(in >> std::ws, description) && process_alive(pid)) return description;
    return "another process";
}

namespace {

bool is_disk_full(const Xapian::Error& error) {
    return error.get_description().find(std::strerror(ENOSPC)) != std::string::npos;
}

// Xapian reports a full disk as a DatabaseError whose text carries the
// system's message; it becomes a DiskFullError that says so plainly.
template <typename Write>
auto translating_disk_full(const std::filesystem::path& db_dir, Write write) -> decltype(write()) {
    try {
        return write();
    } catch (const Xapian::Error& error) {
        if (!is_disk_full(error)) throw;
        throw DiskFullError("cannot write to database '" + db_dir.string() + "': the disk is full (" +
                            std::strerror(ENOSPC) + ")");
    }
}

}  // namespace

void write_to(const std::filesystem::path& db_dir, const std::function<void()>& write) {
    translating_disk_full(db_dir, write);
}

Xapian::WritableDatabase open_for_writing(const std::filesystem::path& db_dir, const WriterLock& lock) {
    if (!lock.guards(db_dir)) throw std::logic_error("open_for_writing: not the lock of '" + db_dir.string() + "'");
    try {
        return translating_disk_full(
            db_dir, [&db_dir] { return Xapian::WritableDatabase(db_dir.string(), Xapian::DB_CREATE_OR_OPEN); });
    } catch (const Xapian::DatabaseLockError&) {
        throw locked_error(db_dir);
    }
}

}  // namespace gazette
