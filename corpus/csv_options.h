// How CSV and TSV files are read (corpus/csv_reader.h): which columns fill
// which article fields, and the dialect when it should not be detected. JSON
// Lines (corpus/jsonl_reader.h) maps its keys to fields with the same names
// and --columns.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

// The article fields a column can fill.
enum class CsvField { id, title, body, date, source, url, byline, language, location, topic, place };

struct CsvFieldName {
    CsvField field;
    std::string_view name;
};

// The one table of field names: --columns, --help and error messages use it.
std::span<const CsvFieldName> csv_field_names();

// The header names and JSON keys (lower case) that fill `field` when
// --columns is not given, the first found first: "title", "headline", "heading".
std::vector<std::string_view> usual_names(CsvField field);

enum class CsvHeader { first_row, none };

// FIELD=COLUMN: COLUMN is a header name, or a 1-based number.
struct CsvColumn {
    CsvField field;
    std::string column;
};

struct CsvOptions {
    std::optional<char> separator;  // detected when absent
    std::optional<char> quote;      // detected when absent
    CsvHeader header = CsvHeader::first_row;
    std::vector<CsvColumn> columns;  // empty: by the header's names
};

// "title=headline,body=content" -> columns; throws std::invalid_argument
// naming the bad part.
std::vector<CsvColumn> parse_csv_columns(std::string_view text);

}  // namespace gazette
