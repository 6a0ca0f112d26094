#pragma once
// The compiled period report (báo cáo kết quả thực hiện kế hoạch): a plan's
// tasks as the unit reports of one period tell them (docs/plans.md,
// "Compiled report"), as a table (page and XLSX) and as a Word draft in the
// Decree 30/2020/NĐ-CP layout that an official edits before signing.
#include <map>
#include <string>
#include <vector>

#include "coordination/model.h"
#include "core/calendar.h"
#include "plans/province.h"
#include "views/decree30.h"
#include "views/docx.h"
#include "views/table.h"

namespace cchc::coordination {

struct CompiledTask {
  TaskState state;                   // state_for_period
  std::vector<Report> reports;       // this period's, leads first
  std::vector<std::string> missing;  // lead units owing this period's report that have not made it
  std::vector<std::string> late;     // units whose report of this period came after its due day
  // This period's reports that do not count (not yet accepted, or returned):
  // shown as such, never in the figures nor the narratives.
  std::vector<Report> unreviewed;
};

struct CompiledReport {
  Plan plan;
  PeriodOfYear period;
  std::vector<CompiledTask> tasks;  // in matrix order
  plans::StatusCounts counts;
  int owed = 0, reported = 0;  // lead reports owed this period, and made (and counted)
  int unreviewed = 0;          // this period's reports that do not count yet
};

// The period a plan's compiled report shows when none is asked for: the
// current one when its last day falls in the plan's year, else the plan
// year's last; invalid_input when that year has no periods.
PeriodOfYear compiled_period(const std::vector<ReportPeriod>& config, int plan_year, Date today,
                             const WorkCalendar& calendar);

// `reports`: every report on the plan's tasks (any period).
CompiledReport compile(const Plan& plan, const std::vector<Task>& tasks, const std::vector<Report>& reports,
                       const std::vector<ReportPeriod>& config, const PeriodOfYear& period);

// STT · Nhiệm vụ · Kết quả/Sản phẩm · Cơ quan chủ trì · Thời gian hoàn thành
// · Tình trạng · Tỷ lệ hoàn thành · Kết quả thực hiện trong kỳ · Ghi chú,
// with area rows.
views::Table compiled_table(const CompiledReport& r, const std::vector<Area>& areas,
                            const std::map<std::string, std::string>& names);

// The Decree 30 blocks (views/decree30.h).
using views::decree30_footer;
using views::decree30_header;
using views::Issuer;

// The urging letter (văn bản đôn đốc) to a unit ("Kính gửi: <to.body>.")
// listing its overdue tasks as of `as_of`, each with the working days it is
// overdue (working_days_overdue on `calendar`, as the work list counts),
// asking its head (to.head) to have them done and reported by `reply_by`.
std::string urging_letter_docx(const views::Addressee& to, const std::vector<TaskState>& overdue,
                               const std::map<std::int64_t, std::string>& plan_numbers, int year, Date as_of,
                               Date reply_by, const Issuer& issuer, const WorkCalendar& calendar);

// The .docx draft: national title and motto beside the issuing body, "Số:
// …/BC-…" left blank to fill, place and date left to fill, the title, the
// body by area (each task with its status and the units' narratives), the
// shortcomings (overdue and unreported), a section for the next period to
// write, recipients (a report has no "Kính gửi:", so no "Như trên": a line
// for the drafter to name them) and the signature block.
std::string compiled_docx(const CompiledReport& r, const std::vector<Area>& areas,
                          const std::map<std::string, std::string>& names, const Issuer& issuer);

}  // namespace cchc::coordination
