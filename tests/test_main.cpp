// Test runner: gives each run its own temporary directory for databases and
// keeps it when a test fails, so the failing database can be inspected.
#define DOCTEST_CONFIG_IMPLEMENT
#include "test_support.h"

#include "indexer/index_writer.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {
fs::path& run_dir() {
    static fs::path dir;
    return dir;
}
}  // namespace

namespace gazette::test {

fs::path scratch_dir(const std::string& name) {
    static int counter = 0;
    fs::path dir = run_dir() / (name + "-" + std::to_string(++counter));
    fs::create_directories(dir);
    return dir;
}

void write_file(const fs::path& path, const std::string& content) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

fs::path testdata(const std::string& relative) { return fs::path(GAZETTE_TESTDATA_DIR) / relative; }

fs::path sample(const std::string& relative) {
    return fs::path(GAZETTE_SOURCE_DIR) / "corpus" / "sample" / relative;
}

const fs::path& sample_db() {
    static const fs::path db = [] {
        IndexOptions options;
        options.db_dir = scratch_dir("sample-db");
        options.inputs = {sample("")};
        index_inputs(options, [](const Diagnostic&) {});
        return options.db_dir;
    }();
    return db;
}

std::set<Xapian::docid> matching_docids(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    std::set<Xapian::docid> found;
    for (auto hit : enquire.get_mset(0, 100)) found.insert(hit);
    return found;
}

std::map<std::string, Xapian::doccount> spelling_table(const std::filesystem::path& db_dir) {
    Xapian::Database db(db_dir.string());
    std::map<std::string, Xapian::doccount> words;
    for (auto word = db.spellings_begin(); word != db.spellings_end(); ++word) words[*word] = word.get_termfreq();
    return words;
}

}  // namespace gazette::test

int main(int argc, char** argv) {
    std::string pattern = (fs::temp_directory_path() / "gazette-tests-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        std::cerr << "gazette_tests: error: cannot create a temporary directory\n";
        return 2;
    }
    run_dir() = pattern;

    doctest::Context context(argc, argv);
    int failed = context.run();
    if (failed == 0) {
        fs::remove_all(run_dir());
    } else if (failed != 0) {
        std::cerr << "gazette_tests: kept test databases in " << run_dir().string() << "\n";
    }
    return failed;
}
