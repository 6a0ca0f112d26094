#pragma once
// The year's summary of inspections as tables (the page and the workbook
// show the same) and as Word documents in the Decree 30 layout: the
// announcement to a unit, and the year's report.
#include <string>
#include <utility>
#include <vector>

#include "db/database.h"
#include "inspections/model.h"
#include "views/decree30.h"
#include "views/table.h"

namespace cchc::inspections {

// Units inspected per level: units, inspected, share.
views::Table figures_table(const Figures& f, db::Database& db);
// Recommendations: recorded, fixed, fixed on time, open, overdue, with shares.
views::Table recommendations_table(const Figures& f);
// Every recommendation of the year not yet fixed, overdue first.
views::Table open_recommendations_table(db::Database& db, int year, Date day);

// "Thông báo kiểm tra công tác cải cách hành chính" to the unit: the day,
// the content (the plan's areas), the team, what to prepare, asked of the
// unit's head (to.head); a notice (Decree 30: no "Kính gửi:") names the
// unit among its recipients (to.body). Dated `sent_on`, never after `day`
// (the caller refuses a notice of a past day).
std::string announcement_docx(const views::Issuer& issuer, const views::Addressee& to, const Plan& plan, Date day,
                              Date sent_on, const std::vector<std::string>& areas,
                              const std::vector<std::pair<std::string, std::string>>& team);
// "Báo cáo kết quả kiểm tra công tác cải cách hành chính năm …": the
// figures, every unit inspected, the recommendations still open.
std::string summary_report_docx(db::Database& db, int year, Date day, const views::Issuer& issuer);

}  // namespace cchc::inspections
