#include "common/document.h"

#include "common/json.h"

#include <cstdlib>
#include <stdexcept>

#include <simdjson.h>

namespace gazette {

namespace {
// Field names in the stored JSON; encode and decode share them.
constexpr std::string_view kId = "id", kTitle = "title", kBody = "body", kDate = "date", kSource = "source",
                           kLocation = "location", kByline = "byline", kUrl = "url", kLanguage = "lang",
                           kTopics = "topics", kPlaces = "places", kFile = "file", kLine = "line";
}  // namespace

std::string encode_document_data(const Article& article) {
    JsonObject json;
    json.add(kId, article.id).add(kTitle, article.title).add(kBody, article.body);
    if (article.date) json.add(kDate, to_iso(*article.date));
    if (!article.source.empty()) json.add(kSource, article.source);
    if (!article.location.empty()) json.add(kLocation, article.location);
    if (!article.byline.empty()) json.add(kByline, article.byline);
    if (!article.url.empty()) json.add(kUrl, article.url);
    if (!article.language.empty()) json.add(kLanguage, article.language);
    if (!article.topics.empty()) json.add(kTopics, article.topics);
    if (!article.places.empty()) json.add(kPlaces, article.places);
    if (!article.origin.file.empty()) json.add(kFile, article.origin.file);
    // A string, as every other field: a searcher built before "line" reads
    // each field as a string and would fail on a number.
    if (article.origin.line > 0) json.add(kLine, std::to_string(article.origin.line));
    return json.str();
}

class DocumentDataDecoder::Parser {
public:
    simdjson::dom::parser dom;
};

DocumentDataDecoder::DocumentDataDecoder() : parser_(std::make_unique<Parser>()) {}
DocumentDataDecoder::~DocumentDataDecoder() = default;

namespace {
std::vector<std::string> string_array(simdjson::dom::array array) {
    std::vector<std::string> out;
    for (auto item : array) out.emplace_back(std::string_view(item.get_string().value()));
    return out;
}
}  // namespace

Article DocumentDataDecoder::decode(std::string_view data) {
    simdjson::dom::object object;
    if (auto error = parser_->dom.parse(data.data(), data.size()).get(object)) {
        throw std::runtime_error(std::string("document data is not a JSON object: ") + simdjson::error_message(error));
    }
    Article article;
    for (auto [key, value] : object) {
        if (key == kTopics) {
            article.topics = string_array(value.get_array().value());
            continue;
        }
        if (key == kPlaces) {
            article.places = string_array(value.get_array().value());
            continue;
        }
        std::string text(std::string_view(value.get_string().value()));
        if (key == kId) article.id = std::move(text);
        else if (key == kTitle) article.title = std::move(text);
        else if (key == kBody) article.body = std::move(text);
        else if (key == kDate) article.date = parse_iso_date(text);
        else if (key == kSource) article.source = std::move(text);
        else if (key == kLocation) article.location = std::move(text);
        else if (key == kByline) article.byline = std::move(text);
        else if (key == kUrl) article.url = std::move(text);
        else if (key == kLanguage) article.language = std::move(text);
        else if (key == kFile) article.origin.file = std::move(text);
        else if (key == kLine) article.origin.line = std::strtoul(text.c_str(), nullptr, 10);
    }
    return article;
}

}  // namespace gazette
