// Search results (and comparisons) as CSV (RFC 4180) for spreadsheets:
// newssearch --format csv.
//
// Each table starts with a header row: the hits (one row a hit), then each
// feature's (searcher/feature_output.h: the facets facet,value,count, the
// timeline period,count,all,share, the characteristic terms
// term,weight,matches,archive), in registry order, those asked for and not
// empty, separated by an empty line. Ask for one table (-n 0 --timeline,
// say) to get a file a spreadsheet opens as is.
#pragma once

#include "searcher/output.h"
#include "searcher/searcher.h"

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

// One CSV record: fields quoted when they hold a comma, a quote or a line
// break (quotes doubled), ended by CRLF as RFC 4180 says.
std::string csv_record(const std::vector<std::string>& fields);

// `value` as printf's `format` ("%.6g") prints it.
std::string csv_decimal(double value, const char* format);

// "rank,id,score,date,source,title,copies_hidden,snippet", then the columns
// the features add when `first`, the table's first hit, has them (--pickup:
// copies,first_date,outlets).
std::string hits_csv_header(const Hit* first = nullptr);
// With the features' fields that the hit has.
std::string hit_csv_record(const Hit& hit);

// The hits' table holds the articles, or the rows of a feature's `layout`
// (--kwic: their keywords in context) when it is not null.
void print_csv(std::ostream& out, const SearchResults& results, const HitLayout* layout);

// A comparison (newssearch --compare --format csv) as two tables: one row a
// query, "label,query,count,all,share,overlap:LABEL..." (the articles it
// shares with each query), then one row a period, "PERIOD,LABEL...".
void print_comparison_csv(std::ostream& out, const Comparison& comparison);

}  // namespace gazette
