// The errors Gazette's libraries throw, under one root. Each names what was
// wrong in words a user can act on (the file, the database, the value), so
// that a program's main prints what() after "PROGRAM: error: " and exits 2.
// Errors that belong to one part stay with it (QueryError in
// searcher/query_builder.h, StrictError in indexer/index_writer.h); those
// that more than one part throws live here.
#pragma once

#include <stdexcept>
#include <string>

namespace gazette {

// The root of Gazette's errors.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A bad command line or spec value; main prints it and exits 2.
class UsageError : public Error {
public:
    using Error::Error;
};

// A bad value of one option: what() is "--OPTION: REASON", one line; a
// spec reader names the key instead of --OPTION and keeps the reason, so that
// the command line and a spec refuse a value in the same words.
class OptionValueError : public UsageError {
public:
    OptionValueError(const std::string& option, std::string reason)
        : UsageError("--" + option + ": " + reason), reason_(std::move(reason)) {}
    const std::string& reason() const { return reason_; }

private:
    std::string reason_;
};

// An input that cannot be read: "FILE: REASON".
class InputError : public Error {
public:
    InputError(const std::string& file, std::string reason) : Error(file + ": " + reason), reason_(std::move(reason)) {}
    const std::string& reason() const { return reason_; }

private:
    std::string reason_;
};

// A database that cannot be opened or read; what() names it.
class DatabaseError : public Error {
public:
    using Error::Error;
};

// Another writer holds the database; what() names it. Thrown at once: a
// writer never waits for the lock.
class DatabaseLockedError : public Error {
public:
    using Error::Error;
};

// The machine cannot give what the run asks for (threads, memory); what()
// says which option asks for less.
class ResourceError : public Error {
public:
    using Error::Error;
};

// The disk holding the database is full. What was committed before stays.
class DiskFullError : public Error {
public:
    using Error::Error;
};

}  // namespace gazette
