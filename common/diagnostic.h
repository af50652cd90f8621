// Diagnostics about input records, in the compiler style people know:
//   reut2-017.sgm:4711: warning: repaired 1 invalid UTF-8 byte
// Readers report through a sink that the caller owns; there is no global log.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace gazette {

enum class Severity { warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;
    std::size_t line = 0;  // 0 when the whole file is concerned
    std::string message;

    // "file:line: error: message" (or "file: error: message" without a line).
    std::string to_string() const;
};

using DiagnosticSink = std::function<void(const Diagnostic&)>;

// `sink`, or a sink that drops everything when `sink` is empty.
DiagnosticSink or_ignore(DiagnosticSink sink);

}  // namespace gazette
