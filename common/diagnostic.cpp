#include "common/diagnostic.h"

namespace gazette {

std::string Diagnostic::to_string() const {
    std::string text = file;
    if (line != 0) {
        text += ':';
        text += std::to_string(line);
    }
    text += severity == Severity::error ? ": error: " : ": warning: ";
    text += message;
    return text;
}

DiagnosticSink or_ignore(DiagnosticSink sink) {
    if (sink) return sink;
    return [](const Diagnostic&) {};
}

}  // namespace gazette
