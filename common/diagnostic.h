// Diagnostics about input records, in the compiler style people know:
//   reut2-017.sgm:4711: warning: repaired 1 invalid UTF-8 byte
// Readers report through a sink that the caller owns; there is no global log.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <utility>

namespace gazette {

enum class Severity { warning, error };

struct Diagnostic {
    Diagnostic() = default;
    Diagnostic(Severity severity, std::string file, std::size_t line, std::string message, std::string reason = {})
        : severity(severity), file(std::move(file)), line(line), message(std::move(message)),
          reason(std::move(reason)) {}

    Severity severity = Severity::error;
    std::string file;
    std::size_t line = 0;  // 0 when the whole file is concerned
    std::string message;
    // The kind of problem without the values that differ from record to
    // record ("the row has too few fields"), for the counts of the summary.
    // Empty when the message has no such values.
    std::string reason;

    // `reason`, or the message when there is none.
    const std::string& summary_reason() const { return reason.empty() ? message : reason; }

    // "file:line: error: message" (or "file: error: message" without a line).
    std::string to_string() const;
};

// Reasons several readers give (see Diagnostic::reason).
namespace reasons {
inline constexpr const char* repaired_utf8 = "repaired invalid UTF-8 (read as Windows-1252)";
inline constexpr const char* unparseable_date = "unparseable date (the article is kept without one)";
inline constexpr const char* unreadable_file = "unreadable file";
inline constexpr const char* missing_column = "the row has too few fields";
}  // namespace reasons

using DiagnosticSink = std::function<void(const Diagnostic&)>;

// `sink`, or a sink that drops everything when `sink` is empty.
DiagnosticSink or_ignore(DiagnosticSink sink);

}  // namespace gazette
