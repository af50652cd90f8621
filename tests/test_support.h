// Shared helpers for the unit tests.
#pragma once

#include <filesystem>
#include <string>

namespace gazette::test {

// A fresh directory for this test case, under the run's temporary directory
// (which test_main.cpp removes when every test passed and keeps otherwise).
std::filesystem::path scratch_dir(const std::string& name);

// tests/testdata/<relative>
std::filesystem::path testdata(const std::string& relative);

// corpus/sample/<relative>
std::filesystem::path sample(const std::string& relative);

}  // namespace gazette::test
