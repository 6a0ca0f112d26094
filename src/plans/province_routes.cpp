// The province view: every task of a year's plans by status, area and
// unit; the overdue list; units × areas; units ranked by on-time
// completion; the trend across reporting periods (plans/province.h);
// the same tables as a workbook.
#include <fmt/format.h>

#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "core/calendar.h"
#include "core/errors.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "http/middleware.h"
#include "plans/page_rules.h"
#include "plans/periods.h"
#include "plans/province.h"
#include "plans/route_support.h"
#include "plans/routes.h"
#include "plans/store.h"
#include "plans/tables.h"

namespace cchc::plans {

using nlohmann::json;

namespace province_pages {
namespace {

// ?nam=YYYY, else this year.
int year_param(const http::Request& req, Date today) {
  auto y = req.query_param("nam");
  if (!y || y->empty()) return int(today.year());
  auto year = year_of_text(*y);
  if (!year) throw invalid_input("nam must be YYYY", "Năm không hợp lệ.");
  return *year;
}

// The year's tasks and reports per year, as last read (plans::YearTasks,
// standing at a data version): while no plan write follows, the view only
// derives from them; after writes, `refreshed` reads again only what they
// changed, on a copy, so a request still deriving from the one held before
// is unaffected. Two requests after a write may both refresh; the later
// version is kept.
class YearCache {
 public:
  std::shared_ptr<const YearTasks> get(db::Database& db, int year) {
    std::shared_ptr<const YearTasks> held;
    {
      std::lock_guard lock(mutex_);
      if (auto it = years_.find(year); it != years_.end()) held = it->second;
    }
    return db.read([&](db::Connection& c) {
      if (held && still_current(c, *held)) return held;
      auto fresh = std::make_shared<const YearTasks>(held ? refreshed(c, *held) : year_tasks(c, year));
      std::lock_guard lock(mutex_);
      auto& kept = years_[year];
      if (!kept || kept->version <= fresh->version) kept = fresh;
      return fresh;
    });
  }

 private:
  std::mutex mutex_;
  std::map<int, std::shared_ptr<const YearTasks>> years_;
};

struct ProvincePages {
  db::Database& db;
  views::Layout& layout;
  std::shared_ptr<YearCache> cache;
};

constexpr size_t kOverdueOnPage = 100;

// What the view covers: ?ke-hoach= a plan, ?linh-vuc= an area, ?don-vi= a
// unit and those below it (as leads).
Filters filters_of(const http::Request& req, const std::vector<UnitRow>& units) {
  Filters f;
  if (auto p = req.query_param("ke-hoach"); p && !p->empty()) {
    f.plan_id = id_of_text(*p);
    if (!f.plan_id) throw invalid_input("bad plan", "Kế hoạch không hợp lệ.");
  }
  f.area = req.query_param("linh-vuc").value_or("");
  auto unit = req.query_param("don-vi").value_or("");
  if (!unit.empty()) f.lead_units = subtree_codes(units, unit);
  return f;
}

// The view's reads: what the year's plans are made of.
struct YearFacts {
  std::vector<Area> areas;
  std::vector<UnitRow> units;
  std::vector<Plan> plans;
  std::vector<ReportPeriod> config;
};

// The counts at the end of each period of the year that ended before
// `as_of`, then as of `as_of`.
std::vector<TrendPoint> trend_of(const YearTasks& data, const YearFacts& facts, int year, Date as_of, const Filters& f,
                                 const StatusCounts& now) {
  std::vector<TrendPoint> trend;
  for (const auto& p : periods_of_year(facts.config, year, WorkCalendar::vietnam())) {
    if (std::chrono::sys_days{p.last} >= std::chrono::sys_days{as_of}) break;
    trend.push_back({"Đến " + format_date_vi(p.last) + " (" + p.label + ")", p.last,
                     count_as_of(data, p.last, [&](const Task& t) { return passes(t, f); })});
  }
  trend.push_back({"Đến " + format_date_vi(as_of), as_of, now});
  return trend;
}

// Each sheet says what it covers: the year, the day, the filters.
std::vector<std::string> workbook_about(const YearFacts& facts, int year, Date as_of, const Filters& f,
                                        const std::string& unit, const std::map<std::string, std::string>& names) {
  std::vector<std::string> about = {fmt::format("Nhiệm vụ của các kế hoạch năm {}", year),
                                    "Tình trạng đến ngày " + format_date_vi(as_of)};
  if (f.plan_id) {
    for (const auto& p : facts.plans) {
      if (p.id == *f.plan_id) about.push_back("Kế hoạch số " + p.number);
    }
  }
  for (const auto& a : facts.areas) {
    if (a.code == f.area) about.push_back("Lĩnh vực: " + a.name);
  }
  if (!unit.empty()) {
    auto n = names.find(unit);
    about.push_back("Đơn vị chủ trì: " + (n == names.end() ? unit : n->second) + " và các đơn vị trực thuộc");
  }
  return about;
}

// The page's pickers: years, plans, areas.
json year_options(int year, Date today) {
  json years = json::array();
  for (int y = int(today.year()) + 1; y >= int(today.year()) - 4; --y) {
    years.push_back({{"value", std::to_string(y)}, {"selected", y == year}});
  }
  return years;
}

json plan_options(const std::vector<Plan>& plans, const Filters& f) {
  json out = json::array();
  for (const auto& p : plans) {
    out.push_back({{"id", std::to_string(p.id)},
                   {"label", p.number + " — " + p.title},
                   {"selected", f.plan_id && *f.plan_id == p.id}});
  }
  return out;
}

json area_options(const std::vector<Area>& areas, const Filters& f) {
  json out = json::array();
  for (const auto& a : areas) out.push_back({{"code", a.code}, {"name", a.name}, {"selected", a.code == f.area}});
  return out;
}

// The page lists the longest overdue; the workbook has them all.
void cut_overdue(views::Table& overdue) {
  size_t total = overdue.rows.size();
  if (total <= kOverdueOnPage) return;
  overdue.rows.resize(kOverdueOnPage);
  overdue.caption += fmt::format(" ({} nhiệm vụ quá hạn lâu nhất trong {}; tải Excel để xem đủ)", kOverdueOnPage,
                                 text::format_int(std::int64_t(total)));
}

// This page's address with its filters, as a workbook.
std::string xlsx_href(const http::Request& req) {
  std::string href = "/ke-hoach/tong-hop?";
  for (const auto& [k, v] : req.query) {
    if (k != "dinh-dang") href += http::url_encode(k) + "=" + http::url_encode(v) + "&";
  }
  return href + "dinh-dang=xlsx";
}

http::Response view(ProvincePages& x, http::Request& req) {
  Date today = local_date(now_seconds());
  int year = year_param(req, today);
  Date as_of = view_day(year, today);  // today, or the year's last day for a past year
  auto data_ptr = x.cache->get(x.db, year);
  const YearTasks& data = *data_ptr;
  YearFacts facts;
  x.db.read([&](db::Connection& c) {
    facts.areas = load_areas(c);
    facts.units = unit_rows(c);
    facts.plans = list_plans(c, year);
    facts.config = load_report_periods(c);
  });
  Filters f = filters_of(req, facts.units);
  auto unit = req.query_param("don-vi").value_or("");
  auto names = names_of(facts.units);
  auto states = filtered(states_as_of(data, as_of), f);
  auto summary = summarize(states, as_of, names);
  auto trend = trend_of(data, facts, year, as_of, f, summary.by_status);
  auto by_area = status_by_area_table(summary, facts.areas);
  auto ranking = ranking_table(summary, names);
  auto overdue = overdue_table(summary, names);
  auto heat = heat_table(summary, facts.areas, names);
  auto trend_t = trend_table(trend);
  if (req.query_param("dinh-dang") == "xlsx") {
    std::vector<views::Table> tables = {by_area, ranking, overdue, heat, trend_t};
    auto about = workbook_about(facts, year, as_of, f, unit, names);
    for (auto& t : tables) t.subtitle = about;
    return http::attachment(req, http::kXlsxType, views::to_xlsx(tables),
                            fmt::format("tong-hop-ke-hoach-{}.xlsx", year));
  }
  cut_overdue(overdue);
  bool can_urge =
      req.principal && directory::province_wide(*req.principal) && directory::holds(*req.principal, "plans.manage");
  auto urge_href = [&](const std::string& code) {
    return fmt::format("/ke-hoach/don-doc/{}?nam={}", http::url_encode(code), year);
  };
  json page = {{"year", std::to_string(year)},
               {"as_of", format_date_vi(as_of)},
               {"years", year_options(year, today)},
               {"plans", plan_options(facts.plans, f)},
               {"areas", area_options(facts.areas, f)},
               {"units", unit_options(facts.units, unit)},
               {"total", text::format_int(std::int64_t(states.size()))},
               {"overdue_count", text::format_int(std::int64_t(summary.overdue.size()))},
               {"charts", true},
               {"area_chart", views::chart_view(status_by_area_chart(summary, facts.areas),
                                                "Biểu đồ nhiệm vụ theo lĩnh vực", by_area.caption)},
               {"trend_chart", views::chart_view(trend_chart(trend), "Biểu đồ tình trạng qua các kỳ", trend_t.caption)},
               {"by_area", views::to_view(by_area)},
               {"ranking", views::to_view(ranking)},
               {"overdue", views::to_view(overdue)},
               {"heat", views::to_view(can_urge ? heat_table(summary, facts.areas, names, urge_href) : heat)},
               {"trend", views::to_view(trend_t)},
               {"xlsx_href", xlsx_href(req)}};
  return http::html(req, x.layout.page(req, "Tình hình thực hiện kế hoạch", "plans/province.tpl", page));
}

void add(http::Router& router, http::PageCache& signed_in, std::shared_ptr<ProvincePages> pages) {
  // Task states as of today (or a past year's last day).
  const http::CachedForSession<ProvincePages> kept[] = {
      {"/ke-hoach/tong-hop", "plans.read", view, {.kinds = {"units"}, .daily = true}},
  };
  http::add_session_cached_routes(router, signed_in, std::move(pages), kept);
}

}  // namespace
}  // namespace province_pages

void add_province_routes(http::Router& router, views::Layout& layout, db::Database& db, http::PageCache& signed_in) {
  using province_pages::ProvincePages;
  province_pages::add(
      router, signed_in,
      std::make_shared<ProvincePages>(ProvincePages{db, layout, std::make_shared<province_pages::YearCache>()}));
}

}  // namespace cchc::plans
