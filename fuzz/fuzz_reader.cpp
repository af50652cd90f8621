// libFuzzer target for one input reader (FUZZ_FORMAT, a name from
// format_names()): the bytes become a file, the reader reads it to the end,
// and every article goes through the rest of the indexing path (analysis,
// stored data and back). A reader may report diagnostics or refuse the file
// with InputError, or fail to decompress it (std::ios_base::failure, which
// InputReader reports); any other exception, crash or sanitizer report is a bug.
#include "common/analyzer.h"
#include "common/document.h"
#include "corpus/reader.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <ios>
#include <iostream>
#include <string>

namespace {

using namespace gazette;
namespace fs = std::filesystem;

// What every run of this process shares: libFuzzer calls one function with
// no context, so it lives in a function-local static.
struct Harness {
    Format format;
    fs::path dir;
    Analyzer analyzer;
    DocumentDataDecoder decoder;

    Harness() : format(parse_format(FUZZ_FORMAT).value()) {
        std::string pattern = (fs::temp_directory_path() / "gazette-fuzz-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) std::abort();
        dir = pattern;
    }
    ~Harness() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }

    void run(const std::uint8_t* data, std::size_t size) {
        fs::path file = dir / "input";
        std::ofstream(file, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                      static_cast<std::streamsize>(size));
        try {
            auto reader = open_file_reader(file, dir, ReadOptions{format, {}}, {});
            while (auto article = reader->next()) index(*article);
        } catch (const InputError&) {
            // A file the reader refuses as a whole, with a message: allowed.
        } catch (const std::ios_base::failure&) {
            // A file that cannot be read to its end (a corrupt gzip or zstd
            // stream): InputReader reports it and goes on; allowed.
        }
    }

    void index(const Article& article) {
        if (missing_required_field(article)) return;  // the indexer skips these too
        Xapian::Document doc;
        analyzer.index_article(article, doc);
        Article back = decoder.decode(encode_document_data(article));
        if (back.id != article.id || back.body != article.body || back.title != article.title) std::abort();
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Harness harness;
    harness.run(data, size);
    return 0;
}
