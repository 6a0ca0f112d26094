#include "app/demo.h"

#include <fmt/format.h>

#include <tuple>

#include "coordination/register.h"
#include "coordination/requests.h"
#include "coordination/review.h"
#include "core/calendar.h"
#include "core/dates.h"
#include "core/embedded.h"
#include "core/errors.h"
#include "core/text.h"
#include "directory/accounts.h"
#include "directory/read.h"
#include "directory/store.h"
#include "indicators/dashboard.h"
#include "indicators/rules.h"
#include "indicators/store.h"
#include "indicators/synthetic.h"
#include "plans/periods.h"
#include "plans/store.h"

namespace cchc::app {

std::vector<DemoLogin> load_demo(db::Database& db) {
  auto now = now_seconds();
  db.write([&](db::Connection& c) {
    c.query(
        "INSERT INTO settings (key, value, updated_at) VALUES ('province_name', ?, ?) "
        "ON CONFLICT (key) DO NOTHING",
        {"Tỉnh Đồng Nai", std::int64_t{now.time_since_epoch().count()}});
  });
  auto units = directory::import_units(db, embedded::file("data/demo/units.csv"),
                                       audit::Entry{"system", "demo", "", "", "", {}, {}}, now);
  if (!units.ok()) throw Error(ErrorKind::internal, "demo units rejected: " + units.errors.front().message);

  // One demo user per role. Demo passwords are fixed and printed: demo data only.
  struct Demo {
    const char* username;
    const char* name;
    const char* unit;
    const char* role;
    const char* coordinates = "";  // a coordinator's wider subtree
  };
  const Demo demo_users[] = {
      {"demo.admin", "Quản trị hệ thống", "SNV", "admin"},
      // The province's coordinator works in Sở Nội vụ and coordinates the
      // whole province; the provincial office's coordinates its divisions.
      {"demo.dieuphoi", "Phòng Cải cách hành chính, Sở Nội vụ", "SNV", "coordinator", "DNI"},
      {"demo.dieuphoi.vp", "Điều phối cải cách hành chính Văn phòng UBND tỉnh", "VP-UBND", "coordinator"},
      {"demo.canbo", "Cán bộ phường Trảng Dài", "P-TRANGDAI", "unit_officer"},
      {"demo.lanhdao", "Lãnh đạo phường Trảng Dài", "P-TRANGDAI", "unit_leader"},
      {"demo.congtacvien", "Cộng tác viên Sở Khoa học và Công nghệ", "SKHCN", "editor"},
      {"demo.ctvxa", "Cộng tác viên phường Trảng Dài", "P-TRANGDAI", "editor"},
      {"demo.banbientap", "Ban Biên tập", "VP-UBND", "editorial_board"},
      {"demo.thamdinh", "Thành viên tổ thẩm định", "SNV", "appraiser"},
      {"demo.theodoi", "Lãnh đạo theo dõi", "VP-UBND", "viewer"},
  };
  std::vector<DemoLogin> logins;
  for (const auto& d : demo_users) {
    std::string password = std::string("demo-") + d.role + "-dongnai";
    if (!directory::find_user(db, d.username)) {
      const audit::Entry who{"system", "demo", "", "", "", {}, {}};
      auto user = directory::check_new_user({d.username, d.name, d.unit, {d.role}, password, d.coordinates});
      db.write([&](db::Connection& c) {
        auto added = directory::add_user(c, user, who, now);
        directory::set_email(c, added.id, std::string(d.username) + "@example.org", who, now);  // a reserved domain
      });
    }
    logins.push_back({d.username, password, d.role});
  }
  return logins;
}

std::vector<indicators::SyntheticUnit> synthetic_units(db::Database& db) {
  std::vector<indicators::SyntheticUnit> units;
  db.read([&](db::Connection& c) {
    for (const auto& u : directory::load_units(c)) {
      // A division's dossiers are its parent's: one-stop systems record the
      // agency.
      if (u.level != "province" && u.level != "division") units.push_back({u.code, u.level, u.valid_from, u.valid_to});
    }
  });
  return units;
}

DemoRecords load_demo_records(db::Database& db, Instant now, bool records) {
  using namespace indicators;
  const audit::Entry who{"system", "demo", "", "", "", {}, {}};
  auto units = synthetic_units(db);
  Date today = local_date(now);
  SyntheticOptions o;
  o.first_month = Date{today.year() - std::chrono::years{2}, std::chrono::January, std::chrono::day{1}};
  o.months = 24 + int(unsigned(today.month()));
  o.horizon = now;
  std::vector<Dossier> dossiers;
  std::vector<Feedback> feedback;
  if (records) {
    generate_dossiers(units, o, [&](const Dossier& d) { dossiers.push_back(d); });
    generate_feedback(units, o, [&](const Feedback& f) {
      if (f.received_at < now - std::chrono::days{365}) feedback.push_back(f);
    });
    for (auto [kind, text] :
         {std::pair{Kind::dossiers, to_csv(dossiers)}, std::pair{Kind::feedback, to_csv(feedback)}}) {
      auto outcome = import_batch(db, ImportRequest{kind, text, Format::csv, std::nullopt, false, 0, {}}, who, now);
      if (!outcome.ok()) throw Error(ErrorKind::internal, "demo records rejected: " + outcome.errors.front().message);
    }
  }

  // The province's targets (docs/domain.md): 2022 and 2023 as the plans set
  // them; later years keep 2023's until the province sets new ones.
  std::vector<Target> targets;
  auto add = [&](const char* indicator, int year, double department, double district, double commune) {
    targets.push_back({indicator, "department", year, department});
    targets.push_back({indicator, "district", year, district});
    targets.push_back({indicator, "commune", year, commune});
    targets.push_back({indicator, "province", year, department});
  };
  for (int year = 2022; year <= int(today.year()); ++year) {
    if (year == 2022)
      add("online_rate", year, 0.60, 0.20, 0.05);
    else
      add("online_rate", year, 0.70, 0.30, 0.20);
    add("on_time_rate", year, 0.96, 0.96, 0.96);
    add("feedback_on_time_rate", year, 0.96, 0.96, 0.96);
    add("feedback_satisfaction_rate", year, 0.92, 0.92, 0.92);
    add("satisfaction_rate", year, 0.92, 0.92, 0.92);
    add("digitized_rate", year, 0.50, 0.20, 0.15);
  }
  set_targets(db, targets, who, now);
  return {dossiers.size(), feedback.size()};
}

DemoPlan load_demo_plan(db::Database& db, Instant now) {
  using namespace std::chrono;
  const audit::Entry who{"system", "demo", "", "", "", {}, {}};
  Date today = local_date(now);
  int y = int(today.year());
  plans::Plan plan;
  plan.number = fmt::format("{}/KH-UBND", 280 + y % 100);
  if (!db.read([&](db::Connection& c) { return plans::plans_numbered(c, plan.number, "DNI", y); }).empty()) return {};
  plan.unit_code = "DNI";
  plan.year = y;
  plan.title = fmt::format("Kế hoạch cải cách hành chính tỉnh Đồng Nai năm {}", y);
  plan.issued_on = Date{year{y} / January / 10};
  plan.status = "issued";
  plan.legal_bases =
      "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà "
      "nước giai đoạn 2021 - 2030\nQuyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ";
  plan.objectives =
      "Tiếp tục đẩy mạnh cải cách hành chính, xây dựng nền hành chính phục vụ, chuyên nghiệp, hiện đại; nâng cao "
      "chỉ số cải cách hành chính và mức độ hài lòng của người dân, doanh nghiệp.";
  plan = plans::create_plan(db, plan, who, now);

  // A demo matrix with {Y} as the year, imported as any matrix is.
  auto import = [&](const plans::Plan& into, std::string_view file) {
    std::string matrix(embedded::file(file));
    for (auto pos = matrix.find("{Y}"); pos != std::string::npos; pos = matrix.find("{Y}", pos)) {
      matrix.replace(pos, 3, std::to_string(y));
    }
    auto imported = plans::import_matrix(db, into.id, matrix, {}, true, false, who, now);
    if (!imported.ok()) {
      throw Error(ErrorKind::internal,
                  "demo plan rejected: " + (imported.errors.empty() ? "unit '" + imported.unresolved[0].name + "'"
                                                                    : imported.errors[0].message));
    }
    return db.read([&](db::Connection& c) { return plans::plan_tasks(c, into.id); });
  };
  auto tasks = import(plan, "data/demo/plan-matrix.csv");
  // Quantitative objectives, as the corpus plan states them (docs/domain.md).
  for (const auto& [area, text_vi, indicator, level, target] :
       std::vector<std::tuple<const char*, const char*, const char*, const char*, double>>{
           {"procedures", "Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ đạt tối thiểu 70% tại cấp sở",
            "online_rate", "department", 70},
           {"procedures", "Tối thiểu 96% hồ sơ thủ tục hành chính được giải quyết đúng hạn", "on_time_rate", "", 96},
           {"civil_service", "Tối thiểu 50% công chức, viên chức được bồi dưỡng nghiệp vụ", "", "", 50}}) {
    plans::Objective o;
    o.plan_id = plan.id;
    o.area_code = area;
    o.text = text_vi;
    o.indicator = indicator;
    o.level = level;
    o.target = target;
    if (o.indicator.empty()) o.manual_value = 62;
    plans::add_objective(db, o, who, now);
  }
  // A plan implementing the province's, issued in January of the year.
  auto implementing = [&](std::string number, std::string kind, std::string unit, std::string title, unsigned day) {
    plans::Plan p;
    p.number = std::move(number);
    p.kind = std::move(kind);
    p.unit_code = std::move(unit);
    p.year = y;
    p.title = std::move(title);
    p.issued_on = Date{year{y} / January / day};
    p.parent_id = plan.id;
    p.status = "issued";
    return plans::create_plan(db, p, who, now);
  };
  // The communication plan implementing it (kế hoạch thông tin, tuyên truyền).
  auto communication = implementing(fmt::format("{}/KH-UBND", 281 + y % 100), "communication", "DNI",
                                    fmt::format("Kế hoạch thông tin, tuyên truyền cải cách hành chính năm {}", y), 18);
  auto communication_tasks = import(communication, "data/demo/communication-matrix.csv");

  // The periods to report: the current one and the one before, in this year.
  std::vector<plans::PeriodOfYear> periods;
  db.read([&](db::Connection& c) {
    // The current period of the year: the first whose report is not yet
    // past due (the year's last after its due day).
    auto all = plans::periods_of_year(plans::load_report_periods(c), y, WorkCalendar::vietnam());
    for (const auto& p : all) {
      periods.push_back(p);
      if (sys_days{p.due} >= sys_days{today}) break;
    }
  });
  if (periods.size() > 2) periods.erase(periods.begin(), periods.end() - 2);

  // Each task follows one of seven patterns over the (up to) two periods.
  DemoPlan out{tasks.size() + communication_tasks.size(), 0};
  auto day_before = [&](Date d, int n) { return Date{sys_days{d} - days{n}}; };
  // The coordinator reviews: every report of an earlier period is accepted;
  // of the last one, a few wait (pattern 6) and a few are returned.
  std::size_t pattern = 0;
  bool last_period = false;
  audit::Entry coordinator = who;
  auto review = [&](const plans::Report& r, Date on) {
    if (last_period && pattern % 7 == 6) return;
    coordination::ReviewInput in{"accept", "", "", ""};
    if (last_period && pattern % 7 == 4 && r.task_id % 3 == 0) {
      in = {"return", "Chưa nêu rõ sản phẩm đã hoàn thành; đề nghị bổ sung minh chứng.", "", ""};
    }
    if (!r.difficulties.empty())
      in.difficulties_answer = "Sở Nội vụ sẽ hướng dẫn cụ thể tại hội nghị giao ban quý tới.";
    coordination::review_report(db, r.task_id, r.unit_code, r.period, in, coordinator, start_of_day(on) + hours{33});
  };
  auto report = [&](const plans::Task& t, const std::string& unit, const std::string& role,
                    const plans::PeriodOfYear& p, Date on, const char* progress, int percent,
                    std::optional<Date> done_on, bool unchanged) {
    if (sys_days{on} >= sys_days{today}) on = day_before(today, 1);
    if (sys_days{on} < sys_days{p.first}) return;
    plans::Report r;
    r.task_id = t.id;
    r.unit_code = unit;
    r.role = role;
    r.period = p.key;
    r.progress = progress;
    r.percent = percent;
    r.unchanged = unchanged;
    if (done_on && sys_days{*done_on} > sys_days{on}) done_on = on;
    r.done_on = std::string(progress) == "done" ? done_on : std::nullopt;
    if (role == "cooperate") {
      r.narrative = "Đã phối hợp cung cấp thông tin, ý kiến theo đề nghị của cơ quan chủ trì.";
    } else if (r.progress == "done") {
      r.narrative = text::end_sentence(
          fmt::format("Đã hoàn thành. Sản phẩm: {}", t.output.empty() ? std::string("báo cáo") : t.output));
    } else {
      r.narrative = fmt::format("Đang triển khai, ước đạt {}% khối lượng công việc.", percent);
    }
    if (last_period && pattern % 6 == 1 && role == "lead") {
      r.difficulties = "Thiếu kinh phí và nhân lực chuyên trách để triển khai đúng tiến độ.";
    }
    auto stored = plans::submit_report(db, r, who, start_of_day(on) + hours{9});
    review(stored, on);
    ++out.reports;
  };
  tasks.insert(tasks.end(), communication_tasks.begin(), communication_tasks.end());
  for (size_t i = 0; i < tasks.size(); ++i) {
    const auto& t = tasks[i];
    bool continuous = t.deadline.kind == Deadline::Kind::continuous;
    pattern = i;
    for (const auto& unit : t.leads) {
      for (size_t k = 0; k < periods.size(); ++k) {
        const auto& p = periods[k];
        bool last = k + 1 == periods.size();
        last_period = last;
        Date on = day_before(p.due, 3);
        auto due_or = [&](Date d) { return t.deadline.due ? std::min(*t.deadline.due, d) : d; };
        auto done = [&](Date on_day) {
          // A continuous task never ends: in progress, never 100 % (issue 34, bug 6);
          // the share of the year's periods reported so far.
          if (continuous) {
            int share = int(100 * (k + 1) / (periods.size() + 1));
            return report(t, unit, "lead", p, on, "in_progress", share, std::nullopt, false);
          }
          report(t, unit, "lead", p, on, "done", 100, day_before(due_or(on_day), 2), false);
        };
        switch (i % 7) {
          case 0: done(on); break;  // done on time
          case 1:                   // reported last period only
            if (!last || periods.size() == 1) report(t, unit, "lead", p, on, "in_progress", 30, std::nullopt, false);
            break;
          case 2: break;  // never reports
          case 3:         // done, maybe late
            if (!last)
              report(t, unit, "lead", p, on, "in_progress", 50, std::nullopt, false);
            else if (continuous || !t.deadline.due)
              done(on);
            else
              report(t, unit, "lead", p, on, "done", 100, Date{sys_days{*t.deadline.due} + days{10}}, false);
            break;
          case 4: report(t, unit, "lead", p, on, "in_progress", 40, std::nullopt, last && k > 0); break;  // "unchanged"
          case 5:  // reports late, the second time only
            if (last)
              report(t, unit, "lead", p, Date{sys_days{p.due} + days{4}}, "in_progress", 20, std::nullopt, false);
            break;
          case 6:
            if (last) done(on);
            break;
        }
      }
    }
    last_period = true;
    if (i % 5 == 0 && !t.cooperates.empty() && !periods.empty()) {
      report(t, t.cooperates.front(), "cooperate", periods.back(), day_before(periods.back().due, 5), "in_progress", 50,
             std::nullopt, false);
    }
  }

  // Every department and commune is to issue its own plan implementing the
  // province's by the end of February.
  coordination::set_requirement(db, {plan.id, {"department", "commune"}, {}, Date{year{y} / February / last}}, who,
                                now);

  // A report request to every commune, due in ten working days: a few
  // answered (one accepted, one returned), the demo commune not yet.
  const auto& cal = WorkCalendar::vietnam();
  if (cal.covers(today) && cal.covers(cal.add_working_days(today, 10))) {
    auto units = db.read([](db::Connection& c) { return plans::unit_rows(c); });
    coordination::ReportRequest rq;
    rq.kind = "review";
    rq.title = fmt::format("Báo cáo sơ kết công tác cải cách hành chính năm {}", y);
    rq.body = "Đề nghị Ủy ban nhân dân các xã, phường báo cáo theo đề cương kèm theo.";
    rq.outline = {"Kết quả thực hiện", "Tồn tại, hạn chế và nguyên nhân", "Đề xuất, kiến nghị"};
    rq.due = cal.add_working_days(today, 10);
    rq.issuer_unit = "SNV";
    rq.recipients = coordination::resolve_recipients(units, {}, {"commune"}, "", "SNV");
    auto stored = coordination::create_request(db, rq, who, now - hours{72});
    int n = 0;
    for (const auto& unit : stored.recipients) {
      if (unit == "P-TRANGDAI" || n >= 4) continue;
      coordination::RequestAnswer a;
      a.unit_code = unit;
      a.sections = {"Hoàn thành các nhiệm vụ được giao trong kỳ.", "Một số thủ tục còn chậm số hóa.",
                    n == 0 ? "Đề nghị tập huấn thêm về số hóa hồ sơ." : ""};
      coordination::submit_answer(db, stored.id, a, who, now - hours{48});
      if (n == 0) coordination::review_answer(db, stored.id, unit, "accept", "", who, now - hours{24});
      if (n == 1) {
        coordination::review_answer(db, stored.id, unit, "return", "Chưa nêu số liệu cụ thể; đề nghị bổ sung.", who,
                                    now - hours{24});
      }
      ++n;
    }
  }

  // The provincial office runs its own reform (issue 36): its plan, whose
  // tasks its divisions lead; the last period's reports wait for the
  // office's coordinator (demo.dieuphoi.vp; the province's, above it, may
  // review them too).
  auto office =
      implementing(fmt::format("{}/KH-VP", 15 + y % 100), "reform", "VP-UBND",
                   fmt::format("Kế hoạch cải cách hành chính năm {} của Văn phòng Ủy ban nhân dân tỉnh", y), 20);
  auto office_tasks = import(office, "data/demo/office-matrix.csv");
  out.tasks += office_tasks.size();
  if (!periods.empty()) {
    for (const auto& t : office_tasks) {
      for (const auto& unit : t.leads) {
        plans::Report r;
        r.task_id = t.id;
        r.unit_code = unit;
        r.role = "lead";
        r.period = periods.back().key;
        r.progress = "in_progress";
        r.percent = 50;
        r.narrative = "Đang triển khai theo kế hoạch của Văn phòng.";
        Date on = std::max(periods.back().first, day_before(std::min(periods.back().due, today), 2));
        plans::submit_report(db, r, who, start_of_day(on) + hours{9});
        ++out.reports;
      }
    }
  }
  return out;
}

}  // namespace cchc::app
