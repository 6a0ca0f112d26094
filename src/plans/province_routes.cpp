// The province view: every task of a year's plans by status, area and
// unit; the overdue list; units × areas; units ranked by on-time
// completion; the trend across reporting periods (plans/province.h).
#include <fmt/format.h>

#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "core/calendar.h"
#include "core/errors.h"
#include "core/parse.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "http/middleware.h"
#include "plans/province.h"
#include "plans/route_support.h"
#include "plans/routes.h"
#include "plans/store.h"
#include "plans/tables.h"

namespace cchc::plans {

using nlohmann::json;

namespace {

int year_param(const http::Request& req, Date today) {
  auto y = req.query_param("nam");
  if (!y || y->empty()) return int(today.year());
  auto year = y->size() == 4 ? parse_int<int>(*y) : std::nullopt;
  if (!year || *year < 1000) throw invalid_input("nam must be YYYY", "Năm không hợp lệ.");
  return *year;
}

// The year's tasks and reports as last read, per year, kept while the plan
// data version stands (plans::data_version): the view then only derives.
class YearCache {
 public:
  std::shared_ptr<const YearTasks> get(db::Database& db, int year) {
    auto version = db.read([](db::Connection& c) { return data_version(c); });
    {
      std::lock_guard lock(mutex_);
      auto it = years_.find(year);
      if (it != years_.end() && it->second.first == version) return it->second.second;
    }
    auto fresh = std::make_shared<const YearTasks>(db.read([&](db::Connection& c) { return year_tasks(c, year); }));
    std::lock_guard lock(mutex_);
    years_[year] = {version, fresh};
    return fresh;
  }

 private:
  std::mutex mutex_;
  std::map<int, std::pair<std::int64_t, std::shared_ptr<const YearTasks>>> years_;
};

constexpr size_t kOverdueOnPage = 100;

}  // namespace

void add_province_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  auto cache = std::make_shared<YearCache>();
  router.add(http::Verb::get, "/ke-hoach/tong-hop", "plans.read", [&db, &layout, cache](http::Request& req) {
    Date today = local_date(now_seconds());
    int year = year_param(req, today);
    // The view is as of today, or the year's last day for a past year.
    Date as_of = int(today.year()) > year ? Date{std::chrono::year{year} / std::chrono::December / 31} : today;
    auto data_ptr = cache->get(db, year);
    const YearTasks& data = *data_ptr;
    std::vector<Area> areas;
    std::vector<UnitRow> units;
    std::vector<Plan> plans;
    std::vector<ReportPeriod> config;
    db.read([&](db::Connection& c) {
      areas = load_areas(c);
      units = unit_rows(c);
      plans = list_plans(c, year);
      config = load_report_periods(c);
    });
    Filters f;
    if (auto p = req.query_param("ke-hoach"); p && !p->empty()) {
      if (p->size() > 12 || p->find_first_not_of("0123456789") != std::string::npos) {
        throw invalid_input("bad plan", "Kế hoạch không hợp lệ.");
      }
      f.plan_id = std::stoll(*p);
    }
    f.area = req.query_param("linh-vuc").value_or("");
    auto unit = req.query_param("don-vi").value_or("");
    if (!unit.empty()) f.lead_units = subtree_codes(units, unit);

    auto names = names_of(units);
    auto states = filtered(states_as_of(data, as_of), f);
    auto summary = summarize(states, as_of, names);
    std::vector<TrendPoint> trend;
    for (const auto& p : periods_of_year(config, year, WorkCalendar::vietnam())) {
      if (std::chrono::sys_days{p.last} >= std::chrono::sys_days{as_of}) break;
      trend.push_back({"Đến " + format_date_vi(p.last) + " (" + p.label + ")", p.last,
                       count_as_of(data, p.last, [&](const Task& t) { return passes(t, f); })});
    }
    trend.push_back({"Đến " + format_date_vi(as_of), as_of, summary.by_status});

    auto by_area = status_by_area_table(summary, areas);
    auto ranking = ranking_table(summary, names);
    auto overdue = overdue_table(summary, names);
    auto heat = heat_table(summary, areas, names);
    auto trend_t = trend_table(trend);
    if (req.query_param("dinh-dang") == "xlsx") {
      // Each sheet says what it covers: the year, the day, the filters.
      std::vector<std::string> about = {fmt::format("Nhiệm vụ của các kế hoạch năm {}", year),
                                        "Tình trạng đến ngày " + format_date_vi(as_of)};
      if (f.plan_id) {
        for (const auto& p : plans) {
          if (p.id == *f.plan_id) about.push_back("Kế hoạch số " + p.number);
        }
      }
      for (const auto& a : areas) {
        if (a.code == f.area) about.push_back("Lĩnh vực: " + a.name);
      }
      if (!unit.empty()) {
        auto n = names.find(unit);
        about.push_back("Đơn vị chủ trì: " + (n == names.end() ? unit : n->second) + " và các đơn vị trực thuộc");
      }
      std::vector<views::Table> tables = {by_area, ranking, overdue, heat, trend_t};
      for (auto& t : tables) t.subtitle = about;
      return http::attachment(req, http::kXlsxType, views::to_xlsx(tables),
                              fmt::format("tong-hop-ke-hoach-{}.xlsx", year));
    }

    // The page lists the longest overdue; the workbook has them all.
    size_t overdue_total = overdue.rows.size();
    if (overdue.rows.size() > kOverdueOnPage) {
      overdue.rows.resize(kOverdueOnPage);
      overdue.caption += fmt::format(" ({} nhiệm vụ quá hạn lâu nhất trong {}; tải Excel để xem đủ)", kOverdueOnPage,
                                     text::format_int(std::int64_t(overdue_total)));
    }
    bool can_urge =
        req.principal && directory::province_wide(*req.principal) && directory::holds(*req.principal, "plans.manage");
    json years = json::array();
    for (int y = int(today.year()) + 1; y >= int(today.year()) - 4; --y) {
      years.push_back({{"value", std::to_string(y)}, {"selected", y == year}});
    }
    json plan_options = json::array();
    for (const auto& p : plans) {
      plan_options.push_back({{"id", std::to_string(p.id)},
                              {"label", p.number + " — " + p.title},
                              {"selected", f.plan_id && *f.plan_id == p.id}});
    }
    json area_options = json::array();
    for (const auto& a : areas)
      area_options.push_back({{"code", a.code}, {"name", a.name}, {"selected", a.code == f.area}});
    std::string xlsx_href = "/ke-hoach/tong-hop?";
    for (const auto& [k, v] : req.query) {
      if (k != "dinh-dang") xlsx_href += http::url_encode(k) + "=" + http::url_encode(v) + "&";
    }
    json page = {
        {"year", std::to_string(year)},
        {"as_of", format_date_vi(as_of)},
        {"years", years},
        {"plans", plan_options},
        {"areas", area_options},
        {"units", unit_options(units, unit)},
        {"total", text::format_int(std::int64_t(states.size()))},
        {"overdue_count", text::format_int(std::int64_t(summary.overdue.size()))},
        {"charts", true},
        {"area_chart",
         views::chart_view(status_by_area_chart(summary, areas), "Biểu đồ nhiệm vụ theo lĩnh vực", by_area.caption)},
        {"trend_chart", views::chart_view(trend_chart(trend), "Biểu đồ tình trạng qua các kỳ", trend_t.caption)},
        {"by_area", views::to_view(by_area)},
        {"ranking", views::to_view(ranking)},
        {"overdue", views::to_view(overdue)},
        {"heat", views::to_view(can_urge ? heat_table(summary, areas, names,
                                                      [&](const std::string& code) {
                                                        return fmt::format("/ke-hoach/don-doc/{}?nam={}",
                                                                           http::url_encode(code), year);
                                                      })
                                         : heat)},
        {"trend", views::to_view(trend_t)},
        {"xlsx_href", xlsx_href + "dinh-dang=xlsx"}};
    return http::html(req, layout.page(req, "Tình hình thực hiện kế hoạch", "plans/province.tpl", page));
  });
}

}  // namespace cchc::plans
