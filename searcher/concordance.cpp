#include "searcher/concordance.h"

#include "common/json.h"
#include "common/language.h"
#include "searcher/feature_output.h"
#include "searcher/csv_output.h"
#include "searcher/option_table.h"
#include "searcher/search_features.h"
#include "searcher/search_spec.h"
#include "searcher/searcher.h"

#include <algorithm>
#include <cctype>

namespace gazette {

namespace {

// `text` with each run of white space made one space, trimmed.
std::string collapsed(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// Characters, not bytes: UTF-8 continuation bytes are not counted.
std::size_t characters(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::vector<KeywordInContext> keywords_in_context(std::string_view text, const std::vector<SnippetMaker::Word>& words,
                                                  const ConcordanceOptions& options) {
    std::vector<KeywordInContext> out;
    const std::size_t context = options.context_words;
    for (std::size_t first = 0; first < words.size(); ++first) {
        if (words[first].term < 0) continue;
        std::size_t last = first;
        while (last + 1 < words.size() && words[last + 1].term >= 0) ++last;
        std::size_t left_start = first >= context ? words[first - context].begin : 0;
        std::size_t right_end = last + context < words.size() ? words[last + context].end : text.size();
        out.push_back({collapsed(text.substr(left_start, words[first].begin - left_start)),
                       collapsed(text.substr(words[first].begin, words[last].end - words[first].begin)),
                       collapsed(text.substr(words[last].end, right_end - words[last].end))});
        first = last;
    }
    return out;
}

std::string render_concordance(const std::vector<ConcordanceLine>& lines, std::string_view before,
                               std::string_view after) {
    std::size_t label_width = 0, left_width = 0;
    for (const auto& line : lines) {
        label_width = std::max(label_width, characters(line.label));
        left_width = std::max(left_width, characters(line.keyword.left));
    }
    std::string out;
    for (const auto& line : lines) {
        out += line.label + std::string(label_width - characters(line.label), ' ') + "  ";
        out += std::string(left_width - characters(line.keyword.left), ' ') + line.keyword.left + "  ";
        out += std::string(before) + line.keyword.match + std::string(after) + "  " + line.keyword.right + "\n";
    }
    return out;
}

namespace {

class ConcordanceDecorator : public HitDecorator {
public:
    explicit ConcordanceDecorator(ConcordanceOptions options) : options_(options) {}
    void decorate(const HitScope& scope, std::span<Hit> hits) const override {
        if (scope.options.detail == HitDetail::ids) return;
        for (Hit& hit : hits) {
            const std::string& body = hit.article.body;
            auto words = scope.snippets.split_words(body, stemmer_for(hit.article.language));
            hit.features.set(keywords_in_context(body, words, options_));
        }
    }

private:
    ConcordanceOptions options_;
};

}  // namespace

void add_keywords_in_context(const FeatureSettings& wanted, const SearchOptions&, SearchFeatures& features) {
    if (const auto* concordance = wanted.find<ConcordanceOptions>()) {
        features.decorators.push_back(std::make_shared<ConcordanceDecorator>(*concordance));
    }
}

namespace {

// --kwic and --context N (which implies it) both turn the concordance on;
// the layout follows it.
void show_concordance(SearchSpec& spec, bool on) {
    if (on) spec.features.set<ConcordanceOptions>();  // keeps --context's words
    else spec.features.erase<ConcordanceOptions>();
    spec.output.layout = on ? &concordance_layout() : nullptr;
}

}  // namespace

std::vector<SearchOption> concordance_options() {
    constexpr std::size_t kMaxContextWords = 100;
    const std::string group = "Concordance";
    SearchOption kwic = describe_option(
        "kwic", group, OptionKind::flag, "",
        "print every place the query's words (or phrases) occur in the matching articles' bodies, one line each, "
        "aligned on the keyword (csv: id,date,source,left,match,right; json: \"kwic\" in each hit); with --all, in "
        "every match");
    kwic.set = [](const std::string& text, SearchSpec& spec) { show_concordance(spec, text == "true"); };
    kwic.json = [](const SearchSpec& spec) { return std::string(spec.features.find<ConcordanceOptions>() ? "true" : "false"); };
    SearchOption context = count_option("context", group, kMaxContextWords,
                                        "words of context either side of each keyword (implies --kwic; default 8)",
                                        [](auto& spec) -> auto& { return settings_of<ConcordanceOptions>(spec.features).context_words; });
    auto set_words = context.set;
    context.set = [set_words](const std::string& text, SearchSpec& spec) {
        show_concordance(spec, true);
        set_words(text, spec);
    };
    auto words_json = context.json;
    context.json = [words_json](const SearchSpec& spec) {
        return spec.features.find<ConcordanceOptions>() ? words_json(spec) : std::string("null");
    };
    return {kwic, context};
}

namespace {

class ConcordanceOutput : public FeatureOutput {
public:
    // "kwic":[{"left":...,"match":...,"right":...},...]
    void add_hit_json(JsonObject& json, const Hit& hit) const override {
        const KeywordsInContext& in_context = hit.features.get<KeywordsInContext>();
        if (in_context.empty()) return;
        std::vector<std::string> keywords;
        for (const auto& keyword : in_context) {
            keywords.push_back(
                JsonObject().add("left", keyword.left).add("match", keyword.match).add("right", keyword.right).str());
        }
        json.add_raw("kwic", json_array(keywords));
    }
};

class ConcordanceLayout : public HitLayout {
public:
    std::string text(std::span<const Hit> hits, std::string_view highlight, std::string_view reset) const override {
        std::vector<ConcordanceLine> lines;
        for (const Hit& hit : hits) {
            std::string label = hit.article.id + "  " + (hit.article.date ? to_iso(*hit.article.date) : std::string(10, ' '));
            for (const auto& keyword : hit.features.get<KeywordsInContext>()) lines.push_back({label, keyword});
        }
        return render_concordance(lines, highlight, reset);
    }

    std::string csv_header() const override { return csv_record({"id", "date", "source", "left", "match", "right"}); }

    std::string csv_records(const Hit& hit) const override {
        const Article& article = hit.article;
        std::string date = article.date ? to_iso(*article.date) : std::string();
        std::string rows;
        for (const auto& keyword : hit.features.get<KeywordsInContext>()) {
            rows += csv_record({article.id, date, article.source, keyword.left, keyword.match, keyword.right});
        }
        return rows;
    }
};

}  // namespace

const FeatureOutput& concordance_output() {
    static const ConcordanceOutput output;
    return output;
}

const HitLayout& concordance_layout() {
    static const ConcordanceLayout layout;
    return layout;
}

}  // namespace gazette
