// Choosing a reader per file, and walking the inputs the user named.
#include "corpus/jsonl_reader.h"
#include "corpus/reader.h"
#include "corpus/reuters_reader.h"
#include "corpus/text_reader.h"
#include "corpus/trec_reader.h"
#include "test_support.h"

#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace fs = std::filesystem;

namespace {

using gazette::test::write_file;

// The reader open_file_reader picks for `file`.
template <class Reader>
bool opens_as(const fs::path& file, gazette::Format format = gazette::Format::automatic) {
    const auto reader = gazette::open_file_reader(file, file.parent_path(), {format, {}}, {});
    return dynamic_cast<Reader*>(reader.get()) != nullptr;
}

std::vector<std::string> ids_of(std::vector<fs::path> inputs) {
    gazette::InputReader reader(std::move(inputs), {gazette::Format::automatic, {}}, {});
    std::vector<std::string> ids;
    while (auto article = reader.next()) {
        ids.push_back(article->id);
    }
    return ids;
}

// The message of the InputError that constructing an InputReader throws.
std::string input_error(std::vector<fs::path> inputs) {
    try {
        gazette::InputReader reader(std::move(inputs), {gazette::Format::automatic, {}}, {});
    } catch (const gazette::InputError& error) {
        return error.what();
    }
    return "no error";
}

}  // namespace

TEST_SUITE("corpus") {
    TEST_CASE("format table") {
        const auto formats = gazette::format_names();
        REQUIRE(formats.size() == 7);
        CHECK(formats[0].name == "auto");
        CHECK(formats[1].name == "text");
        CHECK(formats[2].name == "jsonl");
        CHECK(formats[3].name == "reuters");
        CHECK(formats[4].name == "trec");
        CHECK(formats[5].name == "csv");
        CHECK(formats[6].name == "html");
        for (const gazette::FormatName& format : formats) {
            CAPTURE(format.name);
            CHECK(gazette::parse_format(format.name) == format.format);
            CHECK_FALSE(format.description.empty());
        }
        CHECK_FALSE(gazette::parse_format("xml"));
        CHECK_FALSE(gazette::parse_format("JSONL"));
        CHECK_FALSE(gazette::parse_format(""));
    }

    TEST_CASE("open_file_reader picks the reader") {
        const fs::path dir = gazette::test::scratch_dir("formats");

        SUBCASE("by the file name") {
            write_file(dir / "a.jsonl", "not even JSON\n");
            write_file(dir / "b.NDJSON", "");
            write_file(dir / "c.sgm", "plain words\n");
            write_file(dir / "d.trec", "plain words\n");
            CHECK(opens_as<gazette::JsonlReader>(dir / "a.jsonl"));
            CHECK(opens_as<gazette::JsonlReader>(dir / "b.NDJSON"));
            CHECK(opens_as<gazette::ReutersReader>(dir / "c.sgm"));
            CHECK(opens_as<gazette::TrecReader>(dir / "d.trec"));
        }
        SUBCASE("by the first bytes when the name does not tell") {
            write_file(dir / "reuters.txt", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"1\">\n");
            write_file(dir / "bare-story", "<REUTERS NEWID=\"1\">\n");
            write_file(dir / "export.json", "\n  {\"id\": 1, \"body\": \"x\"}\n");
            write_file(dir / "bom.dat", "\xEF\xBB\xBF{\"id\": 1}\n");
            write_file(dir / "story.txt", "A title\n{braces} in the body\n");
            write_file(dir / "la010189", "\n<DOC>\n<DOCNO> LA010189-0001 </DOCNO>\n");
            write_file(dir / "docno.txt", "<DOCNO> is not a document start\n");
            write_file(dir / "empty", "");
            CHECK(opens_as<gazette::ReutersReader>(dir / "reuters.txt"));
            CHECK(opens_as<gazette::ReutersReader>(dir / "bare-story"));
            CHECK(opens_as<gazette::JsonlReader>(dir / "export.json"));
            CHECK(opens_as<gazette::JsonlReader>(dir / "bom.dat"));
            CHECK(opens_as<gazette::TextReader>(dir / "story.txt"));
            CHECK(opens_as<gazette::TrecReader>(dir / "la010189"));
            CHECK(opens_as<gazette::TextReader>(dir / "docno.txt"));
            CHECK(opens_as<gazette::TextReader>(dir / "empty"));
        }
        SUBCASE("an explicit format wins over the name") {
            write_file(dir / "notes.jsonl", "Title\nBody\n");
            CHECK(opens_as<gazette::TextReader>(dir / "notes.jsonl", gazette::Format::text));
            CHECK(opens_as<gazette::ReutersReader>(dir / "notes.jsonl", gazette::Format::reuters));
        }
        SUBCASE("a file that cannot be opened throws") {
            CHECK_THROWS_AS(opens_as<gazette::TextReader>(dir / "missing.txt"), gazette::InputError);
            CHECK_THROWS_AS(opens_as<gazette::TextReader>(dir / "missing.txt", gazette::Format::text),
                            gazette::InputError);
        }
    }

    TEST_CASE("InputReader walks folders") {
        const fs::path root = gazette::test::scratch_dir("walk");
        // Created out of order, so that only sorting gives the expected order.
        write_file(root / "sub" / "c.txt", "C\nbody\n");
        write_file(root / "b.txt", "B\nbody\n");
        write_file(root / "a.txt", "A\nbody\n");
        write_file(root / "10.txt", "Ten\nbody\n");
        write_file(root / "9.txt", "Nine\nbody\n");
        write_file(root / ".hidden.txt", "Hidden\nbody\n");
        write_file(root / ".git" / "notes.txt", "Hidden folder\nbody\n");
        write_file(root / "sub" / ".cache" / "d.txt", "Hidden deeper\nbody\n");
        fs::create_directories(root / "empty-folder");

        SUBCASE("in sorted order, regular files only, hidden ones skipped") {
            CHECK(ids_of({root}) == std::vector<std::string>{"10.txt", "9.txt", "a.txt", "b.txt", "sub/c.txt"});
        }
        SUBCASE("the order of the inputs is kept; a file's root is its folder") {
            CHECK(ids_of({root / "sub", root / "b.txt"}) == std::vector<std::string>{"c.txt", "b.txt"});
        }
        SUBCASE("only article files, and the others are named in a warning") {
            write_file(root / "SOURCE.md", "# Source\nWhere this came from\n");
            write_file(root / "MANIFEST.sha256", "0123 a.txt\n4567 b.txt\n");
            write_file(root / "notes", "Extensionless\nfiles are text\n");
            write_file(root / "README.TXT", "The collection\nhas a readme, like bbc/README.TXT\n");
            write_file(root / "d.jsonl.gz", "{\"id\": \"gz\", \"body\": \"plain JSON named .gz\"}\n");
            std::vector<std::string> warnings;
            gazette::InputReader reader({root}, {gazette::Format::automatic, {}},
                                        [&](const gazette::Diagnostic& d) { warnings.push_back(d.to_string()); });
            std::vector<std::string> ids;
            while (auto article = reader.next()) ids.push_back(article->id);
            CHECK(ids == std::vector<std::string>{"10.txt", "9.txt", "a.txt", "b.txt", "gz", "notes", "sub/c.txt"});
            const std::string not_read = ": warning: not read: not an article file (documentation or an unknown type)";
            CHECK(warnings == std::vector<std::string>{(root / "MANIFEST.sha256").string() + not_read,
                                                       (root / "README.TXT").string() + not_read,
                                                       (root / "SOURCE.md").string() + not_read});
            // A forced format reads every file.
            gazette::InputReader forced({root}, {gazette::Format::text, {}}, {});
            std::size_t count = 0;
            while (forced.next()) ++count;
            CHECK(count == 10);  // d.jsonl.gz too: its one line, read as text, is a body
        }
        SUBCASE("every format in one folder") {
            const fs::path mixed = gazette::test::scratch_dir("mixed");
            write_file(mixed / "a.jsonl", "{\"id\": \"j1\", \"body\": \"from JSON\"}\n");
            write_file(mixed / "b.sgm",
                       "<REUTERS NEWID=\"7\">\n<TEXT><TITLE>T</TITLE><BODY>from SGML</BODY></TEXT>\n</REUTERS>\n");
            write_file(mixed / "c.txt", "Title\nfrom text\n");
            CHECK(ids_of({mixed}) == std::vector<std::string>{"j1", "7", "c.txt"});
        }
        // Issue 18: Reuters-21578's folder gave its category lists
        // (all-places-strings.lc.txt...) as articles beside the stories.
        SUBCASE("a folder mostly of one many-article format reads only that format") {
            const fs::path archive = gazette::test::scratch_dir("archive");
            for (const char* name : {"reut2-000.sgm", "reut2-001.sgm", "reut2-002.sgm"}) {
                write_file(archive / name, std::string("<REUTERS NEWID=\"") + name[8] +
                                               "\">\n<TEXT><BODY>story</BODY></TEXT>\n</REUTERS>\n");
            }
            write_file(archive / "all-places-strings.lc.txt", "afghanistan\nalbania\n");
            write_file(archive / "lists" / "more.txt", "A subfolder\nis judged on its own\n");
            std::vector<std::string> warnings;
            gazette::InputReader reader({archive}, {gazette::Format::automatic, {}},
                                        [&](const gazette::Diagnostic& d) { warnings.push_back(d.to_string()); });
            std::vector<std::string> ids;
            while (auto article = reader.next()) ids.push_back(article->id);
            CHECK(ids == std::vector<std::string>{"lists/more.txt", "0", "1", "2"});
            CHECK(warnings == std::vector<std::string>{(archive / "all-places-strings.lc.txt").string() +
                                                       ": warning: not read: most files of its folder are reuters "
                                                       "archives, and this one is not (name it to read it)"});
            CHECK(ids_of({archive / "all-places-strings.lc.txt"}) ==
                  std::vector<std::string>{"all-places-strings.lc.txt"});
        }
    }

    // Issue 18: text from standard input had the id "-", so a second piped
    // article replaced the first.
    TEST_CASE("record_id: FILE:NUMBER, or from standard input a hash of the text") {
        gazette::Article one;
        one.title = "Cocoa";
        one.body = "cocoa fell";
        gazette::Article other = one;
        other.body = "cocoa rose";
        CHECK(gazette::record_id("news.csv", 12, one) == "news.csv:12");
        const std::string piped = gazette::record_id("-", 1, one);
        CHECK(piped.starts_with("-:"));
        CHECK(piped.size() == 18);
        CHECK(piped == gazette::record_id("-", 7, one));  // the same article, the same id
        CHECK(piped != gazette::record_id("-", 1, other));
    }

    TEST_CASE("InputReader reports diagnostics and goes on") {
        const fs::path root = gazette::test::scratch_dir("diagnostics");
        write_file(root / "a.txt", "");
        write_file(root / "b.txt", "Title\nbody\n");
        std::vector<std::string> diagnostics;
        gazette::InputReader reader({root}, {gazette::Format::automatic, {}},
                                    [&](const gazette::Diagnostic& d) { diagnostics.push_back(d.to_string()); });
        const auto article = reader.next();
        REQUIRE(article);
        CHECK(article->id == "b.txt");
        CHECK_FALSE(reader.next());
        CHECK(diagnostics == std::vector<std::string>{(root / "a.txt").string() + ": error: empty file"});
    }

    TEST_CASE("InputReader reports a file it cannot read and reads the next") {
        const fs::path root = gazette::test::scratch_dir("unreadable");
        write_file(root / "a.jsonl.gz", "\x1F\x8B not really gzip");
        write_file(root / "b.txt", "Title\nbody\n");
        std::vector<std::string> diagnostics;
        gazette::InputReader reader({root}, {gazette::Format::automatic, {}},
                                    [&](const gazette::Diagnostic& d) { diagnostics.push_back(d.to_string()); });
        const auto article = reader.next();
        REQUIRE(article);
        CHECK(article->id == "b.txt");
        CHECK_FALSE(reader.next());
        REQUIRE(diagnostics.size() == 1);
        CHECK(diagnostics[0].starts_with((root / "a.jsonl.gz").string() + ": error: cannot read the file: "));
    }

    TEST_CASE("InputReader rejects inputs it cannot read") {
        const fs::path missing = gazette::test::scratch_dir("inputs") / "no-such-folder";
        CHECK(input_error({missing}) == missing.string() + ": no such file or folder");
        CHECK(input_error({"/dev/null"}) == "/dev/null: neither a regular file nor a folder");
    }

}  // TEST_SUITE
