#include "corpus/file_article_reader.h"

#include <utility>

namespace gazette {

FileArticleReader::FileArticleReader(InputStream input, std::string id, DiagnosticSink sink)
    : input_(std::move(input)), id_(std::move(id)), sink_(std::move(sink)) {}

std::optional<Article> FileArticleReader::next() {
    if (done_) {
        return std::nullopt;
    }
    done_ = true;
    auto article = read_article();
    if (article && id_ == kStandardInput) article->id = record_id(id_, 1, *article);
    return article;
}

void FileArticleReader::report(Severity severity, std::string message, std::string reason) const {
    if (sink_) {
        sink_(Diagnostic{severity, input_.name(), 0, std::move(message), std::move(reason)});
    }
}

}  // namespace gazette
