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

TEST_CASE("synonyms: a group as a query quotes its members of several words") {
    CHECK(group_query({"us", "united states", "usa"}) == "(us OR \"united states\" OR usa)");
}

TEST_CASE("synonyms: the members words spell, each where it starts") {
    const SynonymGroups groups{{"us", "united states", "usa"}, {"states rights", "federalism"}};
    const std::vector<SynonymMatch> found = synonyms_in({"troops", "united", "states", "rights", "", "us"}, groups);
    REQUIRE(found.size() == 6);
    CHECK(found[0].group == nullptr);
    CHECK(found[1].group == &groups[0]);
    CHECK(found[1].length == 2);
    CHECK(found[2].group == nullptr);  // inside "united states", not the start of "states rights"
    CHECK(found[3].group == nullptr);
    CHECK(found[4].group == nullptr);
    CHECK(found[5].group == &groups[0]);
    CHECK(found[5].length == 1);
}

TEST_CASE("synonyms: the words a member covers, read from the first word on") {
    const SynonymGroups groups{{"us", "united states", "usa"}, {"states rights", "federalism"}};
    const std::vector<std::string> words{"troops", "united", "states", "rights", "", "us"};
    // "united states" is found first, so "states rights" is not: as
    // synonyms_in finds them. "" (not a plain word) is never covered.
    CHECK(covered_by_synonyms(words, groups) == std::vector<bool>{false, true, true, false, false, true});
    CHECK(covered_by_synonyms({"states", "rights"}, groups) == std::vector<bool>{true, true});
}

}  // TEST_SUITE
