// Stop words: the function words that carry no topic ("the", "of", "which").
// Queries drop them (a verbose topic such as "NUMBER OF TROOPS THE UNITED
// STATES HAS STATIONED..." would otherwise rank on "the" and "has"), and query
// expansion never picks them. Articles keep them, so phrases still match.
#pragma once

#include <string_view>

#include <xapian.h>

namespace gazette {

// The stopper for an ISO 639-1 language; empty (stops nothing) for a language
// without a list. English uses the Snowball project's English stop list.
const Xapian::Stopper& stopper_for(std::string_view language);

}  // namespace gazette
