// Input streams: compression found by magic bytes, byte order marks, UTF-16.
// The compressed files are made here with Boost.Iostreams' compressors, so
// the expected text is the text that went in.
#include "corpus/input_stream.h"
#include "corpus/reader.h"
#include "test_support.h"

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include <boost/iostreams/copy.hpp>
#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filter/zstd.hpp>
#include <boost/iostreams/filtering_stream.hpp>

#include <doctest/doctest.h>

namespace fs = std::filesystem;
namespace io = boost::iostreams;

namespace {

using gazette::test::write_file;

std::string read_whole(gazette::InputStream& input) {
    return {std::istreambuf_iterator<char>(input.stream()), std::istreambuf_iterator<char>()};
}

template <class Compressor>
void write_compressed(const fs::path& path, const std::string& content, Compressor compressor) {
    std::ofstream file(path, std::ios::binary);
    io::filtering_ostream out;
    out.push(compressor);
    out.push(file);
    out << content;
}

// Text long enough to span several buffers of every layer.
std::string long_text() {
    std::string text;
    for (int i = 0; i < 20000; ++i) {
        text += "{\"id\": \"" + std::to_string(i) + "\", \"body\": \"caf\xC3\xA9 \xF0\x9F\x93\xB0\"}\n";
    }
    return text;
}

// `utf8` (ASCII and the few characters used here) as UTF-16 with a BOM.
std::string utf16(const std::u16string& text, bool big_endian) {
    std::string bytes = big_endian ? "\xFE\xFF" : "\xFF\xFE";
    for (const char16_t unit : text) {
        const char high = static_cast<char>(unit >> 8);
        const char low = static_cast<char>(unit & 0xFF);
        bytes += big_endian ? high : low;
        bytes += big_endian ? low : high;
    }
    return bytes;
}

}  // namespace

TEST_SUITE("corpus") {
    TEST_CASE("InputStream decompresses by magic bytes, not by name") {
        const fs::path dir = gazette::test::scratch_dir("compressed");
        const std::string text = long_text();

        SUBCASE("gzip") {
            write_compressed(dir / "news.jsonl.gz", text, io::gzip_compressor());
            gazette::InputStream input(dir / "news.jsonl.gz");
            CHECK(input.compression() == gazette::Compression::gzip);
            CHECK(input.head() == text.substr(0, input.head().size()));
            CHECK(read_whole(input) == text);
        }
        SUBCASE("zstd, with a name that does not say so") {
            write_compressed(dir / "news", text, io::zstd_compressor());
            gazette::InputStream input(dir / "news");
            CHECK(input.compression() == gazette::Compression::zstd);
            CHECK(read_whole(input) == text);
        }
        SUBCASE("an uncompressed file named .gz is read as it is") {
            write_file(dir / "plain.gz", text);
            gazette::InputStream input(dir / "plain.gz");
            CHECK(input.compression() == gazette::Compression::none);
            CHECK(read_whole(input) == text);
        }
        SUBCASE("a truncated gzip file is a read error, not a quiet end") {
            write_compressed(dir / "whole.gz", text, io::gzip_compressor());
            std::ifstream whole(dir / "whole.gz", std::ios::binary);
            const std::string bytes{std::istreambuf_iterator<char>(whole), std::istreambuf_iterator<char>()};
            write_file(dir / "cut.gz", bytes.substr(0, bytes.size() / 2));
            gazette::InputStream input(dir / "cut.gz");
            CHECK_THROWS_AS(read_whole(input), std::ios_base::failure);
        }
        SUBCASE("tiny and empty files") {
            write_file(dir / "tiny", "ab");
            write_file(dir / "empty", "");
            gazette::InputStream tiny(dir / "tiny");
            gazette::InputStream empty(dir / "empty");
            CHECK(read_whole(tiny) == "ab");
            CHECK(read_whole(empty).empty());
        }
    }

    TEST_CASE("InputStream decodes byte order marks and UTF-16") {
        const fs::path dir = gazette::test::scratch_dir("encodings");
        // "Café 📰" (U+1F4F0 is a surrogate pair in UTF-16)
        const std::u16string cafe = u"Caf\u00E9 \U0001F4F0\nline two\n";
        const std::string cafe_utf8 = "Caf\xC3\xA9 \xF0\x9F\x93\xB0\nline two\n";

        SUBCASE("a UTF-8 byte order mark is dropped") {
            write_file(dir / "bom.txt", "\xEF\xBB\xBF" + cafe_utf8);
            gazette::InputStream input(dir / "bom.txt");
            CHECK(input.encoding() == gazette::Encoding::utf8);
            CHECK(input.head() == cafe_utf8);
            CHECK(read_whole(input) == cafe_utf8);
        }
        SUBCASE("UTF-16, little and big endian") {
            for (const bool big_endian : {false, true}) {
                CAPTURE(big_endian);
                write_file(dir / "utf16.txt", utf16(cafe, big_endian));
                gazette::InputStream input(dir / "utf16.txt");
                CHECK(input.encoding() == (big_endian ? gazette::Encoding::utf16be : gazette::Encoding::utf16le));
                CHECK(input.head() == cafe_utf8);
                CHECK(read_whole(input) == cafe_utf8);
            }
        }
        SUBCASE("a lone surrogate and a final odd byte become U+FFFD") {
            write_file(dir / "broken16.txt", utf16(u"a\xD800" u"b", false) + "x");
            gazette::InputStream input(dir / "broken16.txt");
            CHECK(read_whole(input) == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
        }
        SUBCASE("UTF-16 inside gzip") {
            write_compressed(dir / "utf16.gz", utf16(cafe, false), io::gzip_compressor());
            gazette::InputStream input(dir / "utf16.gz");
            CHECK(read_whole(input) == cafe_utf8);
        }
    }

    TEST_CASE("InputStream on a missing file throws InputError naming it") {
        const fs::path missing = gazette::test::scratch_dir("missing") / "nothing.gz";
        CHECK_THROWS_WITH_AS(gazette::InputStream{missing}, (missing.string() + ": cannot open the file: No such file or directory").c_str(),
                             gazette::InputError);
    }

    TEST_CASE("without_compression_suffix") {
        CHECK(gazette::without_compression_suffix("a/news.jsonl.gz") == fs::path("a/news.jsonl"));
        CHECK(gazette::without_compression_suffix("reut2-000.sgm.ZST") == fs::path("reut2-000.sgm"));
        CHECK(gazette::without_compression_suffix("story.txt") == fs::path("story.txt"));
    }
}
