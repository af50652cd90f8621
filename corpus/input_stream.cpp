#include "corpus/input_stream.h"

#include "common/text.h"
#include "corpus/reader.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <utility>

#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filter/zstd.hpp>
#include <boost/iostreams/filtering_stream.hpp>

namespace gazette {

namespace io = boost::iostreams;

namespace {

constexpr std::size_t head_size = 512;
constexpr std::size_t buffer_size = 64 * 1024;
constexpr std::string_view gzip_magic = "\x1F\x8B";
constexpr std::string_view zstd_magic = "\x28\xB5\x2F\xFD";
constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
constexpr std::string_view utf16le_bom = "\xFF\xFE";
constexpr std::string_view utf16be_bom = "\xFE\xFF";

// Up to `count` bytes from `in`.
std::string take(std::istream& in, std::size_t count) {
    std::string taken(count, '\0');
    in.read(taken.data(), static_cast<std::streamsize>(count));
    taken.resize(static_cast<std::size_t>(in.gcount()));
    return taken;
}

// A Boost.Iostreams source: the bytes already taken from a stream to look at
// them, then the rest of that stream.
class ReplaySource {
public:
    using char_type = char;
    using category = io::source_tag;

    ReplaySource(std::string taken, std::istream& rest) : taken_(std::move(taken)), rest_(&rest) {}

    std::streamsize read(char* out, std::streamsize count) {
        if (next_ < taken_.size()) {
            const std::size_t n = std::min(taken_.size() - next_, static_cast<std::size_t>(count));
            taken_.copy(out, n, next_);
            next_ += n;
            return static_cast<std::streamsize>(n);
        }
        rest_->read(out, count);
        const std::streamsize got = rest_->gcount();
        return got > 0 ? got : -1;
    }

private:
    std::string taken_;
    std::size_t next_ = 0;
    std::istream* rest_;
};

// A Boost.Iostreams source: UTF-16 (byte order mark already removed) read from
// another source, as UTF-8. A lone surrogate or a final odd byte becomes U+FFFD.
class Utf16Source {
public:
    using char_type = char;
    using category = io::source_tag;

    Utf16Source(ReplaySource raw, Encoding encoding) : raw_(std::move(raw)), big_endian_(encoding == Encoding::utf16be) {}

    std::streamsize read(char* out, std::streamsize count) {
        while (decoded_.size() - next_ < static_cast<std::size_t>(count) && !at_end_) {
            decode_more();
        }
        const std::size_t n = std::min(decoded_.size() - next_, static_cast<std::size_t>(count));
        if (n == 0) {
            return -1;
        }
        decoded_.copy(out, n, next_);
        next_ += n;
        return static_cast<std::streamsize>(n);
    }

private:
    char16_t unit(std::size_t at) const {
        const auto first = static_cast<unsigned char>(undecoded_[at]);
        const auto second = static_cast<unsigned char>(undecoded_[at + 1]);
        return static_cast<char16_t>(big_endian_ ? (first << 8) | second : (second << 8) | first);
    }

    void decode_more() {
        decoded_.erase(0, next_);
        next_ = 0;
        std::array<char, 4096> chunk{};
        const std::streamsize got = raw_.read(chunk.data(), chunk.size());
        if (got > 0) {
            undecoded_.append(chunk.data(), static_cast<std::size_t>(got));
        } else {
            at_end_ = true;
        }
        std::size_t at = 0;
        while (undecoded_.size() - at >= 2) {
            const char16_t first = unit(at);
            const bool high = first >= 0xD800 && first <= 0xDBFF;
            if (high && undecoded_.size() - at < 4 && !at_end_) {
                break;  // the low half is in the next chunk
            }
            const char16_t second = high && undecoded_.size() - at >= 4 ? unit(at + 2) : 0;
            if (high && second >= 0xDC00 && second <= 0xDFFF) {
                append_utf8(decoded_, 0x10000 + ((static_cast<char32_t>(first) - 0xD800) << 10) + (second - 0xDC00));
                at += 4;
                continue;
            }
            const bool surrogate = first >= 0xD800 && first <= 0xDFFF;
            append_utf8(decoded_, surrogate ? replacement_character : first);
            at += 2;
        }
        undecoded_.erase(0, at);
        if (at_end_ && !undecoded_.empty()) {
            append_utf8(decoded_, replacement_character);
            undecoded_.clear();
        }
    }

    ReplaySource raw_;
    bool big_endian_;
    std::string undecoded_;
    std::string decoded_;
    std::size_t next_ = 0;
    bool at_end_ = false;
};

Compression compression_of(std::string_view magic) {
    if (magic.starts_with(gzip_magic)) {
        return Compression::gzip;
    }
    if (magic.starts_with(zstd_magic)) {
        return Compression::zstd;
    }
    return Compression::none;
}

}  // namespace

// The chain of streams, each reading from the one before it: the file (or
// standard input), then a decompressor, then a UTF-16 decoder, as needed.
struct InputStream::Layers {
    std::ifstream file;
    std::uintmax_t size = 0;  // of the file; 0 for standard input
    std::istream* raw = nullptr;
    std::vector<std::unique_ptr<io::filtering_istream>> chain;

    std::istream& last() { return chain.empty() ? *raw : *chain.back(); }

    template <class... Filters>
    void push(Filters&&... filters) {
        auto next = std::make_unique<io::filtering_istream>();
        (next->push(std::forward<Filters>(filters), buffer_size), ...);
        // Broken compressed data is an error, not a silent end of the file.
        next->exceptions(std::ios::badbit);
        chain.push_back(std::move(next));
    }
};

InputStream::InputStream(const std::filesystem::path& file) : name_(file.string()), layers_(std::make_unique<Layers>()) {
    Layers& layers = *layers_;
    if (file == "-") {
        layers.raw = &std::cin;
    } else {
        layers.file.open(file, std::ios::binary);
        if (!layers.file) {
            throw InputError(name_, std::string("cannot open the file: ") + std::strerror(errno));
        }
        layers.raw = &layers.file;
        std::error_code ignored;  // a size that cannot be read only costs the progress figure
        layers.size = std::filesystem::file_size(file, ignored);
        layers.size = layers.size == static_cast<std::uintmax_t>(-1) ? 0 : layers.size;
    }

    // Bytes taken from the last layer and not yet given to the next one.
    std::string pending = take(layers.last(), zstd_magic.size());
    compression_ = compression_of(pending);
    if (compression_ == Compression::gzip) {
        layers.push(io::gzip_decompressor(), ReplaySource(std::move(pending), layers.last()));
        pending.clear();
    } else if (compression_ == Compression::zstd) {
        layers.push(io::zstd_decompressor(), ReplaySource(std::move(pending), layers.last()));
        pending.clear();
    }

    pending += take(layers.last(), head_size - pending.size());
    if (pending.starts_with(utf8_bom)) {
        pending.erase(0, utf8_bom.size());
    } else if (pending.starts_with(utf16le_bom) || pending.starts_with(utf16be_bom)) {
        encoding_ = pending.starts_with(utf16le_bom) ? Encoding::utf16le : Encoding::utf16be;
        pending.erase(0, utf16le_bom.size());
        layers.push(Utf16Source(ReplaySource(std::move(pending), layers.last()), encoding_));
        pending = take(layers.last(), head_size);
    }
    head_ = pending;
    layers.push(ReplaySource(std::move(pending), layers.last()));
}

InputStream::~InputStream() = default;
InputStream::InputStream(InputStream&&) noexcept = default;
InputStream& InputStream::operator=(InputStream&&) noexcept = default;

std::uintmax_t InputStream::bytes_read() const {
    if (!layers_->file.is_open()) {
        return 0;
    }
    // tellg fails once the end has been reached: then all was read.
    const std::streamoff position = layers_->file.tellg();
    return position >= 0 ? static_cast<std::uintmax_t>(position) : layers_->size;
}

std::istream& InputStream::stream() {
    return layers_->last();
}

std::filesystem::path without_compression_suffix(const std::filesystem::path& file) {
    const std::string extension = ascii_lowercase(file.extension().string());
    if (extension == ".gz" || extension == ".zst") {
        return file.parent_path() / file.stem();
    }
    return file;
}

}  // namespace gazette
