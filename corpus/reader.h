// Input readers: each turns one file into a stream of articles, one at a time,
// so memory stays constant whatever the size of the archive.
//
// Error policy: a broken record is reported to the DiagnosticSink as an error
// ("file:line: error: reason") and skipped; the reader goes on with the next
// record. Repairs (invalid UTF-8, an unparseable date) are warnings and the
// article is kept. An input that cannot be opened at all throws InputError.
#pragma once

#include "common/article.h"
#include "common/errors.h"
#include "common/diagnostic.h"
#include "corpus/csv_options.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

enum class Format { automatic, text, jsonl, reuters, trec, csv, html };

struct FormatName {
    Format format;
    std::string_view name;
    std::string_view description;
};

// The one table of formats: --help, option parsing and error messages use it.
std::span<const FormatName> format_names();
std::optional<Format> parse_format(std::string_view name);

// How inputs are read: the format (or automatic), and for CSV the columns.
struct ReadOptions {
    Format format = Format::automatic;
    CsvOptions csv;
};

class ArticleReader {
public:
    virtual ~ArticleReader() = default;
    ArticleReader() = default;
    ArticleReader(const ArticleReader&) = delete;
    ArticleReader& operator=(const ArticleReader&) = delete;

    // The next good article, or nullopt at the end of the input.
    virtual std::optional<Article> next() = 0;

    // Bytes of the input on disk read so far, for progress.
    virtual std::uintmax_t bytes_read() const = 0;
};

// The name of standard input among the inputs.
inline constexpr std::string_view kStandardInput = "-";

// The id of a record that has none of its own: FILE:NUMBER, its row or line
// in the file ("news.csv:12"). From standard input, whose numbers start again
// with every run, "-:" and 16 hex digits of a stable hash of its title and
// body instead: articles piped in one after another never replace one
// another, and the same article piped in again replaces itself.
std::string record_id(const std::string& file, std::size_t number, const Article& article);

// One file. `root` is the input root the user named: text files take their id
// from the path relative to it. Format::automatic looks at the name and content.
std::unique_ptr<ArticleReader> open_file_reader(const std::filesystem::path& file,
                                                const std::filesystem::path& root,
                                                const ReadOptions& options, DiagnosticSink sink);

// What an input the user named is. Throws InputError when it does not exist
// or is neither a file nor a folder (nor "-").
enum class InputKind { standard_input, file, folder };
InputKind input_kind(const std::filesystem::path& input);

// Throws InputError, as input_kind, for the first input that cannot be read:
// called before anything is written, so a typo leaves nothing behind.
void check_inputs(const std::vector<std::filesystem::path>& inputs);

// Every article under the inputs the user named: files, and folders walked
// recursively in a stable (sorted) order. With Format::automatic a walk
// leaves out, with a warning, files that are not articles (documentation,
// unknown types) and, in a folder where more than half the files are of one
// many-article format (JSON Lines, CSV, Reuters, TREC), the files of other
// formats.
class InputReader : public ArticleReader {
public:
    InputReader(std::vector<std::filesystem::path> inputs, ReadOptions options, DiagnosticSink sink);
    std::optional<Article> next() override;
    std::uintmax_t bytes_read() const override;
    // The size of every input file together; 0 when it is not known
    // (standard input).
    std::uintmax_t total_bytes() const { return total_bytes_; }

private:
    std::string current_file() const;

    struct Pending {
        std::filesystem::path file;
        std::filesystem::path root;
    };
    std::vector<Pending> files_;
    std::size_t next_file_ = 0;
    std::unique_ptr<ArticleReader> current_;
    ReadOptions options_;
    DiagnosticSink sink_;
    std::uintmax_t total_bytes_ = 0;
    std::uintmax_t bytes_of_finished_files_ = 0;
};

}  // namespace gazette
