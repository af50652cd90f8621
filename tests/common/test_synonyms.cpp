// Synonym groups: reading them, and rewriting queries with them.
#include "common/synonyms.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <fstream>

using namespace gazette;

TEST_SUITE("common") {

TEST_CASE("synonyms: groups are folded like text, and a line with one member is an error") {
    auto file = test::scratch_dir("synonyms") / "groups.txt";
    std::ofstream(file) << "# comment\nUS, U.S., United States, USA\n\nlonely\nCocoa ,cacao\n";
    Analyzer analyzer;
    std::vector<std::string> errors;
    SynonymGroups groups =
        read_synonym_groups(file, analyzer, [&errors](const Diagnostic& d) { errors.push_back(d.to_string()); });
    CHECK(groups == SynonymGroups{{"us", "united states", "usa"}, {"cocoa", "cacao"}});
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == file.string() + ":4: error: a synonym group needs two different members: 'lonely'");
    CHECK(parse_synonym_groups(serialise(groups)) == groups);
}

TEST_CASE("synonyms: a member standing as plain words becomes its whole group") {
    const SynonymGroups groups{{"us", "united states", "usa"}, {"cocoa", "cacao"}};
    struct Case {
        const char* folded;
        const char* expanded;
    };
    const Case cases[] = {
        {"us troops", "(us OR \"united states\" OR usa) troops"},
        {"troops of the united states army", "troops of the (us OR \"united states\" OR usa) army"},
        {"cacao AND usa", "(cocoa OR cacao) AND (us OR \"united states\" OR usa)"},
        {"\"united states\" cocoa", "\"united states\" (cocoa OR cacao)"},  // a phrase stays a phrase
        {"\"cocoa prices\"", "\"cocoa prices\""},
        {"place:usa -us +cocoa", "place:usa -us +cocoa"},  // fields and +/- are left alone
        {"united kingdom", "united kingdom"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.folded);
        CHECK(expand_synonyms(c.folded, groups) == c.expanded);
    }
}

TEST_CASE("synonyms: the words a member covers, read from the first word on") {
    const SynonymGroups groups{{"us", "united states", "usa"}, {"states rights", "federalism"}};
    const std::vector<std::string> words{"troops", "united", "states", "rights", "", "us"};
    // "united states" is found first, so "states rights" is not: as
    // expand_synonyms writes it. "" (not a plain word) is never covered.
    CHECK(covered_by_synonyms(words, groups) == std::vector<bool>{false, true, true, false, false, true});
    CHECK(covered_by_synonyms({"states", "rights"}, groups) == std::vector<bool>{true, true});
}

}  // TEST_SUITE
