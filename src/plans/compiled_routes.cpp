// The compiled period report of a plan: on the page, as a workbook, and as
// a Word draft in the Decree 30/2020 layout (plans/compiled.h).
#include <fmt/format.h>

#include "core/calendar.h"
#include "core/errors.h"
#include "core/parse.h"
#include "core/text.h"
#include "plans/compiled.h"
#include "plans/route_support.h"
#include "plans/routes.h"
#include "plans/store.h"

namespace cchc::plans {

using nlohmann::json;

void add_compiled_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  // The urging letter to a unit: its overdue tasks of a year's plans, from
  // the signed-in coordinator's unit.
  router.add(http::Verb::get, "/ke-hoach/don-doc/{unit}", "plans.manage", [&db](http::Request& req) {
    const auto& unit = req.params.at("unit");
    Date today = local_date(now_seconds());
    int year = int(today.year());
    if (auto y = req.query_param("nam"); y && y->size() == 4) {
      if (auto parsed = parse_int<int>(*y); parsed && *parsed >= 1000) year = *parsed;
    }
    Date as_of = int(today.year()) > year ? Date{std::chrono::year{year} / std::chrono::December / 31} : today;
    std::vector<UnitRow> units;
    std::vector<TaskState> overdue;
    std::map<std::int64_t, std::string> numbers;
    db.read([&](db::Connection& c) {
      units = unit_rows(c);
      for (const auto& p : list_plans(c, year)) numbers[p.id] = p.number;
      for (auto& s : states_as_of(year_tasks(c, year), as_of)) {
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
    Date reply_by = cal.covers(as_of) ? cal.add_working_days(as_of, 10)
                                      : Date{std::chrono::sys_days{as_of} + std::chrono::days{14}};
    auto docx = urging_letter_docx(addressee_of(unit, units), overdue, numbers, year, as_of, reply_by,
                                   issuer_of(req.principal->unit_code, units), cal);
    return http::attachment(req, http::kDocxType, std::move(docx),
                            fmt::format("don-doc-{}-{}.docx", text::slug(unit), year));
  });

  router.add(http::Verb::get, "/ke-hoach/{id}/bao-cao-ky", "plans.read", [&db, &layout](http::Request& req) {
    auto plan = need_plan(db, req.int_param());
    Date today = local_date(now_seconds());
    std::vector<Task> tasks;
    std::vector<Report> reports;
    std::vector<Area> areas;
    std::vector<UnitRow> units;
    std::vector<ReportPeriod> config;
    db.read([&](db::Connection& c) {
      tasks = plan_tasks(c, plan.id);
      reports = plan_reports(c, plan.id);
      areas = load_areas(c);
      units = unit_rows(c);
      config = load_report_periods(c);
    });
    // The period: ?ky=, else the current one when it is of the plan's year,
    // else the plan year's last.
    PeriodOfYear period;
    if (auto k = req.query_param("ky"); k && !k->empty()) {
      period = period_of_key(config, *k, WorkCalendar::vietnam());
    } else {
      auto all = periods_of_year(config, plan.year, WorkCalendar::vietnam());
      if (all.empty()) throw invalid_input("no reporting periods are configured", "Chưa cấu hình kỳ báo cáo.");
      period = all.back();
      auto current = current_period(config, today, WorkCalendar::vietnam());
      if (int(current.last.year()) == plan.year) period = current;
    }
    auto names = names_of(units);
    auto report = compile(plan, tasks, reports, config, period);
    std::string file = "bao-cao-" + text::slug(plan.number) + "-" + period.key;
    auto format = req.query_param("dinh-dang").value_or("");
    if (format == "xlsx") {
      return http::attachment(req, http::kXlsxType, views::to_xlsx({compiled_table(report, areas, names)}),
                              file + ".xlsx");
    }
    if (format == "docx") {
      return http::attachment(req, http::kDocxType,
                              compiled_docx(report, areas, names, issuer_of(plan.unit_code, units)), file + ".docx");
    }

    auto periods = period_options(config, plan.year + 1, today, period.key);
    auto base = fmt::format("/ke-hoach/{}/bao-cao-ky?ky={}", plan.id, period.key);
    json data = {{"plan", {{"id", std::to_string(plan.id)}, {"number", plan.number}, {"title", plan.title}}},
                 {"period",
                  {{"key", period.key},
                   {"label", period.label},
                   {"last", format_date_vi(period.last)},
                   {"due", format_date_vi(period.due)}}},
                 {"periods", periods},
                 {"owed", text::format_int(report.owed)},
                 {"reported", text::format_int(report.reported)},
                 {"xlsx_href", base + "&dinh-dang=xlsx"},
                 {"docx_href", base + "&dinh-dang=docx"},
                 {"table", views::to_view(compiled_table(report, areas, names))}};
    return http::html(req, layout.page(req, "Báo cáo kết quả thực hiện " + plan.number, "plans/compiled.tpl", data));
  });
}

}  // namespace cchc::plans
