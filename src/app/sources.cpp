#include "app/sources.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "assessments/store.h"
#include "coordination/notify.h"
#include "coordination/requests.h"
#include "core/errors.h"
#include "core/period.h"
#include "core/text.h"
#include "directory/accounts.h"
#include "directory/permissions.h"
#include "directory/read.h"
#include "indicators/dashboard.h"
#include "indicators/rules.h"
#include "indicators/store.h"
#include "indicators/targets.h"
#include "inspections/store.h"
#include "inspections/work.h"
#include "plans/store.h"
#include "portal/page_support.h"
#include "portal/store.h"

namespace cchc::app {

// What plans read of the indicators capability: the rates objectives can
// be linked to, and a rate over a unit's subtree for a year (or over the
// units of one level in it, their counts summed).
namespace {

// The units of `unit`'s subtree (of `level` only, unless empty), for the
// inspection figures read as indicators.
std::set<std::string> subtree_of(db::Database& db, const std::string& unit, const std::string& level) {
  std::set<std::string> out;
  db.read([&](db::Connection& c) {
    for (const auto& code : indicators::units_in_scope(c, unit, indicators::Scope::subtree)) out.insert(code);
  });
  if (!level.empty()) {
    for (const auto& u : directory::load_units(db)) {
      if (u.level != level) out.erase(u.code);
    }
  }
  return out;
}

}  // namespace

plans::IndicatorSource objective_progress(db::Database& db) {
  plans::IndicatorSource source;
  for (const auto& r : indicators::rate_indicators()) source.indicators.emplace_back(r.code, r.name_vi);
  for (const auto& f : inspections::figure_indicators()) source.indicators.push_back(f);
  source.value = [&db](const std::string& unit, const std::string& level, int year,
                       const std::string& code) -> std::optional<double> {
    if (inspections::is_figure_indicator(code)) {
      auto figures = inspections::year_figures(db, year, local_date(now_seconds()), subtree_of(db, unit, level));
      return inspections::figure_ratio(figures, code);
    }
    const auto& rate = indicators::rate_indicator(code);
    auto period = Period::of_year(year);
    return db.read([&](db::Connection& c) -> std::optional<double> {
      if (level.empty()) return (indicators::query(c, unit, period, indicators::Scope::subtree).*rate.rate).value();
      auto mine = indicators::units_in_scope(c, unit, indicators::Scope::subtree);
      indicators::Rate sum;
      for (const auto& u : indicators::units_of_level(c, level, period)) {
        if (std::find(mine.begin(), mine.end(), u.code) == mine.end()) continue;
        auto r = indicators::query(c, u.code, period, indicators::Scope::unit).*rate.rate;
        sum.numerator += r.numerator;
        sum.denominator += r.denominator;
      }
      return sum.value();
    });
  };
  return source;
}

assessments::Sources assessment_sources(db::Database& db) {
  assessments::Sources s;
  for (const auto& r : indicators::rate_indicators()) s.indicators.emplace(r.code, r.name_vi);
  for (const auto& [code, name] : inspections::figure_indicators()) s.indicators.emplace(code, name);
  s.notify = [](db::Connection& c, const std::string& unit, const std::string& kind, const std::string& event,
                const std::string& message, const std::string& href,
                Instant at) { return coordination::notify_unit(c, unit, kind, event, message, href, at); };
  s.indicator_value = [&db](const std::string& unit, const std::string& code, Date from,
                            Date to) -> std::optional<double> {
    if (inspections::is_figure_indicator(code)) {  // the inspections of the window's year, the unit's subtree
      auto figures = inspections::year_figures(db, int(from.year()), to, subtree_of(db, unit, ""));
      auto v = inspections::figure_ratio(figures, code);
      if (!v) return std::nullopt;
      return std::round(*v * 10000.0) / 100.0;  // percent, 2 decimals
    }
    const auto& rate = indicators::rate_indicator(code);
    Period window{Period::Kind::range, from, to};
    return db.read([&](db::Connection& c) -> std::optional<double> {
      try {
        auto v = (indicators::query(c, unit, window, indicators::Scope::subtree).*rate.rate).value();
        if (!v) return std::nullopt;
        return std::round(*v * 10000.0) / 100.0;  // percent, 2 decimals
      } catch (const Error& e) {
        // Rollups are monthly: a window that is not whole months has no value.
        if (e.kind() == ErrorKind::invalid_input) return std::nullopt;
        throw;
      }
    });
  };
  s.documents = [&db]() {
    std::vector<assessments::KnownDocument> out;
    for (const auto& p : db.read([](db::Connection& c) { return plans::list_plans(c); })) {
      if (p.status == "draft") continue;
      out.push_back({p.number, p.title, "/ke-hoach/" + std::to_string(p.id), p.issued_on});
    }
    return out;
  };
  return s;
}

std::vector<coordination::ShortfallSource> urging_sources() {
  auto targets = [](db::Connection& c, const std::string& unit, Date today) {
    std::vector<coordination::Shortfall> out;
    int year = int(today.year());
    std::string level;
    for (const auto& u : plans::unit_rows(c)) {
      if (u.code == unit) level = u.level;
    }
    auto ts = indicators::targets(c, year);
    auto figures = indicators::query(c, unit, Period::of_year(year), indicators::Scope::unit);
    for (const auto& r : indicators::rate_indicators()) {
      auto target = indicators::target_for(ts, r.code, level, year);
      if (!target) continue;
      auto value = (figures.*r.rate).value();
      auto verdict = indicators::judge(value, *target);
      if (verdict != indicators::Verdict::missed && verdict != indicators::Verdict::close) continue;
      out.push_back({"target_missed",
                     fmt::format("{} năm {}: đạt {}, chỉ tiêu {}", r.name_vi, year, text::format_percent(*value * 100),
                                 text::format_percent(*target * 100)),
                     std::nullopt});
    }
    return out;
  };
  auto self_assessments = [](db::Connection& c, const std::string& unit, Date) {
    std::vector<coordination::Shortfall> out;
    for (const auto& round : assessments::list_rounds(c)) {
      if (round.status != "open") continue;
      for (const auto& p : assessments::participants(c, round.id)) {
        if (p.unit != unit || p.state != "draft") continue;
        auto level =
            std::find_if(round.levels.begin(), round.levels.end(), [&](const auto& l) { return l.level == p.level; });
        std::optional<Date> due;
        if (level != round.levels.end()) due = local_date(p.extended_until.value_or(level->deadline));
        out.push_back({"self_assessment",
                       due ? fmt::format("{} (hạn nộp {})", round.name, format_date_vi(*due)) : round.name, due});
      }
    }
    return out;
  };
  return {targets, self_assessments, inspections::shortfalls};
}

inspections::Sources inspection_sources() {
  inspections::Sources s;
  s.areas = [](db::Connection& c) { return plans::load_areas(c); };
  s.ranks = [](db::Connection& c) {
    std::map<std::string, std::pair<int, int>> out;
    std::set<std::string> levels_seen;
    for (const auto& round : assessments::list_rounds(c)) {  // newest first
      if (round.status != "published") continue;
      for (const auto& level : assessments::ranking(c, round)) {
        if (!levels_seen.insert(level.level).second) continue;
        int of = int(level.standings.size());
        for (const auto& st : level.standings) out.emplace(st.unit, std::pair(st.rank, of));
      }
    }
    return out;
  };
  s.overdue_tasks = [](db::Connection& c, Date day) {
    std::map<std::string, int> out;
    std::set<std::int64_t> issued;
    for (const auto& p : plans::list_plans(c, int(day.year()))) {
      if (p.status == "issued") issued.insert(p.id);
    }
    for (const auto& st : plans::states_as_of(plans::year_tasks(c, int(day.year())), day)) {
      if (!issued.count(st.task.plan_id)) continue;
      for (const auto& a : st.leads) out[a.unit_code] += a.status == plans::TaskStatus::overdue;
    }
    return out;
  };
  s.overdue_feedback = [](db::Connection& c, Date day) {
    std::map<std::string, int> out;
    feedback::RequestFilter f;
    f.to = start_of_day(day) + std::chrono::hours{24};
    f.open = true;
    f.limit = 100000;
    auto at = start_of_day(day) + std::chrono::hours{12};
    for (const auto& k : feedback::requests(c, f)) out[k.unit_code] += feedback::overdue(k, at);
    return out;
  };
  s.notify = [](db::Connection& c, const std::string& unit, const std::string& kind, const std::string& event,
                const std::string& message, const std::string& href,
                Instant at) { return coordination::notify_unit(c, unit, kind, event, message, href, at); };
  return s;
}

portal::Sources portal_sources(db::Database& db) {
  portal::Sources s;
  // The review report takes the units' accounts from a review request.
  s.review_requests = [](db::Connection& c) {
    std::vector<std::pair<std::int64_t, std::string>> out;
    for (const auto& r : coordination::list_requests(c)) {
      if (r.kind == "review") out.emplace_back(r.id, r.title);
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    return out;
  };
  s.review_accounts = [](db::Connection& c, std::int64_t id, bool pending) {
    portal::ReviewAccounts out;
    auto request = coordination::find_request(c, id);
    if (!request || request->kind != "review") return out;
    out.request_title = request->title;
    auto headings = request->outline.empty() ? std::vector<std::string>{"Nội dung báo cáo"} : request->outline;
    for (const auto& a : coordination::request_answers(c, id)) {
      if (a.state != "accepted" && !(pending && a.state == "submitted")) continue;
      portal::UnitAccount account;
      account.pending = a.state == "submitted";
      for (std::size_t i = 0; i < headings.size() && i < a.sections.size(); ++i) {
        account.sections.emplace_back(headings[i], a.sections[i]);
      }
      out.by_unit[a.unit_code] = std::move(account);
    }
    return out;
  };
  // The unit's editors (who wrote it) and leaders.
  s.notify = [](db::Connection& c, const std::string& unit, const std::string& kind, const std::string& event,
                const std::string& message, const std::string& href, Instant at) {
    return coordination::notify_unit(c, unit, kind, event, message, href, at, {"editor", "unit_leader"});
  };
  s.headline = [&db]() {
    std::vector<portal::Widget> out;
    db.read([&](db::Connection& c) {
      auto province = indicators::province_unit(c);
      if (!province) return;
      // The last year that has ended; the year before when it has no records.
      int year = int(local_date(now_seconds()).year()) - 1;
      for (int y : {year, year - 1}) {
        auto figures = indicators::query(c, *province, Period::of_year(y), indicators::Scope::subtree);
        bool any = false;
        for (const auto& r : indicators::rate_indicators()) {
          auto v = (figures.*r.rate).value();
          if (!v) continue;
          any = true;
          out.push_back({fmt::format("{} ({})", r.name_vi, y), text::format_percent(*v * 100.0), "/cong-khai/chi-so"});
        }
        if (any) return;
      }
    });
    return out;
  };
  s.rankings = [&db]() {
    std::vector<portal::Widget> out;
    db.read([&](db::Connection& c) {
      for (const auto& r : assessments::list_rounds(c)) {
        if (r.status != "published" || out.size() >= 3) continue;
        out.push_back({r.name, "", "/xep-hang/" + r.code});
      }
    });
    return out;
  };
  return s;
}

documents::Sinks document_sinks(db::Database& db) {
  documents::Sinks s;
  s.add_to_library = [&db](const documents::LibraryEntry& e, const documents::Upload& original,
                           const http::Principal& poster, const audit::Entry& who) {
    // The library's rule for every way in: the board posts any document,
    // published at once; anyone else only their unit's, into the board's queue.
    bool board = directory::holds(poster, "portal.review");
    // A unit's own documents only: the issuer is checked against the unit
    // the document was read for.
    if (auto refused = portal::issuer_refusal(db, board ? poster.unit_code : original.unit_code, board, e.issuer)) {
      throw invalid_input("the poster may not post a document of this issuer", *refused);
    }
    portal::Document d;
    d.number_symbol = e.number_symbol;
    d.type_code = e.type_code;
    d.issued_on = e.issued_on;
    d.issuer = e.issuer;
    d.subject = e.subject;
    d.unit_code = original.unit_code;
    // The original goes with it when the library takes its kind (PDF, Office).
    std::optional<std::pair<std::string, std::string>> file;
    if (original.content_type == "application/pdf" ||
        original.content_type.find("officedocument") != std::string::npos) {
      file = std::pair{original.name + (original.content_type == "application/pdf" ? ".pdf" : ".docx"), original.bytes};
    }
    auto slug = db.write([&](db::Connection& c) {
      auto id =
          portal::add_document(c, d, file, board ? portal::Actor::board : portal::Actor::author, who, now_seconds());
      return portal::document_in_any_state(c, id)->slug;
    });
    return "/cong-thong-tin/van-ban/" + slug;  // public once the board approves it
  };
  // The plan, its tasks and its objectives in one transaction: a task that
  // cannot be written leaves no half plan behind.
  s.create_plan = [&db](const documents::PlanDraft& p, const audit::Entry& who) {
    auto now = now_seconds();
    plans::Plan plan;
    plan.number = p.number;
    plan.unit_code = p.unit_code;
    plan.issued_on = p.issued_on;
    plan.title = p.title;
    plan.year = p.year;
    return db.write([&](db::Connection& c) {
      plan = plans::create_plan(c, plan, who, now);
      auto names = directory::unit_names(c);
      for (const auto& t : p.tasks) {
        plans::TaskInput in;
        in.area_code = p.area_code;
        in.description = t.description;
        in.deadline_text = t.deadline_text;
        in.leads = names[t.lead_unit_code];
        plans::add_task(c, plan.id, in, who, now);
      }
      for (const auto& t : p.targets) {
        plans::Objective o;
        o.plan_id = plan.id;
        o.area_code = p.area_code;
        o.text = t.text;
        o.indicator = t.indicator;
        o.level = t.level;
        o.target = t.target;
        plans::add_objective(c, o, who, now);
      }
      return "/ke-hoach/" + std::to_string(plan.id);
    });
  };
  s.plan_areas = [&db]() {
    std::vector<std::pair<std::string, std::string>> out;
    db.read([&](db::Connection& c) {
      for (const auto& a : plans::load_areas(c)) out.emplace_back(a.code, a.name);
    });
    return out;
  };
  return s;
}

indicators::Feedback feedback_record(const feedback::Figure& f) {
  indicators::Feedback record;
  record.id = f.id;
  record.unit_code = f.unit_code;
  record.channel = indicators::from_name<indicators::FeedbackChannel>(f.channel);
  record.received_at = f.received_at;
  record.due_at = f.due_at;
  record.answered_at = f.answered_at;
  record.status = indicators::from_name<indicators::FeedbackStatus>(f.status);
  if (!f.rating.empty()) record.rating = indicators::from_name<indicators::Rating>(f.rating);
  return record;
}

feedback::Sinks feedback_sinks() {
  feedback::Sinks sinks;
  sinks.figure = [](db::Connection& c, const feedback::Figure& f) {
    indicators::store_feedback(c, {feedback_record(f)});
  };
  // A case overdue long enough goes to those who keep feedback's routing
  // (feedback.manage: they can open every case), not to a coordinator, who
  // does not handle cases.
  std::set<std::string> managers;
  for (const auto& role : directory::kRoles) {
    if (directory::role_has(role, "feedback.manage")) managers.insert(role);
  }
  sinks.notify = [managers](db::Connection& c, const feedback::Notice& n) {
    int added = 0;
    auto to = n.audience == feedback::Notice::Audience::coordinator
                  ? directory::active_user_ids(c, managers)
                  : directory::active_user_ids(c, n.unit_code, {"unit_officer", "unit_leader"});
    for (auto id : to) {
      if (coordination::notify(c, id, n.kind, n.unit_code, n.event, n.message, n.href, now_seconds())) ++added;
    }
    return added;
  };
  return sinks;
}

}  // namespace cchc::app
