#include "corpus/reuters_reader.h"

#include "common/text.h"

#include <algorithm>
#include <utility>

namespace gazette {

namespace {

constexpr std::string_view story_start = "<REUTERS";
constexpr std::string_view story_end = "</REUTERS>";
constexpr std::string_view empty_story_body = "(no text)";

// The content of the first <NAME ...>...</NAME> element in `sgml`.
std::optional<std::string_view> element_content(std::string_view sgml, std::string_view name) {
    const std::string open = "<" + std::string(name);
    std::size_t start = sgml.find(open);
    // "<DATE" must not stop at "<DATELINE>".
    while (start != std::string_view::npos && start + open.size() < sgml.size() && sgml[start + open.size()] != '>' &&
           !is_ascii_space(sgml[start + open.size()])) {
        start = sgml.find(open, start + open.size());
    }
    if (start == std::string_view::npos) {
        return std::nullopt;
    }
    const std::size_t content = sgml.find('>', start);
    const std::size_t end = sgml.find("</" + std::string(name) + ">", content);
    if (content == std::string_view::npos || end == std::string_view::npos) {
        return std::nullopt;
    }
    return sgml.substr(content + 1, end - content - 1);
}

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

// Character references decoded first, so "&lt;VIA>" reads "<VIA>" and "&#3;" is gone.
std::string field_text(std::optional<std::string_view> sgml) {
    return clean_field(decode_character_references(sgml.value_or("")));
}

std::string body_text(std::string_view sgml) {
    return clean_body(decode_character_references(sgml));
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

// The text between the tags; each tag becomes a space so that it cannot glue
// two words together. Must run before decoding: "&lt;" is text, not a tag.
std::string without_tags(std::string_view sgml) {
    std::string text;
    text.reserve(sgml.size());
    std::size_t pos = 0;
    for (std::size_t open = sgml.find('<'); open != std::string_view::npos; open = sgml.find('<', pos)) {
        const std::size_t close = sgml.find('>', open);
        if (close == std::string_view::npos) {
            break;
        }
        text.append(sgml.substr(pos, open - pos));
        text += ' ';
        pos = close + 1;
    }
    text.append(sgml.substr(pos));
    return text;
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

// The line on which `part`, a view into `sgml`, starts; `sgml` starts on
// `first_line`.
std::size_t line_of(std::string_view sgml, std::string_view part, std::size_t first_line) {
    const auto offset = static_cast<std::ptrdiff_t>(part.data() - sgml.data());
    return first_line + static_cast<std::size_t>(std::count(sgml.begin(), sgml.begin() + offset, '\n'));
}

}  // namespace

ReutersReader::ReutersReader(const std::filesystem::path& file, DiagnosticSink sink)
    : file_(file.string()), in_(file, std::ios::binary), sink_(std::move(sink)) {
    if (!in_) {
        throw InputError(file_ + ": cannot open the file");
    }
}

std::optional<Article> ReutersReader::next() {
    while (auto story = next_story()) {
        if (auto article = parse_story(*story)) {
            return article;
        }
    }
    return std::nullopt;
}

// The next line into line_: first what was left after a "</REUTERS>", then
// the file's lines, repaired to valid UTF-8. (The CR of a CRLF line end needs
// nothing special: it goes with the other control characters.)
bool ReutersReader::read_line() {
    if (!rest_of_line_.empty()) {
        line_ = std::move(rest_of_line_);
        rest_of_line_.clear();
        return true;
    }
    if (!std::getline(in_, line_)) {
        return false;
    }
    ++line_number_;
    if (const std::size_t repaired = repair_utf8(line_); repaired != 0) {
        report(Severity::warning, line_number_, describe_utf8_repair(repaired));
    }
    return true;
}

std::optional<ReutersReader::Story> ReutersReader::next_story() {
    Story story;
    bool inside = false;
    while (read_line()) {
        if (inside) {
            story.sgml += '\n';
        } else {
            const std::size_t start = line_.find(story_start);
            if (start == std::string::npos) {
                continue;  // the DOCTYPE, blank lines
            }
            inside = true;
            story.line = line_number_;
            line_.erase(0, start);
        }
        const std::size_t end = line_.find(story_end);
        if (end == std::string::npos) {
            story.sgml += line_;
            continue;
        }
        story.sgml.append(line_, 0, end);
        rest_of_line_ = line_.substr(end + story_end.size());
        return story;
    }
    if (inside) {
        report(Severity::error, story.line, "the story has no " + std::string(story_end));
    }
    return std::nullopt;
}

std::optional<Article> ReutersReader::parse_story(const Story& story) const {
    const std::string_view sgml = story.sgml;
    const std::string_view start_tag = sgml.substr(0, sgml.find('>'));
    const auto newid = attribute(start_tag, "NEWID");
    if (!newid || trim(*newid).empty()) {
        report(Severity::error, story.line, "the story has no NEWID");
        return std::nullopt;
    }

    Article article;
    article.id = trim(*newid);
    article.origin = {file_, story.line};
    article.source = "Reuters";
    article.language = "en";
    if (const auto date = element_content(sgml, "DATE")) {
        article.date = parse_reuters_date(*date);
        if (!article.date) {
            report(Severity::warning, line_of(sgml, *date, story.line),
                   "cannot parse <DATE> \"" + field_text(date) + "\"; the story is kept without a date");
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
        report(Severity::warning, story.line,
               "NEWID " + article.id + ": the story has no text; it is kept with the body \"" +
                   std::string(empty_story_body) + "\"");
    }
    return article;
}

void ReutersReader::report(Severity severity, std::size_t line, std::string message) const {
    if (sink_) {
        sink_(Diagnostic{severity, file_, line, std::move(message)});
    }
}

}  // namespace gazette
