// Small text clean-up shared by the readers: news archives come with broken
// encodings, control characters and SGML character references.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

// U+FFFD, for what cannot be decoded.
inline constexpr char32_t replacement_character = 0xFFFD;

// Appends the UTF-8 encoding of `code_point`.
void append_utf8(std::string& out, char32_t code_point);

// ASCII letters lowered; other bytes unchanged (for file extensions, tags).
std::string ascii_lowercase(std::string_view text);

// The non-empty pieces of `text` between any of the `separators`:
// split("a,,b c", ", ") is {"a", "b", "c"}.
std::vector<std::string> split(std::string_view text, std::string_view separators);

// Space, tab, newline, carriage return, form feed, vertical tab.
bool is_ascii_space(char c);

// Whether every byte of `text` is ASCII (below 0x80).
bool is_ascii(std::string_view text);

// Whether a word holds no letter: only ASCII digits and punctuation, as the
// numbers of news text ("1987", "5.93", "1,500"). Any non-ASCII byte counts
// as a letter. Such a word has no spelling to suggest (newsindex leaves it
// out of the spelling table, newssearch suggests none for it).
bool is_numeral(std::string_view word);

// Replaces every byte that is not part of a well-formed UTF-8 sequence by the
// Windows-1252 character it stands for (0xFC -> "ü", 0x93 -> "“"), encoded as
// UTF-8: stray bytes in news archives are almost always Latin-1 or
// Windows-1252. The five bytes Windows-1252 leaves undefined become U+FFFD.
// Returns how many bytes were replaced.
std::size_t repair_utf8(std::string& text);

// "1 article", "3 articles": a count and its noun, plural with "s" unless one.
std::string count_of(std::size_t count, std::string_view noun);

// The warning a reader gives after repair_utf8: "repaired 1 invalid UTF-8 byte".
std::string describe_utf8_repair(std::size_t repaired);

// Removes the C0 control characters except tab and newline, and DEL. A CRLF
// line end becomes LF.
void remove_control_characters(std::string& text);

// Decodes the character references &#NNN; and &#xHH;, XML's five named ones
// (&lt; &gt; &amp; &quot; &apos;), the common HTML ones (&nbsp; &mdash;
// &eacute; ...) and the TREC collections' &hyph; and &blank;. A reference to a control character, or to no character at all,
// becomes a space, so it neither reaches the index nor glues two words
// together ("dlr&#127;untied"). Anything else that starts with '&' is kept as
// written.
std::string decode_character_references(std::string_view text);

// `text` without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);

// Every run of ASCII whitespace, line breaks included, becomes one space, and
// the ends are trimmed: for titles, datelines and bylines.
std::string collapse_whitespace(std::string_view text);

// A one-line field (title, dateline, byline, tag): control characters
// removed, whitespace collapsed.
std::string clean_field(std::string_view text);

// A body: control characters removed and the ends trimmed; the line breaks
// and indentation inside are kept.
std::string clean_body(std::string_view text);

}  // namespace gazette
