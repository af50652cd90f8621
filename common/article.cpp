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

}  // namespace gazette
