#include "corpus/text_reader.h"

#include "common/text.h"

#include <utility>

namespace gazette {

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

std::string id_for(const std::filesystem::path& file, const std::filesystem::path& root) {
    const std::filesystem::path relative = file.lexically_relative(root);
    return (relative.empty() ? file : relative).generic_string();
}

}  // namespace

TextReader::TextReader(const std::filesystem::path& file, const std::filesystem::path& root, DiagnosticSink sink)
    : file_(file.string()), id_(id_for(file, root)), in_(file, std::ios::binary), sink_(std::move(sink)) {
    if (!in_) {
        throw InputError(file_ + ": cannot open the file");
    }
}

std::optional<Article> TextReader::next() {
    if (done_) {
        return std::nullopt;
    }
    done_ = true;
    // Checked before reading, so a huge file costs no memory.
    std::error_code error;
    if (auto problem = too_large(static_cast<std::size_t>(std::filesystem::file_size(file_, error))); problem && !error) {
        report(Severity::error, *problem);
        return std::nullopt;
    }
    return read_article();
}

// A file holds a single article, so reading it whole costs no more memory
// than the article itself.
std::optional<Article> TextReader::read_article() {
    Article article;
    article.id = id_;
    article.origin = {file_, 1};

    std::size_t repaired = 0;
    std::size_t first_repaired_line = 0;
    std::size_t line_number = 0;
    std::string body;
    std::string line;
    while (std::getline(in_, line)) {
        ++line_number;
        if (line.find('\0') != std::string::npos) {
            // Text never holds NUL; programs, images and archives do.
            report(Severity::error, "not a text file: line " + std::to_string(line_number) + " holds a NUL byte");
            return std::nullopt;
        }
        if (line_number == 1 && line.starts_with(utf8_bom)) {
            line.erase(0, utf8_bom.size());
        }
        if (const std::size_t count = repair_utf8(line); count != 0) {
            repaired += count;
            first_repaired_line = first_repaired_line == 0 ? line_number : first_repaired_line;
        }
        if (article.title.empty()) {
            article.title = clean_field(line);
        } else {
            body += line;
            body += '\n';
        }
    }
    article.body = clean_body(body);

    if (repaired != 0) {
        report(Severity::warning,
               describe_utf8_repair(repaired) + " (the first on line " + std::to_string(first_repaired_line) + ")");
    }
    if (article.title.empty()) {
        report(Severity::error, "empty file");
        return std::nullopt;
    }
    if (auto missing = missing_required_field(article)) {
        report(Severity::error, *missing);
        return std::nullopt;
    }
    return article;
}

void TextReader::report(Severity severity, std::string message) const {
    if (sink_) {
        sink_(Diagnostic{severity, file_, 0, std::move(message)});
    }
}

}  // namespace gazette
