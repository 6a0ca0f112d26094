// The compiled period report of a plan: on the page, as a workbook, and as
// a Word draft in the Decree 30/2020 layout (compiled.h); and the
// urging letter of a unit's overdue tasks.
#include <fmt/format.h>

#include <memory>

#include "coordination/compiled.h"
#include "coordination/route_support.h"
#include "coordination/routes.h"
#include "core/calendar.h"
#include "core/errors.h"
#include "core/text.h"
#include "plans/page_rules.h"
#include "plans/periods.h"
#include "plans/store.h"

namespace cchc::coordination {

using nlohmann::json;

namespace compiled_pages {
namespace {

// The urging letter to a unit: its overdue tasks of a year's plans (?nam=,
// this year when absent or not a year), from the signed-in coordinator's
// unit, asking for a reply in 10 working days.
http::Response urging_letter(Pages& x, http::Request& req) {
  const auto& unit = req.params.at("unit");
  Date today = local_date(now_seconds());
  int year = plans::year_of_text(req.query_param("nam").value_or("")).value_or(int(today.year()));
  Date as_of = plans::view_day(year, today);
  std::vector<UnitRow> units;
  std::vector<TaskState> overdue;
  std::map<std::int64_t, std::string> numbers;
  x.db.read([&](db::Connection& c) {
    units = plans::unit_rows(c);
    for (const auto& p : plans::list_plans(c, year)) numbers[p.id] = p.number;
    for (auto& s : plans::states_as_of(plans::year_tasks(c, year), as_of)) {
      for (const auto& a : s.leads) {
        if (a.unit_code != unit || a.status != TaskStatus::overdue) continue;
        s.percent = a.percent;  // the unit's own share
        overdue.push_back(s);
      }
    }
  });
  auto names = names_of(units);
  if (!names.count(unit)) throw not_found("no such unit", "Không tìm thấy đơn vị.");
  const auto& cal = WorkCalendar::vietnam();
  Date reply_by = reply_due(as_of, 10, 14, cal);
  auto docx = urging_letter_docx(addressee_of(unit, units), overdue, numbers, year, as_of, reply_by,
                                 issuer_of(req.principal->unit_code, units), cal);
  return http::attachment(req, http::kDocxType, std::move(docx),
                          fmt::format("don-doc-{}-{}.docx", text::slug(unit), year));
}

// The period report: ?ky= a period, else compiled_period; ?dinh-dang=xlsx
// or docx for the files.
http::Response period_report(Pages& x, http::Request& req) {
  auto plan = need_plan(x.db, req.int_param());
  Date today = local_date(now_seconds());
  std::vector<Task> tasks;
  std::vector<Report> reports;
  std::vector<Area> areas;
  std::vector<UnitRow> units;
  std::vector<ReportPeriod> config;
  x.db.read([&](db::Connection& c) {
    tasks = plans::plan_tasks(c, plan.id);
    reports = plans::plan_reports(c, plan.id);
    areas = plans::load_areas(c);
    units = plans::unit_rows(c);
    config = plans::load_report_periods(c);
  });
  auto k = req.query_param("ky");
  PeriodOfYear period = k && !k->empty() ? period_of_key(config, *k, WorkCalendar::vietnam())
                                         : compiled_period(config, plan.year, today, WorkCalendar::vietnam());
  auto names = names_of(units);
  auto report = compile(plan, tasks, reports, config, period);
  std::string file = "bao-cao-" + text::slug(plan.number) + "-" + period.key;
  auto format = req.query_param("dinh-dang").value_or("");
  if (format == "xlsx") {
    return http::attachment(req, http::kXlsxType, views::to_xlsx({compiled_table(report, areas, names)}),
                            file + ".xlsx");
  }
  if (format == "docx") {
    return http::attachment(req, http::kDocxType, compiled_docx(report, areas, names, issuer_of(plan.unit_code, units)),
                            file + ".docx");
  }
  auto base = fmt::format("/ke-hoach/{}/bao-cao-ky?ky={}", plan.id, period.key);
  json data = {{"plan", {{"id", std::to_string(plan.id)}, {"number", plan.number}, {"title", plan.title}}},
               {"period",
                {{"key", period.key},
                 {"label", period.label},
                 {"last", format_date_vi(period.last)},
                 {"due", format_date_vi(period.due)}}},
               {"periods", period_options(config, plan.year + 1, today, period.key)},
               {"owed", text::format_int(report.owed)},
               {"reported", text::format_int(report.reported)},
               {"xlsx_href", base + "&dinh-dang=xlsx"},
               {"docx_href", base + "&dinh-dang=docx"},
               {"table", views::to_view(compiled_table(report, areas, names))}};
  return http::html(req, x.layout.page(req, "Báo cáo kết quả thực hiện " + plan.number, "plans/compiled.tpl", data));
}

void add(http::Router& router, std::shared_ptr<Pages> pages) {
  const http::RouteTo<Pages> routes[] = {
      {http::Verb::get, "/ke-hoach/don-doc/{unit}", "plans.manage", urging_letter},
      {http::Verb::get, "/ke-hoach/{id}/bao-cao-ky", "plans.read", period_report},
  };
  http::add_routes(router, std::move(pages), routes);
}

}  // namespace
}  // namespace compiled_pages

void add_compiled_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  compiled_pages::add(router, std::make_shared<Pages>(Pages{db, layout}));
}

}  // namespace cchc::coordination
