#pragma once
// The tables plan pages show and export (views/table.h): the task matrix in
// the plan appendix's layout, so an exported matrix imports back unchanged.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "plans/model.h"
#include "plans/province.h"
#include "views/table.h"

namespace cchc::plans {

// Unit code → name, for the matrix's unit columns.
using UnitNames = std::map<std::string, std::string>;

// STT · Mục tiêu · Nhiệm vụ/Hoạt động · Kết quả/Sản phẩm · Cơ quan chủ trì ·
// Cơ quan phối hợp · Thời gian hoàn thành, with an area row (I, II, …)
// before each area's tasks. With `states`, two more columns: Tình trạng
// and Tỷ lệ hoàn thành (as of the states' day).
views::Table matrix_table(const Plan& plan, const std::vector<Task>& tasks, const std::vector<Area>& areas,
                          const UnitNames& names, const std::vector<TaskState>* states = nullptr);

// The province view's tables (plans/province.h).
views::Table status_by_area_table(const ProvinceSummary& s, const std::vector<Area>& areas);
views::Table ranking_table(const ProvinceSummary& s, const UnitNames& names);
// Task descriptions link to /nhiem-vu/{id}.
views::Table overdue_table(const ProvinceSummary& s, const UnitNames& names);
// Units with overdue tasks × areas; cells shaded by count ("heat-1" … "heat-3").
// With `letter` (unit code → link), a last column links each unit's urging letter.
views::Table heat_table(const ProvinceSummary& s, const std::vector<Area>& areas, const UnitNames& names,
                        const std::function<std::string(const std::string&)>& letter = {});
views::Table trend_table(const std::vector<TrendPoint>& points);
// Charts of the same figures (views::chart_view configs).
nlohmann::json status_by_area_chart(const ProvinceSummary& s, const std::vector<Area>& areas);
nlohmann::json trend_chart(const std::vector<TrendPoint>& points);

// The positions of items in each area, areas in their configured order,
// areas with no item left out: how every matrix-shaped table and document
// groups its rows (an area row, then its tasks).
std::vector<std::pair<const Area*, std::vector<size_t>>> group_by_area(const std::vector<Area>& areas,
                                                                       const std::vector<std::string>& item_areas);

// An area's heading row of a matrix-shaped table: "I" and the area's name
// in the first two of `columns` cells.
std::vector<views::Cell> area_row(size_t columns, int number, const std::string& name);

// "I", "II", … "XX".
std::string roman(int n);

}  // namespace cchc::plans
