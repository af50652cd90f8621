#include "corpus/text_reader.h"

#include "common/text.h"

#include <utility>

namespace gazette {

// A file holds a single article, so reading it whole costs no more memory
// than the article itself.
std::optional<Article> TextReader::read_article() {
    Article article;
    article.id = id_;
    article.origin = {input_.name(), 1};

    std::size_t repaired = 0;
    std::size_t first_repaired_line = 0;
    std::size_t line_number = 0;
    std::string body;
    std::string line;
    while (std::getline(input_.stream(), line)) {
        ++line_number;
        if (line.find('\0') != std::string::npos) {
            // Text never holds NUL; programs, images and archives do.
            report(Severity::error, "not a text file: line " + std::to_string(line_number) + " holds a NUL byte",
                   "not a text file (a NUL byte)");
            return std::nullopt;
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
        // Checked while reading (the input may be compressed or a pipe), so a
        // huge file costs no more than the limit.
        if (auto problem = too_large(article.title.size() + body.size())) {
            report(Severity::error, *problem, problem->substr(0, problem->find(':')));
            return std::nullopt;
        }
    }
    article.body = clean_body(body);

    if (repaired != 0) {
        report(Severity::warning,
               describe_utf8_repair(repaired) + " (the first on line " + std::to_string(first_repaired_line) + ")",
               reasons::repaired_utf8);
    }
    if (article.title.empty()) {
        report(Severity::error, "empty file");
        return std::nullopt;
    }
    if (article.body.empty()) {
        // One line and nothing after it (a note, a headline piped in) is the
        // article's text, not a title over no text: keep it searchable as the
        // body, as an article without a title.
        article.body = std::exchange(article.title, {});
    }
    if (auto missing = missing_required_field(article)) {
        report(Severity::error, *missing);
        return std::nullopt;
    }
    return article;
}

std::string text_article_id(const std::filesystem::path& file, const std::filesystem::path& root) {
    const std::filesystem::path relative = file.lexically_relative(root);
    return (relative.empty() ? file : relative).generic_string();
}

}  // namespace gazette
