// Text clean-up: UTF-8 repair, control characters, character references,
// whitespace.
#include "common/text.h"
#include "test_support.h"

#include <doctest/doctest.h>

TEST_SUITE("common") {
    TEST_CASE("repair_utf8") {
        SUBCASE("valid UTF-8 is left alone") {
            std::string text = "plain ASCII, caf\xC3\xA9, \xE2\x82\xAC, \xF0\x9F\x93\xB0";
            const std::string original = text;
            CHECK(gazette::repair_utf8(text) == 0);
            CHECK(text == original);
        }
        SUBCASE("a stray byte is read as Windows-1252") {
            // reut2-017.sgm, NEWID 17980: "growth.\xFC&#5;"
            std::string text = "growth.\xFC&#5;";
            CHECK(gazette::repair_utf8(text) == 1);
            CHECK(text == "growth.\xC3\xBC&#5;");  // ü

            std::string quoted =
                "\x93quoted\x94 \xA3"
                "15m";
            CHECK(gazette::repair_utf8(quoted) == 3);
            CHECK(quoted ==
                  "\xE2\x80\x9Cquoted\xE2\x80\x9D \xC2\xA3"
                  "15m");  // “quoted” £15m
        }
        SUBCASE("bytes Windows-1252 leaves undefined become U+FFFD") {
            std::string text = "a\x81z";
            CHECK(gazette::repair_utf8(text) == 1);
            CHECK(text == "a\xEF\xBF\xBDz");
        }
        SUBCASE("malformed sequences are repaired byte by byte") {
            struct Example {
                std::string text;
                std::size_t repaired;
            };
            const Example examples[] = {
                {"\xE2\x82", 2},          // truncated three-byte sequence
                {"\xC0\xAF", 2},          // overlong '/'
                {"\xED\xA0\x80", 3},      // UTF-16 surrogate
                {"\xF4\x90\x80\x80", 4},  // above U+10FFFF
                {"\xBF", 1},              // lone continuation byte
            };
            for (const Example& example : examples) {
                std::string text = example.text;
                CHECK(gazette::repair_utf8(text) == example.repaired);
                CHECK(gazette::repair_utf8(text) == 0);  // the result is valid UTF-8
            }
        }
        CHECK(gazette::count_of(0, "article") == "0 articles");
        CHECK(gazette::count_of(1, "article") == "1 article");
        CHECK(gazette::describe_utf8_repair(1) == "repaired 1 invalid UTF-8 byte");
        CHECK(gazette::describe_utf8_repair(3) == "repaired 3 invalid UTF-8 bytes");
    }

    TEST_CASE("remove_control_characters keeps tab and newline only") {
        std::string text =
            "a\x01"
            "b\tc\r\nd\x7F"
            "e\x1B[B";
        gazette::remove_control_characters(text);
        CHECK(text == "ab\tc\nde[B");
    }

    TEST_CASE("decode_character_references") {
        using gazette::decode_character_references;
        SUBCASE("named references") {
            CHECK(decode_character_references("&lt;VIA>") == "<VIA>");
            CHECK(decode_character_references("Market &amp; Opinion") == "Market & Opinion");
            CHECK(decode_character_references("&gt;&quot;&apos;") == ">\"'");
            CHECK(decode_character_references("&amp;lt;") == "&lt;");  // decoded once only
            CHECK(decode_character_references("caf&eacute;&nbsp;&mdash;&nbsp;&ldquo;x&rdquo;") ==
                  "caf\xC3\xA9 \xE2\x80\x94 \xE2\x80\x9Cx\xE2\x80\x9D");
            CHECK(decode_character_references("short&hyph;term&blank;rates") == "short-term rates");  // TREC FR
        }
        SUBCASE("numeric references") {
            CHECK(decode_character_references("&#65;&#x42;&#X43;") == "ABC");
            CHECK(decode_character_references("caf&#233;") == "caf\xC3\xA9");
            CHECK(decode_character_references("&#x1F4F0;") == "\xF0\x9F\x93\xB0");
        }
        SUBCASE("control characters become a space") {
            CHECK(decode_character_references("dlr&#127;untied") == "dlr untied");
            CHECK(decode_character_references("&#2;text&#3;") == " text ");
            CHECK(decode_character_references("A&#27;[B") == "A [B");
            CHECK(decode_character_references("&#5;&#30;&#150;") == "   ");
            CHECK(decode_character_references("&#0;&#xD800;&#1114112;") == "   ");  // not characters
        }
        SUBCASE("anything else is kept as written") {
            for (const char* text : {"AT & T", "&foo;", "&lt", "&#;", "&#12", "&#x;", "&#xZZ;", "&#12345678;", "&"}) {
                CAPTURE(text);
                CHECK(decode_character_references(text) == text);
            }
        }
    }

    TEST_CASE("is_ascii") {
        CHECK(gazette::is_ascii(""));
        CHECK(gazette::is_ascii("U.S. 1,000 o'neill"));
        CHECK_FALSE(gazette::is_ascii("Bogotá"));
        CHECK_FALSE(gazette::is_ascii("\x80"));
    }

    TEST_CASE("trim and collapse_whitespace") {
        CHECK(gazette::trim("  \t a b \n") == "a b");
        CHECK(gazette::trim(" \r\n ").empty());
        CHECK(gazette::collapse_whitespace("    SALVADOR,\n Feb  26 - ") == "SALVADOR, Feb 26 -");
        CHECK(gazette::collapse_whitespace("\t\n").empty());
    }

    TEST_CASE("clean_field and clean_body") {
        CHECK(gazette::clean_field(" JUNK\x05  AND\nNOISE ") == "JUNK AND NOISE");
        CHECK(gazette::clean_body("\x02\n  First line\n    indented\r\n \x03") == "First line\n    indented");
    }

}  // TEST_SUITE
