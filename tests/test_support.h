// Shared helpers for the unit tests.
#pragma once

#include "common/article.h"
#include "common/diagnostic.h"
#include "corpus/input_stream.h"

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

namespace gazette::test {

// A fresh directory for this test case, under the run's temporary directory
// (which test_main.cpp removes when every test passed and keeps otherwise).
std::filesystem::path scratch_dir(const std::string& name);

// Writes `content` to `path`, creating its folder.
void write_file(const std::filesystem::path& path, const std::string& content);

// tests/testdata/<relative>
std::filesystem::path testdata(const std::string& relative);

// corpus/sample/<relative>
std::filesystem::path sample(const std::string& relative);

// The bundled sample (seed + reut2-000.sgm), indexed once per test process.
const std::filesystem::path& sample_db();

// word -> frequency of every word in the spelling table of the database at `db_dir`.
std::map<std::string, Xapian::doccount> spelling_table(const std::filesystem::path& db_dir);

// The documents of `db` that `query` matches (the first 100), by number.
std::set<Xapian::docid> matching_docids(const Xapian::Database& db, const Xapian::Query& query);

// Everything a reader yields: its articles, and its diagnostics as the lines
// people see ("file:line: error: reason").
struct Reading {
    std::vector<Article> articles;
    std::vector<std::string> diagnostics;
};

// Reads `file` to the end with a `Reader` built from it, `args` and a
// collecting sink.
template <class Reader, class... Args>
Reading read_all(const std::filesystem::path& file, const Args&... args) {
    Reading reading;
    Reader reader(InputStream(file), args...,
                  [&reading](const Diagnostic& d) { reading.diagnostics.push_back(d.to_string()); });
    while (auto article = reader.next()) reading.articles.push_back(std::move(*article));
    return reading;
}

}  // namespace gazette::test
