#include "corpus/reader.h"

#include "common/named_choice.h"
#include "common/text.h"
#include "corpus/csv_reader.h"
#include "corpus/html_reader.h"
#include "corpus/input_stream.h"
#include "corpus/jsonl_reader.h"
#include "corpus/reuters_reader.h"
#include "corpus/stable_hash.h"
#include "corpus/text_reader.h"
#include "corpus/trec_reader.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <utility>

namespace gazette {

namespace fs = std::filesystem;

namespace {

constexpr std::array<FormatName, 7> formats = {{
    {Format::automatic, "auto",
     "by the file name (.jsonl, .ndjson, .sgm, .trec, .csv, .tsv, .html, .htm), else by the first bytes"},
    {Format::text, "text", "plain text, one article per file: the first line is the title (a file of one line is all body)"},
    {Format::jsonl, "jsonl", "JSON Lines, one article object per line"},
    {Format::reuters, "reuters", "Reuters-21578 SGML (reut2-NNN.sgm), many stories per file"},
    {Format::trec, "trec", "TREC SGML (<DOC><DOCNO>...), many documents per file"},
    {Format::csv, "csv", "CSV or TSV with a header row (see --columns), one article per row"},
    {Format::html, "html", "a saved news web page, one article per file"},
}};

// By the first bytes of the (decompressed, decoded) content.
Format sniff_format(std::string_view head) {
    const std::string_view start = trim(head);
    if (start.starts_with("<!DOCTYPE lewis") || start.starts_with("<REUTERS")) {
        return Format::reuters;
    }
    if (start.starts_with("<DOC>")) {
        return Format::trec;
    }
    if (start.starts_with('{')) {
        return Format::jsonl;
    }
    const std::string lowered = ascii_lowercase(start.substr(0, 14));
    if (lowered.starts_with("<!doctype html") || lowered.starts_with("<html")) {
        return Format::html;
    }
    return Format::text;
}

// By the name ("news.jsonl.gz" is JSON Lines), else by the content.
Format detect_format(const fs::path& file, std::string_view head) {
    const std::string extension = ascii_lowercase(without_compression_suffix(file).extension().string());
    if (extension == ".jsonl" || extension == ".ndjson") {
        return Format::jsonl;
    }
    if (extension == ".sgm") {
        return Format::reuters;
    }
    if (extension == ".trec") {
        return Format::trec;
    }
    if (extension == ".csv" || extension == ".tsv") {
        return Format::csv;
    }
    if (extension == ".html" || extension == ".htm") {
        return Format::html;
    }
    return sniff_format(head);
}

// In a folder walk with automatic format, only files that look like articles
// are read, so that a collection's README, DTD or checksum list is not indexed
// as news. A file named on the command line is always read.
bool is_article_file(const fs::path& file) {
    static constexpr std::array<std::string_view, 12> extensions = {
        "", ".txt", ".text", ".jsonl", ".ndjson", ".sgm", ".sgml", ".trec", ".csv", ".tsv", ".html", ".htm"};
    static constexpr std::array<std::string_view, 4> documentation = {"readme", "license", "copying", "changes"};
    const fs::path name = without_compression_suffix(file);
    const std::string extension = ascii_lowercase(name.extension().string());
    const std::string stem = ascii_lowercase(name.stem().string());
    return std::find(extensions.begin(), extensions.end(), extension) != extensions.end() &&
           std::find(documentation.begin(), documentation.end(), stem) == documentation.end();
}

bool holds_many_articles(Format format) {
    return format == Format::jsonl || format == Format::reuters || format == Format::trec || format == Format::csv;
}

// The format automatic detection gives the file, or nothing when it cannot
// be opened (reading it will report why).
std::optional<Format> detected_format(const fs::path& file) {
    try {
        InputStream input(file);
        return detect_format(file, input.head());
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// The article files of a folder walk, in order; the others are reported as
// not read. Each folder is judged by the files directly in it: where more
// than half of them are of one many-article format (JSON Lines, CSV/TSV,
// Reuters or TREC SGML), it is an archive of that format, and its other files
// (category lists, notes) are not read either.
std::vector<fs::path> article_files(std::vector<fs::path> files, const DiagnosticSink& sink) {
    std::erase_if(files, [&](const fs::path& file) {
        if (is_article_file(file)) return false;
        sink({Severity::warning, file.string(), 0, "not read: not an article file (documentation or an unknown type)"});
        return true;
    });
    std::vector<std::optional<Format>> detected;
    std::map<fs::path, std::map<Format, std::size_t>> by_format;  // folder -> format -> files
    std::map<fs::path, std::size_t> in_folder;                    // folder -> files
    for (const fs::path& file : files) {
        detected.push_back(detected_format(file));
        ++in_folder[file.parent_path()];
        if (detected.back()) ++by_format[file.parent_path()][*detected.back()];
    }
    std::map<fs::path, Format> archives;  // folder -> its format, for archive folders
    for (const auto& [folder, counts] : by_format) {
        for (const auto& [format, count] : counts) {
            if (holds_many_articles(format) && 2 * count > in_folder[folder]) archives[folder] = format;
        }
    }
    std::vector<fs::path> kept;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto archive = archives.find(files[i].parent_path());
        if (archive != archives.end() && detected[i] && *detected[i] != archive->second) {
            sink({Severity::warning, files[i].string(), 0,
                  "not read: most files of its folder are " + name_of(formats, archive->second) +
                      " archives, and this one is not (name it to read it)"});
            continue;
        }
        kept.push_back(std::move(files[i]));
    }
    return kept;
}

bool is_hidden(const fs::path& path) {
    return path.filename().string().starts_with('.');
}

// The regular files under `folder`, hidden files and folders left out, sorted
// so that every run reads them in the same order.
std::vector<fs::path> files_under(const fs::path& folder) {
    std::vector<fs::path> files;
    try {
        for (auto entry = fs::recursive_directory_iterator(folder); entry != fs::recursive_directory_iterator();
             ++entry) {
            if (is_hidden(entry->path())) {
                entry.disable_recursion_pending();
            } else if (entry->is_regular_file()) {
                files.push_back(entry->path());
            }
        }
    } catch (const fs::filesystem_error& error) {
        throw InputError(error.path1().string(), error.code().message());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

std::span<const FormatName> format_names() {
    return formats;
}

std::optional<Format> parse_format(std::string_view name) {
    const auto found =
        std::find_if(formats.begin(), formats.end(), [name](const FormatName& format) { return format.name == name; });
    if (found == formats.end()) {
        return std::nullopt;
    }
    return found->format;
}

std::string record_id(const std::string& file, std::size_t number, const Article& article) {
    if (file != kStandardInput) return file + ":" + std::to_string(number);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(stable_hash(article.title + "\n" + article.body)));
    return file + ":" + hex;
}

std::unique_ptr<ArticleReader> open_file_reader(const fs::path& file, const fs::path& root, const ReadOptions& options,
                                                DiagnosticSink sink) {
    sink = or_ignore(std::move(sink));
    InputStream input(file);
    const Format chosen = options.format == Format::automatic ? detect_format(file, input.head()) : options.format;
    const std::string id = text_article_id(without_compression_suffix(file), root);
    switch (chosen) {
    case Format::jsonl:
        return std::make_unique<JsonlReader>(std::move(input), id, options.csv.columns, std::move(sink));
    case Format::reuters:
        return std::make_unique<ReutersReader>(std::move(input), std::move(sink));
    case Format::trec:
        return std::make_unique<TrecReader>(std::move(input), std::move(sink));
    case Format::csv:
        return std::make_unique<CsvReader>(std::move(input), id, options.csv, std::move(sink));
    case Format::html:
        return std::make_unique<HtmlReader>(std::move(input), id, std::move(sink));
    case Format::automatic:
    case Format::text:
        break;
    }
    return std::make_unique<TextReader>(std::move(input), id, std::move(sink));
}

InputKind input_kind(const fs::path& input) {
    if (input == kStandardInput) {
        return InputKind::standard_input;
    }
    std::error_code error;
    const fs::file_status status = fs::status(input, error);
    if (status.type() == fs::file_type::not_found) {
        throw InputError(input.string(), "no such file or folder");
    }
    if (error) {
        throw InputError(input.string(), error.message());
    }
    if (fs::is_directory(status)) {
        return InputKind::folder;
    }
    if (fs::is_regular_file(status)) {
        return InputKind::file;
    }
    throw InputError(input.string(), "neither a regular file nor a folder");
}

void check_inputs(const std::vector<fs::path>& inputs) {
    for (const fs::path& input : inputs) input_kind(input);
}

InputReader::InputReader(std::vector<fs::path> inputs, ReadOptions options, DiagnosticSink sink)
    : options_(std::move(options)), sink_(or_ignore(std::move(sink))) {
    bool stdin_named = false;
    for (const fs::path& input : inputs) {
        switch (input_kind(input)) {
        case InputKind::standard_input:
            files_.push_back({input, {}});
            stdin_named = true;
            break;
        case InputKind::folder: {
            std::vector<fs::path> files = files_under(input);
            if (options_.format == Format::automatic) files = article_files(std::move(files), sink_);
            for (fs::path& file : files) files_.push_back({std::move(file), input});
            break;
        }
        case InputKind::file:
            files_.push_back({input, input.parent_path()});
            break;
        }
    }
    if (!stdin_named) {
        for (const Pending& pending : files_) {
            std::error_code ignored;  // a size that cannot be read only costs the progress figure
            const std::uintmax_t size = fs::file_size(pending.file, ignored);
            total_bytes_ += ignored ? 0 : size;
        }
    }
}

// A file that cannot be opened or read to its end (corrupt compressed data, a
// read error) is an error diagnostic, not the end of the run: the articles
// read before the failure are kept and the next file is read.
std::optional<Article> InputReader::next() {
    while (true) {
        try {
            if (!current_) {
                if (next_file_ == files_.size()) {
                    return std::nullopt;
                }
                const Pending& pending = files_[next_file_++];
                current_ = open_file_reader(pending.file, pending.root, options_, sink_);
            }
            if (auto article = current_->next()) {
                return article;
            }
            bytes_of_finished_files_ += current_->bytes_read();
        } catch (const InputError& error) {
            sink_({Severity::error, current_file(), 0, error.reason(), reasons::unreadable_file});
        } catch (const std::ios_base::failure& error) {
            sink_({Severity::error, current_file(), 0, std::string("cannot read the file: ") + error.what(),
                   reasons::unreadable_file});
        }
        current_.reset();
    }
}

std::uintmax_t InputReader::bytes_read() const {
    return bytes_of_finished_files_ + (current_ ? current_->bytes_read() : 0);
}

std::string InputReader::current_file() const {
    return files_[next_file_ - 1].file.string();
}

}  // namespace gazette
