// An input file as the readers want it: a stream of UTF-8 text, whatever it
// was on disk. gzip and zstd are decompressed (recognised by their magic
// bytes, not by the name), a UTF-8 byte order mark is dropped, and UTF-16
// (recognised by its byte order mark) is converted to UTF-8. "-" is standard
// input. Memory stays constant: everything is converted as it is read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

enum class Compression { none, gzip, zstd };
enum class Encoding { utf8, utf16le, utf16be };

class InputStream {
public:
    // Throws InputError when the file cannot be opened.
    explicit InputStream(const std::filesystem::path& file);
    ~InputStream();
    InputStream(InputStream&&) noexcept;
    InputStream& operator=(InputStream&&) noexcept;

    // The decoded text, from its first byte.
    std::istream& stream();
    // The first bytes of the decoded text (up to 512), for telling formats apart.
    std::string_view head() const { return head_; }
    // The file as named in diagnostics ("-" for standard input).
    const std::string& name() const { return name_; }
    Compression compression() const { return compression_; }
    // How far into the file on disk reading has got (compressed bytes for a
    // compressed file), for progress; 0 for standard input.
    std::uintmax_t bytes_read() const;
    Encoding encoding() const { return encoding_; }

private:
    struct Layers;  // Boost.Iostreams stays out of this header

    std::string name_;
    std::unique_ptr<Layers> layers_;
    std::string head_;
    Compression compression_ = Compression::none;
    Encoding encoding_ = Encoding::utf8;
};

// "a.jsonl.gz" -> "a.jsonl": the name without a compression suffix, so that
// the format can be told from what remains.
std::filesystem::path without_compression_suffix(const std::filesystem::path& file);

}  // namespace gazette
