#pragma once
// A criteria set as a worksheet, to export and import (XLSX): a caption
// row, then a header row, then one criterion per row:
//   Mã | Mã cha | Tên tiêu chí | Hướng dẫn | Điểm tối đa | Điểm tối thiểu |
//   Cách chấm | Bước điểm | Các mức | Chỉ số | Bắt buộc minh chứng
// "Cách chấm" is a rule code (manual, yes_no, tiers, indicator); "Các
// mức" lists tiers as "90:2; 70:1" (from value: points); "Bắt buộc minh
// chứng" is "x" or empty. Headers are found by their folded names, in any
// column order; rows above the header are skipped.
#include <string>

#include "assessments/model.h"
#include "core/xlsx.h"
#include "views/table.h"

namespace cchc::assessments {

views::Table set_table(const CriteriaSet& set);
// The set's code, name and level come from the caller (the form or the
// command line). Throws invalid_input naming the row for a cell it cannot
// read; the set's rules are check_set's.
CriteriaSet set_from_rows(const xlsx::Rows& rows, const std::string& code, const std::string& name,
                          const std::string& level);

}  // namespace cchc::assessments
