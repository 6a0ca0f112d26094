#pragma once
// Reading a task matrix (the plan's appendix) and resolving its unit names.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "plans/model.h"
#include "plans/names.h"

namespace cchc::plans {

//
// The layout of the plan appendix: a header row naming the columns (STT,
// Mục tiêu, Nhiệm vụ/Hoạt động, Kết quả/Sản phẩm, Cơ quan chủ trì, Cơ quan
// phối hợp, Thời gian hoàn thành; with or without diacritics, in any
// order; Mục tiêu and Kết quả may be missing), then rows:
//   - an area row: STT a Roman numeral (I, II, …) and an area name in the
//     next cells, matched to the reform areas by similarity;
//   - a group row: text in STT and one other cell only (a sub-heading),
//     kept as the objective of the rows below when they have none;
//   - a task row: a task description. An empty Mục tiêu cell repeats the
//     one above (merged cells), within the same area.
// A deadline cell holding an Excel day number (a date-formatted cell) is
// read as that date. Rows before the header are skipped (titles).

struct MatrixRow {
  int line = 0;  // 1-based row of the sheet or file
  std::string ref;
  std::string area_code;
  std::string objective;
  std::string description;
  std::string output;
  std::string lead_cell, cooperate_cell;
  std::string deadline_text;
  std::optional<Deadline> deadline;
  std::vector<std::string> leads, cooperates;  // unit codes, once resolved
};

struct MatrixRead {
  std::vector<MatrixRow> rows;
  std::vector<LineError> errors;  // header missing, unknown area, …
};

using Grid = std::vector<std::pair<int, std::vector<std::string>>>;  // (line, cells)

MatrixRead read_matrix(const Grid& grid, const std::vector<Area>& areas);

// A unit name of the matrix not matched to one unit or level group.
struct UnresolvedName {
  std::string name;
  std::vector<int> lines;
  bool ambiguous = false;
  std::vector<std::string> candidates;  // unit codes, best first
};

// How a user resolved names (by unit_key of the name as written): a unit
// code, or "level:<code>" for every unit of a level.
using Resolutions = std::map<std::string, std::string>;

// Fills each row's leads and cooperates from its cells. A name is resolved
// by `resolutions` first, then by the matcher; what neither resolves is
// returned, in the order first met. A resolution naming no unit the matcher
// knows (nor a level with units) resolves nothing.
std::vector<UnresolvedName> resolve_units(std::vector<MatrixRow>& rows, const UnitMatcher& matcher,
                                          const Resolutions& resolutions);

// The area a heading names ("Cải cách thủ tục hành chính", "CAI CACH TTHC"),
// or nullopt.
std::optional<std::string> match_area(std::string_view heading, const std::vector<Area>& areas);

}  // namespace cchc::plans
