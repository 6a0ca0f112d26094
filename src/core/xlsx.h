#pragma once
// Reading the first worksheet of an XLSX workbook (Office Open XML, ECMA-376
// part 1 §18) as rows of text cells: libzip opens the package, expat reads
// the parts. Shared and inline strings become their text (rich-text runs
// joined, phonetic runs left out); numbers, booleans and formula results
// their stored value as written ("45463", "0.5"); merged cells only in their
// top-left cell. Rows keep their sheet row number; columns their position
// (A = 0), with empty cells as "".
//
// Limits, because the file comes from a user: at most 20 MiB uncompressed
// per part, 20,000 rows, 32 767 characters (98 301 bytes) a cell and 20 MiB
// of cell text in all, shared strings counted in every cell that names
// them (beyond any, or for a file that is not a workbook: invalid_input);
// cells right of the 100th column are left out; a reference past column
// XFD is malformed.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cchc::xlsx {

using Rows = std::vector<std::pair<int, std::vector<std::string>>>;

Rows read_first_sheet(std::string_view bytes);

// Whether the bytes start like a ZIP package (an XLSX) rather than text.
bool looks_like_zip(std::string_view bytes);

}  // namespace cchc::xlsx
