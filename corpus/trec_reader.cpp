#include "corpus/trec_reader.h"

#include "common/text.h"

#include <array>
#include <utility>

namespace gazette {

namespace {

constexpr SgmlRecordReader::Markers document_markers = {"<DOC>", "</DOC>", "document"};

// The element names each field is read from, in order of preference.
constexpr std::array<std::string_view, 4> headline_elements = {"HEADLINE", "HL", "HEAD", "TITLE"};
constexpr std::array<std::string_view, 3> date_elements = {"DATE", "DD", "DATE_TIME"};
constexpr std::string_view text_element = "TEXT";

struct Element {
    std::string_view name;
    std::string_view content;
};

template <std::size_t N>
std::optional<Element> first_element(std::string_view sgml, const std::array<std::string_view, N>& names) {
    for (const std::string_view name : names) {
        if (const auto content = element_content(sgml, name)) {
            return Element{name, *content};
        }
    }
    return std::nullopt;
}

// The content of every <NAME>...</NAME> element, in order, each followed by a
// blank line.
std::string all_elements(std::string_view sgml, std::string_view name) {
    std::string contents;
    while (const auto content = element_content(sgml, name)) {
        contents.append(*content);
        contents += "\n\n";
        sgml.remove_prefix(static_cast<std::size_t>(content->data() + content->size() - sgml.data()));
    }
    return contents;
}

// The document with the elements already read as fields blanked out, for a
// document that has no TEXT: its unknown elements are all the text it has.
std::string without_elements(std::string_view sgml, std::initializer_list<std::optional<Element>> elements) {
    std::string rest(sgml);
    for (const auto& element : elements) {
        if (element) {
            const auto offset = static_cast<std::size_t>(element->content.data() - sgml.data());
            rest.replace(offset, element->content.size(), element->content.size(), ' ');
        }
    }
    return rest;
}

// Text with its tags removed, then decoded and cleaned as a field or a body.
std::string field_of(const std::optional<Element>& element) {
    return element ? field_text(without_tags(element->content)) : std::string();
}

}  // namespace

TrecReader::TrecReader(InputStream input, DiagnosticSink sink)
    : input_(std::move(input)), documents_(input_.stream(), input_.name(), document_markers, std::move(sink)) {}

std::optional<Article> TrecReader::next() {
    while (auto document = documents_.next()) {
        if (auto article = parse_document(*document)) {
            return article;
        }
    }
    return std::nullopt;
}

std::optional<Article> TrecReader::parse_document(const SgmlRecord& document) const {
    const std::string_view sgml = document.sgml;
    const auto docno = element_content(sgml, "DOCNO");
    Article article;
    article.id = field_text(docno);
    if (article.id.empty()) {
        documents_.report(Severity::error, document.line, "the document has no <DOCNO>");
        return std::nullopt;
    }
    article.origin = {documents_.file(), document.line};

    const auto headline = first_element(sgml, headline_elements);
    article.title = field_of(headline);
    const auto date = first_element(sgml, date_elements);
    const std::string text = all_elements(sgml, text_element);
    if (text.empty()) {
        article.body = body_text(without_tags(without_elements(sgml, {Element{"DOCNO", *docno}, headline, date})));
    } else {
        article.body = body_text(without_tags(text));
    }

    if (date) {
        const std::string written = field_of(date);
        article.date = parse_date(written);
        if (!article.date) {
            documents_.report(Severity::warning, line_of(sgml, date->content, document.line),
                              "cannot parse <" + std::string(date->name) + "> \"" + written +
                                  "\"; the document is kept without a date",
                              reasons::unparseable_date);
        }
    } else {
        article.date = parse_date(article.body);
    }

    if (auto missing = missing_required_field(article)) {
        documents_.report(Severity::error, document.line, "DOCNO " + article.id + ": " + *missing, *missing);
        return std::nullopt;
    }
    return article;
}

}  // namespace gazette
