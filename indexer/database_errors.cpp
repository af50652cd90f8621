#include "indexer/database_errors.h"

#include "common/archive_layout.h"

#include <string>

namespace gazette {

namespace {

// The system's reason, when Xapian passes one on (": Permission denied").
std::string system_reason(const Xapian::Error& error) {
    const char* reason = error.get_error_string();
    return reason != nullptr && *reason != '\0' ? std::string(": ") + reason : std::string();
}

}  // namespace

DatabaseError database_error(const Xapian::Error& error, const std::filesystem::path& db_dir) {
    const std::string name = "database '" + db_dir.string() + "'";
    const std::string type = error.get_type();
    if (type == "DatabaseCorruptError") {
        return DatabaseError(name + " is damaged" + system_reason(error) + ": index its inputs again into a new folder");
    }
    if (type == "DatabaseVersionError") {
        return DatabaseError(name + " was written by another version of Xapian: index its inputs again into a new "
                                    "folder");
    }
    if (type == "DatabaseCreateError") {
        return DatabaseError("cannot create " + name + system_reason(error));
    }
    if (type == "DatabaseLockError") {
        return DatabaseError(name + " cannot be locked for writing" + system_reason(error));
    }
    if (type == "DatabaseModifiedError") {
        return DatabaseError(name + " changed while it was read: run the command again");
    }
    if (type == "DatabaseOpeningError" || type == "DatabaseNotFoundError") {
        const std::string reason = system_reason(error);
        return DatabaseError("cannot open " + name + (reason.empty() ? ": it is not a Xapian database" : reason));
    }
    return DatabaseError("cannot read or write " + name + system_reason(error) + " (Xapian's " + type + ")");
}

void check_database_exists(const std::filesystem::path& db_dir) {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::file_status status = fs::status(db_dir, error);
    const std::string name = "'" + db_dir.string() + "'";
    if (status.type() == fs::file_type::not_found) throw DatabaseError("no database at " + name);
    if (error) throw DatabaseError("cannot open database " + name + ": " + error.message());
    if (!fs::is_directory(status)) throw DatabaseError(name + " is a file, not a database");
    if (!fs::exists(db_dir / "iamglass") && !fs::exists(stub_path(db_dir))) {
        throw DatabaseError(name + " holds no Xapian database");
    }
}

}  // namespace gazette
