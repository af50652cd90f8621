#include "common/writer_lock.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <pwd.h>
#include <signal.h>
#include <unistd.h>

namespace gazette {

namespace fs = std::filesystem;

namespace {

// Not a Xapian file name, so Xapian leaves it alone.
constexpr const char* kRecordName = "gazette-writer";

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

}  // namespace

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

Xapian::WritableDatabase open_for_writing(const std::filesystem::path& db_dir) {
    try {
        return translating_disk_full(
            db_dir, [&db_dir] { return Xapian::WritableDatabase(db_dir.string(), Xapian::DB_CREATE_OR_OPEN); });
    } catch (const Xapian::DatabaseLockError&) {
        throw DatabaseLockedError("database '" + db_dir.string() + "' is locked by another writer: " +
                                  describe_writer(db_dir) + "; try again when it has finished");
    }
}

}  // namespace gazette
