// The province view: every task of a year's plans by status, area and
// unit; the overdue list; units × areas; units ranked by on-time
// completion; the trend across reporting periods (plans/province.h);
// the same tables as a workbook, made in the request (?dinh-dang=xlsx) or
// by a background job (POST /ke-hoach/tong-hop/xuat, kProvinceExportJob),
// whose workbook is the request's for what was asked on the day it was
// asked.
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
#include "http/session.h"
#include "plans/exports.h"
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

// What the view was asked, as typed (nam, ke-hoach, linh-vuc, don-vi: the
// page's query, or the export form's fields), and the day it was asked:
// all a background export needs to make the request's workbook later.
struct Asked {
  std::string year, plan, area, unit;
  Date today;
};

Asked asked_of(const std::function<std::optional<std::string>(const char*)>& param, Date today) {
  return Asked{param("nam").value_or(""), param("ke-hoach").value_or(""), param("linh-vuc").value_or(""),
               param("don-vi").value_or(""), today};
}

nlohmann::json params_of(const Asked& a) {
  return {{"nam", a.year},
          {"ke-hoach", a.plan},
          {"linh-vuc", a.area},
          {"don-vi", a.unit},
          {"hom-nay", format_iso_date(a.today)}};
}

Asked asked_of_params(const nlohmann::json& p) {
  return Asked{p.at("nam").get<std::string>(), p.at("ke-hoach").get<std::string>(), p.at("linh-vuc").get<std::string>(),
               p.at("don-vi").get<std::string>(), parse_iso_date(p.at("hom-nay").get<std::string>())};
}

// nam=YYYY, else the year of the day asked.
int year_param(const Asked& a) {
  if (a.year.empty()) return int(a.today.year());
  auto year = year_of_text(a.year);
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

// ke-hoach= a plan, if any; invalid_input when it names none.
std::optional<std::int64_t> plan_param(const Asked& a) {
  if (a.plan.empty()) return std::nullopt;
  auto id = id_of_text(a.plan);
  if (!id) throw invalid_input("bad plan", "Kế hoạch không hợp lệ.");
  return id;
}

// What the view covers: ke-hoach= a plan, linh-vuc= an area, don-vi= a
// unit and those below it (as leads).
Filters filters_of(const Asked& a, const std::vector<UnitRow>& units) {
  Filters f;
  f.plan_id = plan_param(a);
  f.area = a.area;
  if (!a.unit.empty()) f.lead_units = subtree_codes(units, a.unit);
  return f;
}

// The view's reads: what the year's plans are made of.
struct YearFacts {
  std::vector<Area> areas;
  std::vector<UnitRow> units;
  std::vector<Plan> plans;
  std::vector<ReportPeriod> config;
};

YearFacts year_facts(db::Connection& c, int year) {
  YearFacts facts;
  facts.areas = load_areas(c);
  facts.units = unit_rows(c);
  facts.plans = list_plans(c, year);
  facts.config = load_report_periods(c);
  return facts;
}

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

// The view's figures for what was asked, from the year's tasks and facts:
// what the page and the workbook show. Never copied: the summary points
// into `states`.
// The units whose level is not ranked (divisions): listed, never ranked.
std::set<std::string> not_ranked(const std::vector<UnitRow>& units) {
  std::set<std::string> out;
  for (const auto& u : units) {
    if (!u.ranked) out.insert(u.code);
  }
  return out;
}

struct Figures {
  int year;
  Date as_of;
  YearFacts facts;
  Filters f;
  std::map<std::string, std::string> names;
  std::vector<TaskState> states;
  ProvinceSummary summary;
  std::vector<TrendPoint> trend;

  Figures(const YearTasks& data, YearFacts read, const Asked& a)
      : year(year_param(a)),
        as_of(view_day(year, a.today)),  // the day asked, or the year's last day for a past year
        facts(std::move(read)),
        f(filters_of(a, facts.units)),
        names(names_of(facts.units)),
        states(filtered(states_as_of(data, as_of), f)),
        summary(summarize(states, as_of, names, not_ranked(facts.units))),
        trend(trend_of(data, facts, year, as_of, f, summary.by_status)) {}
  Figures(const Figures&) = delete;
  Figures& operator=(const Figures&) = delete;
};

// The workbook: every table in full (the page cuts the overdue list), each
// sheet under what was asked.
std::string workbook(const Figures& g, const Asked& a) {
  std::vector<views::Table> tables = {status_by_area_table(g.summary, g.facts.areas), ranking_table(g.summary, g.names),
                                      overdue_table(g.summary, g.names), heat_table(g.summary, g.facts.areas, g.names),
                                      trend_table(g.trend)};
  auto about = workbook_about(g.facts, g.year, g.as_of, g.f, a.unit, g.names);
  for (auto& t : tables) t.subtitle = about;
  return views::to_xlsx(tables);
}

std::string workbook_name(int year) { return fmt::format("tong-hop-ke-hoach-{}.xlsx", year); }

// The export form's hidden fields: what the page was asked, the empty
// ones left out.
json export_form(const http::Request& req, const Asked& a) {
  json fields = json::array();
  for (const auto& [name, value] : {std::pair{"nam", a.year}, std::pair{"ke-hoach", a.plan},
                                    std::pair{"linh-vuc", a.area}, std::pair{"don-vi", a.unit}}) {
    if (!value.empty()) fields.push_back({{"name", name}, {"value", value}});
  }
  return {
      {"action", "/ke-hoach/tong-hop/xuat"}, {"csrf", req.session ? req.session->csrf_token : ""}, {"fields", fields}};
}

http::Response view(ProvincePages& x, http::Request& req) {
  auto asked = asked_of([&](const char* k) { return req.query_param(k); }, local_date(now_seconds()));
  const int year = year_param(asked);
  auto data_ptr = x.cache->get(x.db, year);
  const Figures g(*data_ptr, x.db.read([&](db::Connection& c) { return year_facts(c, year); }), asked);
  if (req.query_param("dinh-dang") == "xlsx") {
    return http::attachment(req, http::kXlsxType, workbook(g, asked), workbook_name(year));
  }
  auto by_area = status_by_area_table(g.summary, g.facts.areas);
  auto ranking = ranking_table(g.summary, g.names);
  auto overdue = overdue_table(g.summary, g.names);
  auto heat = heat_table(g.summary, g.facts.areas, g.names);
  auto trend_t = trend_table(g.trend);
  cut_overdue(overdue);
  // A coordinator drafts urging letters to the units it coordinates.
  auto reach = req.principal ? directory::reach(*req.principal, "plans.review") : directory::Reach{};
  bool can_urge = !reach.none();
  auto urged = can_urge ? x.db.read([&](db::Connection& c) { return directory::codes_within(c, reach); })
                        : std::optional<std::set<std::string>>{};
  auto urge_href = [&](const std::string& code) {
    if (urged && !urged->count(code)) return std::string();
    return fmt::format("/ke-hoach/don-doc/{}?nam={}", http::url_encode(code), year);
  };
  json page = {
      {"year", std::to_string(year)},
      {"as_of", format_date_vi(g.as_of)},
      {"years", year_options(year, asked.today)},
      {"plans", plan_options(g.facts.plans, g.f)},
      {"areas", area_options(g.facts.areas, g.f)},
      {"units", unit_options(g.facts.units, asked.unit)},
      {"total", text::format_int(std::int64_t(g.states.size()))},
      {"overdue_count", text::format_int(std::int64_t(g.summary.overdue.size()))},
      {"charts", true},
      {"area_chart", views::chart_view(status_by_area_chart(g.summary, g.facts.areas), "Biểu đồ nhiệm vụ theo lĩnh vực",
                                       by_area.caption)},
      {"trend_chart", views::chart_view(trend_chart(g.trend), "Biểu đồ tình trạng qua các kỳ", trend_t.caption)},
      {"by_area", views::to_view(by_area)},
      {"ranking", views::to_view(ranking)},
      {"overdue", views::to_view(overdue)},
      {"heat", views::to_view(can_urge ? heat_table(g.summary, g.facts.areas, g.names, urge_href) : heat)},
      {"trend", views::to_view(trend_t)},
      {"xlsx_href", xlsx_href(req)},
      {"export", export_form(req, asked)}};
  return http::html(req, x.layout.page(req, "Tình hình thực hiện kế hoạch", "plans/province.tpl", page));
}

// The job making the workbook of what `a` asks, for `who`; its dedupe key
// is the person and what was asked, so a form sent twice is one job.
jobs::NewJob export_job(const Asked& a, int year, const http::Principal& who) {
  auto params = params_of(a);
  std::string back = "/ke-hoach/tong-hop";
  char sep = '?';
  for (const auto& [name, value] : {std::pair{"nam", a.year}, std::pair{"ke-hoach", a.plan},
                                    std::pair{"linh-vuc", a.area}, std::pair{"don-vi", a.unit}}) {
    if (value.empty()) continue;
    back += sep + std::string(name) + "=" + http::url_encode(value);
    sep = '&';
  }
  jobs::NewJob job;
  job.kind = kProvinceExportJob;
  job.title = fmt::format("Xuất Excel tình hình thực hiện kế hoạch năm {}", year);
  job.params = params.dump();
  job.unit_code = who.unit_code;
  job.created_by = who.username;
  job.return_to = back;
  job.return_label = "Về trang tổng hợp";
  job.dedupe_key = std::string(kProvinceExportJob) + ":" + who.username + ":" + params.dump();
  return job;
}

// Hands the workbook of what the form asks (the page's filters as its
// fields) to a background job and sends the person to its page; what
// cannot be read is refused here, not in the job.
http::Response export_in_background(ProvincePages& x, http::Request& req) {
  auto asked = asked_of([&](const char* k) { return req.form_param(k); }, local_date(now_seconds()));
  const int year = year_param(asked);
  plan_param(asked);
  auto id = jobs::submit(x.db, export_job(asked, year, *req.principal), now_seconds());
  return http::redirect(req, "/cong-viec/" + id);
}

// The job: the tasks and facts read in one transaction (not the page's
// held year: the same figures), the workbook made as the request makes it.
void run_export(db::Database& db, jobs::JobContext& job) {
  const auto asked = asked_of_params(job.params());
  const int year = year_param(asked);
  job.progress(0, 3, "Đang đọc các nhiệm vụ…");
  YearTasks data;
  YearFacts facts;
  db.read([&](db::Connection& c) {
    data = year_tasks(c, year);
    facts = year_facts(c, year);
  });
  job.stop_if_cancelled();
  job.progress(1, 3, "Đang tổng hợp…");
  const Figures g(data, std::move(facts), asked);
  job.stop_if_cancelled();
  job.progress(2, 3, "Đang ghi tệp Excel…");
  job.result(workbook_name(year), http::kXlsxType, workbook(g, asked));
  job.progress(3, 3,
               fmt::format("Đã xuất tình hình thực hiện kế hoạch năm {}: {} nhiệm vụ, {} lượt nhiệm vụ quá hạn.", year,
                           text::format_int(std::int64_t(g.states.size())),
                           text::format_int(std::int64_t(g.summary.overdue.size()))));
}

void add(http::Router& router, http::PageCache& signed_in, std::shared_ptr<ProvincePages> pages) {
  // Task states as of today (or a past year's last day).
  const http::CachedForSession<ProvincePages> kept[] = {
      {"/ke-hoach/tong-hop", "plans.read", view, {.kinds = {"units"}, .daily = true}},
  };
  const http::RouteTo<ProvincePages> routes[] = {
      {http::Verb::post, "/ke-hoach/tong-hop/xuat", "plans.read", export_in_background, http::BodyLimits{16 * 1024}},
  };
  http::add_session_cached_routes(router, signed_in, pages, kept);
  http::add_routes(router, std::move(pages), routes);
}

}  // namespace
}  // namespace province_pages

void add_province_routes(http::Router& router, views::Layout& layout, db::Database& db, http::PageCache& signed_in) {
  using province_pages::ProvincePages;
  province_pages::add(
      router, signed_in,
      std::make_shared<ProvincePages>(ProvincePages{db, layout, std::make_shared<province_pages::YearCache>()}));
}

void add_jobs(jobs::Handlers& handlers, db::Database& db) {
  handlers[kProvinceExportJob] = [&db](jobs::JobContext& job) { province_pages::run_export(db, job); };
}

}  // namespace cchc::plans
