#include "searcher/batch.h"

#include "common/errors.h"

#include <fstream>

namespace gazette {

namespace {

constexpr TopicSyntaxName kTopicSyntaxes[] = {
    {QuerySyntax::words, "words", "plain words, as newsbench eval reads topics"},
    {QuerySyntax::full, "query", "the query language (fields, \"phrases\", AND OR NOT)"},
};

}  // namespace

std::span<const TopicSyntaxName> topic_syntax_names() { return kTopicSyntaxes; }

std::vector<Topic> read_topics(const std::filesystem::path& file, const DiagnosticSink& sink) {
    std::ifstream in(file);
    if (!in) throw InputError(file.string(), "cannot read the topics file");
    std::vector<Topic> topics;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        std::size_t tab = line.find('\t');
        std::string qid = tab == std::string::npos ? std::string() : line.substr(0, tab);
        std::string query = tab == std::string::npos ? std::string() : line.substr(tab + 1);
        if (qid.empty() || query.find_first_not_of(" \t") == std::string::npos) {
            sink({Severity::error, file.string(), number, "expected 'qid<TAB>query', got '" + line + "'"});
            continue;
        }
        topics.push_back({qid, query, number});
    }
    return topics;
}

BatchSummary run_topics(Searcher& searcher, const std::filesystem::path& file, const SearchOptions& options,
                        std::ostream& out, const OutputOptions& output, const DiagnosticSink& sink) {
    BatchSummary summary;
    DiagnosticSink counting_sink = [&summary, &sink](const Diagnostic& diagnostic) {
        ++summary.skipped;
        sink(diagnostic);
    };
    for (const Topic& topic : read_topics(file, counting_sink)) {
        SearchResults results;
        try {
            results = searcher.search(topic.query, options);
        } catch (const QueryError& error) {
            counting_sink({Severity::error, file.string(), topic.line, std::string("malformed query: ") + error.what()});
            continue;
        }
        ++summary.run;
        if (results.total > 0) ++summary.matched;
        if (output.format == OutputFormat::text) out << "[" << topic.qid << "] " << topic.query << "\n";
        print_results(out, results, output, topic.qid);
        if (output.format == OutputFormat::text) out << "\n";
    }
    return summary;
}

}  // namespace gazette
