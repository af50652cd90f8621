#include "common/article.h"

#include "common/text.h"

namespace gazette {

std::optional<std::string> missing_required_field(const Article& article) {
    if (trim(article.id).empty()) {
        return "no id";
    }
    if (trim(article.body).empty()) {
        return "empty body";
    }
    return std::nullopt;
}

std::optional<std::string> too_large(std::size_t bytes) {
    if (bytes <= kMaxArticleBytes) return std::nullopt;
    return "too large for one article: " + std::to_string(bytes) + " bytes of text (the limit is " +
           std::to_string(kMaxArticleBytes) + ")";
}

std::optional<std::string> too_large(const Article& article) {
    return too_large(article.title.size() + article.body.size());
}

}  // namespace gazette
