#pragma once
// The compiled period report (báo cáo kết quả thực hiện kế hoạch): a plan's
// tasks as the unit reports of one period tell them (docs/plans.md,
// "Compiled report"), as a table (page and XLSX) and as a Word draft in the
// Decree 30/2020/NĐ-CP layout that an official edits before signing.
#include <map>
#include <string>
#include <vector>

#include "plans/model.h"
#include "plans/province.h"
#include "views/table.h"

namespace cchc::plans {

struct CompiledTask {
  TaskState state;                  // state_for_period
  std::vector<Report> reports;      // this period's, leads first
  std::vector<std::string> missing; // lead units owing this period's report that have not made it
  std::vector<std::string> late;    // units whose report of this period came after its due day
};

struct CompiledReport {
  Plan plan;
  PeriodOfYear period;
  std::vector<CompiledTask> tasks;  // in matrix order
  StatusCounts counts;
  int owed = 0, reported = 0;       // lead reports owed this period, and made
};

// `reports`: every report on the plan's tasks (any period).
CompiledReport compile(const Plan& plan, const std::vector<Task>& tasks, const std::vector<Report>& reports,
                       const std::vector<ReportPeriod>& config, const PeriodOfYear& period);

// STT · Nhiệm vụ · Kết quả/Sản phẩm · Cơ quan chủ trì · Thời gian hoàn thành
// · Tình trạng · Tỷ lệ hoàn thành · Kết quả thực hiện trong kỳ · Ghi chú,
// with area rows.
views::Table compiled_table(const CompiledReport& r, const std::vector<Area>& areas,
                            const std::map<std::string, std::string>& names);

struct Issuer {
  std::string parent;  // "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI", or "" for the province itself
  std::string body;    // "SỞ NỘI VỤ" / "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI"
  std::string symbol;  // the number's symbol part: "BC-UBND", "BC-SNV"
  std::string place;   // "Đồng Nai"
};

// The .docx draft: national title and motto beside the issuing body, "Số:
// …/BC-…" left blank to fill, place and date left to fill, the title, the
// body by area (each task with its status and the units' narratives), the
// shortcomings (overdue and unreported), a section for the next period to
// write, recipients and the signature block.
std::string compiled_docx(const CompiledReport& r, const std::vector<Area>& areas,
                          const std::map<std::string, std::string>& names, const Issuer& issuer);

}  // namespace cchc::plans
