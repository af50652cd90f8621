// Stored document data: what the indexer writes, the searcher reads back whole.
#include "common/document.h"

#include <doctest/doctest.h>

using namespace gazette;

TEST_SUITE("common") {

TEST_CASE("document data: every shown field survives the round trip") {
    Article article;
    article.id = "reut2-000/17";
    article.title = "Talks in \"Bogotá\"\n";
    article.body = "Line one\\\nLine two\ttabbed \x01 control";
    article.date = Date{1987, 3, 5};
    article.source = "Reuters";
    article.location = "SALVADOR";
    article.byline = "by Jane Doe";
    article.url = "https://example.org/a?b=c&d";
    article.language = "es";
    article.topics = {"cocoa", "coffee"};
    article.places = {"el-salvador"};
    article.origin.file = "corpus/sample/reut2-000.sgm";
    article.origin.line = 1234;

    DocumentDataDecoder decoder;
    Article back = decoder.decode(encode_document_data(article));
    CHECK(back.id == article.id);
    CHECK(back.title == article.title);
    CHECK(back.body == article.body);
    REQUIRE(back.date.has_value());
    CHECK(*back.date == *article.date);
    CHECK(back.source == article.source);
    CHECK(back.location == article.location);
    CHECK(back.byline == article.byline);
    CHECK(back.url == article.url);
    CHECK(back.language == article.language);
    CHECK(back.topics == article.topics);
    CHECK(back.places == article.places);
    CHECK(back.origin.file == article.origin.file);
    CHECK(back.origin.line == 1234);  // issue 17: newssearch --show cites file and line
}

TEST_CASE("document data: data that is not ours is an error, not a crash") {
    DocumentDataDecoder decoder;
    CHECK_THROWS(decoder.decode("not json"));
}

}  // TEST_SUITE
