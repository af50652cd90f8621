#include "corpus/reuters_reader.h"

#include "common/text.h"

#include <algorithm>
#include <utility>

namespace gazette {

namespace {

constexpr SgmlRecordReader::Markers story_markers = {"<REUTERS", "</REUTERS>", "story"};
constexpr std::string_view empty_story_body = "(no text)";

// The value of NAME="value" in a start tag.
std::optional<std::string_view> attribute(std::string_view start_tag, std::string_view name) {
    for (std::size_t pos = start_tag.find(name); pos != std::string_view::npos; pos = start_tag.find(name, pos + 1)) {
        const std::size_t value = pos + name.size() + 1;
        const bool whole_name =
            pos > 0 && is_ascii_space(start_tag[pos - 1]) && value < start_tag.size() && start_tag[value - 1] == '=';
        if (!whole_name) {
            continue;
        }
        if (start_tag[value] == '"') {
            const std::size_t quote = start_tag.find('"', value + 1);
            return start_tag.substr(value + 1, quote == std::string_view::npos ? quote : quote - value - 1);
        }
        const auto end =
            std::find_if(start_tag.begin() + static_cast<std::ptrdiff_t>(value), start_tag.end(), is_ascii_space);
        return start_tag.substr(value, static_cast<std::size_t>(end - start_tag.begin()) - value);
    }
    return std::nullopt;
}

// The <D> items of a <TOPICS> or <PLACES> element.
std::vector<std::string> items(std::optional<std::string_view> list) {
    std::vector<std::string> found;
    const std::string_view sgml = list.value_or("");
    for (std::size_t open = sgml.find("<D>"); open != std::string_view::npos; open = sgml.find("<D>", open + 1)) {
        const std::size_t start = open + 3;
        const std::size_t end = sgml.find("</D>", start);
        if (end == std::string_view::npos) {
            break;
        }
        if (std::string item = field_text(sgml.substr(start, end - start)); !item.empty()) {
            found.push_back(std::move(item));
        }
    }
    return found;
}

// "    SALVADOR, Feb 26 - " -> "SALVADOR"; "    TOKYO - " -> "TOKYO".
std::string place_of_dateline(std::string_view dateline) {
    std::size_t end = dateline.find(',');
    if (end == std::string_view::npos) {
        end = dateline.find(" -");
    }
    return collapse_whitespace(dateline.substr(0, end));
}

// TYPE="BRIEF" and TYPE="UNPROC" stories have no <BODY>: their whole text,
// tags removed, stands in for it (a BRIEF is its title and e.g. "Blah blah
// blah.", an UNPROC a raw table).
std::string story_body(std::string_view text) {
    if (const auto body = element_content(text, "BODY")) {
        if (std::string cleaned = body_text(*body); !cleaned.empty()) {
            return cleaned;
        }
    }
    return body_text(without_tags(text));
}

}  // namespace

ReutersReader::ReutersReader(InputStream input, DiagnosticSink sink)
    : input_(std::move(input)), stories_(input_.stream(), input_.name(), story_markers, std::move(sink)) {}

std::optional<Article> ReutersReader::next() {
    while (auto story = stories_.next()) {
        if (auto article = parse_story(*story)) {
            return article;
        }
    }
    return std::nullopt;
}

std::optional<Article> ReutersReader::parse_story(const SgmlRecord& story) const {
    const std::string_view sgml = story.sgml;
    const std::string_view start_tag = sgml.substr(0, sgml.find('>'));
    const auto newid = attribute(start_tag, "NEWID");
    if (!newid || trim(*newid).empty()) {
        stories_.report(Severity::error, story.line, "the story has no NEWID");
        return std::nullopt;
    }

    Article article;
    article.id = trim(*newid);
    article.origin = {stories_.file(), story.line};
    article.source = "Reuters";
    article.language = "en";
    if (const auto date = element_content(sgml, "DATE")) {
        article.date = parse_reuters_date(*date);
        if (!article.date) {
            stories_.report(Severity::warning, line_of(sgml, *date, story.line),
                   "cannot parse <DATE> \"" + field_text(date) + "\"; the story is kept without a date",
                   reasons::unparseable_date);
        }
    }
    article.topics = items(element_content(sgml, "TOPICS"));
    article.places = items(element_content(sgml, "PLACES"));

    const std::string_view text = element_content(sgml, "TEXT").value_or("");
    article.title = field_text(element_content(text, "TITLE"));
    article.byline = field_text(element_content(text, "AUTHOR"));
    article.location = place_of_dateline(field_text(element_content(text, "DATELINE")));
    article.body = story_body(text);
    // Every story is kept, so that the collection is indexed whole (21,578
    // stories); NEWID 12793 is an UNPROC story with nothing between its tags.
    if (article.body.empty()) {
        article.body = empty_story_body;
        stories_.report(Severity::warning, story.line,
               "NEWID " + article.id + ": the story has no text; it is kept with the body \"" +
                   std::string(empty_story_body) + "\"",
               "a story without text (kept)");
    }
    return article;
}

}  // namespace gazette
