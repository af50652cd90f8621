#include "corpus/html_reader.h"

#include "common/language.h"
#include "common/text.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <memory>
#include <utility>

#include <gumbo.h>
#include <simdjson.h>

namespace gazette {

namespace {

struct GumboOutputDeleter {
    void operator()(GumboOutput* output) const { gumbo_destroy_output(&kGumboDefaultOptions, output); }
};
using GumboDocument = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

// Subtrees that are never article text.
constexpr std::array<GumboTag, 14> skipped_tags = {
    GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE,  GUMBO_TAG_NOSCRIPT, GUMBO_TAG_NAV,    GUMBO_TAG_HEADER,
    GUMBO_TAG_FOOTER, GUMBO_TAG_ASIDE,  GUMBO_TAG_FORM,     GUMBO_TAG_BUTTON, GUMBO_TAG_IFRAME,
    GUMBO_TAG_SVG,    GUMBO_TAG_SELECT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HEAD};

// Elements whose text stands apart from the text around it.
constexpr std::array<GumboTag, 16> block_tags = {
    GUMBO_TAG_P,  GUMBO_TAG_DIV, GUMBO_TAG_BR,         GUMBO_TAG_H1,      GUMBO_TAG_H2, GUMBO_TAG_H3,
    GUMBO_TAG_H4, GUMBO_TAG_H5,  GUMBO_TAG_H6,         GUMBO_TAG_LI,      GUMBO_TAG_TR, GUMBO_TAG_SECTION,
    GUMBO_TAG_ARTICLE, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_PRE};

template <std::size_t N>
bool is_one_of(GumboTag tag, const std::array<GumboTag, N>& tags) {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

std::string attribute(const GumboNode& node, const char* name) {
    const GumboAttribute* found = gumbo_get_attribute(&node.v.element.attributes, name);
    return found ? std::string(found->value) : std::string();
}

// Calls `visit` for every element under `node`, in document order.
template <class Visit>
void for_each_element(const GumboNode& node, const Visit& visit) {
    if (node.type != GUMBO_NODE_ELEMENT && node.type != GUMBO_NODE_TEMPLATE && node.type != GUMBO_NODE_DOCUMENT) {
        return;
    }
    const GumboVector& children = node.type == GUMBO_NODE_DOCUMENT ? node.v.document.children : node.v.element.children;
    if (node.type != GUMBO_NODE_DOCUMENT) {
        visit(node);
    }
    for (unsigned i = 0; i < children.length; ++i) {
        for_each_element(*static_cast<const GumboNode*>(children.data[i]), visit);
    }
}

const GumboNode* first_element(const GumboNode& root, GumboTag tag) {
    const GumboNode* found = nullptr;
    for_each_element(root, [&](const GumboNode& node) {
        if (!found && node.v.element.tag == tag) found = &node;
    });
    return found;
}

// The text under `node`, without the skipped subtrees; block elements start
// and end a line (and <pre> is not kept as it was: this is for search).
void append_text(const GumboNode& node, std::string& text) {
    if (node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_WHITESPACE || node.type == GUMBO_NODE_CDATA) {
        // A line break in the source is a space on the page: only block
        // elements break lines.
        for (const char* c = node.v.text.text; *c != '\0'; ++c) {
            text += *c == '\n' || *c == '\r' ? ' ' : *c;
        }
        return;
    }
    if (node.type != GUMBO_NODE_ELEMENT && node.type != GUMBO_NODE_TEMPLATE) {
        return;
    }
    const GumboTag tag = node.v.element.tag;
    if (is_one_of(tag, skipped_tags)) {
        return;
    }
    const bool block = is_one_of(tag, block_tags);
    if (block) text += '\n';
    const GumboVector& children = node.v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
        append_text(*static_cast<const GumboNode*>(children.data[i]), text);
    }
    if (block) text += '\n';
}

// Each line's whitespace collapsed, empty lines dropped: paragraphs one per line.
std::string tidy_lines(std::string_view text) {
    std::string tidy;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        if (std::string line = collapse_whitespace(text.substr(start, end - start)); !line.empty()) {
            tidy += tidy.empty() ? "" : "\n";
            tidy += line;
        }
        start = end + 1;
    }
    return tidy;
}

std::string text_of(const GumboNode& node) {
    std::string text;
    append_text(node, text);
    return text;
}

// <meta property="og:title" content="..."> and <meta name="author" ...>: the
// first content for each property or name, keys lowered.
std::map<std::string, std::string> meta_of(const GumboNode& root) {
    std::map<std::string, std::string> meta;
    for_each_element(root, [&](const GumboNode& node) {
        if (node.v.element.tag != GUMBO_TAG_META) return;
        std::string key = attribute(node, "property");
        if (key.empty()) key = attribute(node, "name");
        if (!key.empty()) meta.emplace(ascii_lowercase(key), attribute(node, "content"));
    });
    return meta;
}

// What JSON-LD blocks say about the article.
struct LinkedData {
    std::string date_published;
    std::string author;
};

void read_linked_data(simdjson::dom::element value, LinkedData& found) {
    if (value.is_array()) {
        for (simdjson::dom::element item : value.get_array()) read_linked_data(item, found);
        return;
    }
    simdjson::dom::object object;
    if (value.get_object().get(object) != simdjson::SUCCESS) return;
    std::string_view text;
    if (found.date_published.empty() && object["datePublished"].get_string().get(text) == simdjson::SUCCESS) {
        found.date_published = text;
    }
    simdjson::dom::element author;
    if (found.author.empty() && object["author"].get(author) == simdjson::SUCCESS) {
        if (author.is_array() && author.get_array().size() > 0) author = author.get_array().at(0);
        if (author.get_string().get(text) == simdjson::SUCCESS ||
            author["name"].get_string().get(text) == simdjson::SUCCESS) {
            found.author = text;
        }
    }
    simdjson::dom::element graph;
    if (object["@graph"].get(graph) == simdjson::SUCCESS) read_linked_data(graph, found);
}

LinkedData linked_data_of(const GumboNode& root) {
    LinkedData found;
    simdjson::dom::parser parser;
    for_each_element(root, [&](const GumboNode& node) {
        if (node.v.element.tag != GUMBO_TAG_SCRIPT || ascii_lowercase(attribute(node, "type")) != "application/ld+json") {
            return;
        }
        std::string json;
        const GumboVector& children = node.v.element.children;
        for (unsigned i = 0; i < children.length; ++i) {
            const auto* child = static_cast<const GumboNode*>(children.data[i]);
            if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) json += child->v.text.text;
        }
        simdjson::dom::element value;
        if (parser.parse(json).get(value) == simdjson::SUCCESS) read_linked_data(value, found);
    });
    return found;
}

std::string first_of(std::initializer_list<std::string> candidates) {
    for (const std::string& candidate : candidates) {
        if (!trim(candidate).empty()) return clean_field(candidate);
    }
    return {};
}

std::string canonical_url(const GumboNode& root) {
    std::string url;
    for_each_element(root, [&](const GumboNode& node) {
        if (url.empty() && node.v.element.tag == GUMBO_TAG_LINK && ascii_lowercase(attribute(node, "rel")) == "canonical") {
            url = attribute(node, "href");
        }
    });
    return url;
}

}  // namespace

// A page holds a single article: it is read whole.
std::optional<Article> HtmlReader::read_article() {
    std::string html{std::istreambuf_iterator<char>(input_.stream()), std::istreambuf_iterator<char>()};
    if (const std::size_t repaired = repair_utf8(html); repaired != 0) {
        report(Severity::warning, describe_utf8_repair(repaired), reasons::repaired_utf8);
    }
    const GumboDocument document(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
    const GumboNode& root = *document->root;
    const auto meta = meta_of(*document->document);
    const auto meta_value = [&meta](const char* key) {
        const auto found = meta.find(key);
        return found == meta.end() ? std::string() : found->second;
    };
    const LinkedData linked = linked_data_of(root);

    Article article;
    article.id = id_;
    article.origin = {input_.name(), 1};
    const GumboNode* title = first_element(root, GUMBO_TAG_TITLE);
    article.title = first_of({meta_value("og:title"), title ? text_of(*title) : std::string()});
    article.byline = first_of({meta_value("author"), linked.author});
    article.source = first_of({meta_value("og:site_name")});
    article.url = first_of({canonical_url(root), meta_value("og:url")});
    article.language = language_code(attribute(root, "lang"));

    const GumboNode* time = first_element(root, GUMBO_TAG_TIME);
    const std::string date =
        first_of({meta_value("article:published_time"), time ? attribute(*time, "datetime") : std::string(),
                  linked.date_published});
    if (!date.empty()) {
        article.date = parse_date(date);
        if (!article.date) {
            report(Severity::warning, "cannot parse the date \"" + date + "\"; the article is kept without a date",
                   reasons::unparseable_date);
        }
    }

    const GumboNode* content = first_element(root, GUMBO_TAG_ARTICLE);
    if (!content) content = first_element(root, GUMBO_TAG_MAIN);
    if (!content) content = first_element(root, GUMBO_TAG_BODY);
    article.body = content ? clean_body(tidy_lines(text_of(*content))) : std::string();

    if (auto missing = missing_required_field(article)) {
        report(Severity::error, *missing);
        return std::nullopt;
    }
    return article;
}

}  // namespace gazette
