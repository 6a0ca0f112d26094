#include "inspections/rules.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <regex>

#include "core/text.h"

namespace cchc::inspections {

using namespace std::chrono;

std::string code_of(VisitState s) { return s == VisitState::done ? "done" : "scheduled"; }

VisitState visit_state_of(std::string_view code) {
  if (code == "scheduled") return VisitState::scheduled;
  if (code == "done") return VisitState::done;
  throw invalid_input(fmt::format("unknown inspection state '{}'", code), "Trạng thái cuộc kiểm tra không hợp lệ.");
}

std::string code_of(FixState s) {
  switch (s) {
    case FixState::open: return "open";
    case FixState::reported: return "reported";
    case FixState::returned: return "returned";
    case FixState::fixed: return "fixed";
  }
  return "open";
}

FixState fix_state_of(std::string_view code) {
  for (auto s : {FixState::open, FixState::reported, FixState::returned, FixState::fixed}) {
    if (code_of(s) == code) return s;
  }
  throw invalid_input(fmt::format("unknown recommendation state '{}'", code), "Trạng thái kiến nghị không hợp lệ.");
}

std::string label_vi(FixState s) {
  switch (s) {
    case FixState::open: return "Đang khắc phục";
    case FixState::reported: return "Đã báo cáo, chờ đoàn kiểm tra xem xét";
    case FixState::returned: return "Bị trả lại, cần khắc phục tiếp";
    case FixState::fixed: return "Đã khắc phục";
  }
  return "";
}

Rule rule_of(std::string_view code) {
  if (code == "not_inspected") return Rule::not_inspected;
  if (code == "lowest_ranked") return Rule::lowest_ranked;
  if (code == "most_overdue") return Rule::most_overdue;
  throw invalid_input(fmt::format("unknown selection rule '{}'", code), "Tiêu chí chọn đơn vị không hợp lệ.");
}

// ---- Selection ------------------------------------------------------------------

std::vector<Selected> select_units(const std::vector<Candidate>& candidates, Rule rule, int n, int year,
                                   const std::set<std::string>& taken) {
  int most = rule == Rule::not_inspected ? 10 : 500;
  if (n < 1 || n > most) {
    throw invalid_input(fmt::format("n must be 1-{}", most), fmt::format("Số phải từ 1 đến {}.", most));
  }
  std::vector<const Candidate*> pool;
  for (const auto& c : candidates) {
    if (!taken.count(c.unit_code)) pool.push_back(&c);
  }
  std::vector<Selected> out;
  auto by_code = [](const Candidate* a, const Candidate* b) { return a->unit_code < b->unit_code; };
  switch (rule) {
    case Rule::not_inspected: {
      int since = year - n + 1;  // inspected in [since, year] keeps a unit out
      std::erase_if(pool, [&](const Candidate* c) { return c->last_inspected && *c->last_inspected >= since; });
      std::stable_sort(pool.begin(), pool.end(), by_code);
      std::stable_sort(pool.begin(), pool.end(), [](const Candidate* a, const Candidate* b) {
        return a->last_inspected.value_or(0) < b->last_inspected.value_or(0);
      });
      for (const auto* c : pool) {
        out.push_back({c->unit_code, c->last_inspected ? fmt::format("Chưa được kiểm tra từ năm {}", *c->last_inspected)
                                                       : std::string("Chưa được kiểm tra")});
      }
      break;
    }
    case Rule::lowest_ranked: {
      std::erase_if(pool, [](const Candidate* c) { return !c->rank; });
      std::stable_sort(pool.begin(), pool.end(), by_code);
      std::stable_sort(pool.begin(), pool.end(),
                       [](const Candidate* a, const Candidate* b) { return *a->rank > *b->rank; });
      if (int(pool.size()) > n) pool.resize(n);
      for (const auto* c : pool) {
        out.push_back(
            {c->unit_code, fmt::format("Xếp hạng {}/{} trong lần đánh giá gần nhất", *c->rank, c->ranked_of)});
      }
      break;
    }
    case Rule::most_overdue: {
      std::erase_if(pool, [](const Candidate* c) { return c->overdue_tasks + c->overdue_feedback == 0; });
      std::stable_sort(pool.begin(), pool.end(), by_code);
      std::stable_sort(pool.begin(), pool.end(), [](const Candidate* a, const Candidate* b) {
        return a->overdue_tasks + a->overdue_feedback > b->overdue_tasks + b->overdue_feedback;
      });
      if (int(pool.size()) > n) pool.resize(n);
      for (const auto* c : pool) {
        std::vector<std::string> parts;
        if (c->overdue_tasks) parts.push_back(fmt::format("{} nhiệm vụ quá hạn", text::format_int(c->overdue_tasks)));
        if (c->overdue_feedback) {
          parts.push_back(fmt::format("{} phản ánh, kiến nghị quá hạn", text::format_int(c->overdue_feedback)));
        }
        out.push_back({c->unit_code, fmt::format("{}", fmt::join(parts, ", "))});
      }
      break;
    }
  }
  return out;
}

// ---- Follow-up ---------------------------------------------------------------------

std::optional<FixState> follow_up(FixState from, FixAction action, FixActor actor) {
  using enum FixState;
  struct Row {
    FixState from;
    FixAction action;
    FixActor actor;
    FixState to;
  };
  static constexpr Row table[] = {
      {open, FixAction::report, FixActor::unit, reported},
      {returned, FixAction::report, FixActor::unit, reported},
      {reported, FixAction::accept, FixActor::team, fixed},
      {reported, FixAction::send_back, FixActor::team, returned},
  };
  for (const auto& r : table) {
    if (r.from == from && r.action == action && r.actor == actor) return r.to;
  }
  return std::nullopt;
}

std::vector<Inspection> past_unannounced(const std::vector<Inspection>& visits, Date today) {
  std::vector<Inspection> out;
  for (const auto& v : visits) {
    if (v.state == VisitState::scheduled && !v.announced_at && sys_days{v.scheduled_on} < sys_days{today})
      out.push_back(v);
  }
  return out;
}

bool overdue(const Finding& f, Date day) {
  if (!f.shortcoming || !f.due || f.state == FixState::fixed) return false;
  if (f.state == FixState::reported && f.reported_at && sys_days{local_date(*f.reported_at)} <= sys_days{*f.due}) {
    return false;
  }
  return sys_days{day} > sys_days{*f.due};
}

bool fixed_on_time(const Finding& f) {
  return f.shortcoming && f.state == FixState::fixed && f.fixed_on && f.due &&
         sys_days{*f.fixed_on} <= sys_days{*f.due};
}

Date due_of(Date held_on, std::optional<int> days, std::optional<Date> date, const WorkCalendar& calendar) {
  if (days.has_value() == date.has_value()) {
    throw invalid_input("give either working days or a date for the recommendation's deadline",
                        "Nhập thời hạn khắc phục bằng số ngày làm việc hoặc một ngày cụ thể.");
  }
  if (days) {
    if (*days < 1 || *days > 250) {
      throw invalid_input("working days must be 1-250", "Số ngày làm việc phải từ 1 đến 250.");
    }
    if (calendar.covers(held_on)) return calendar.add_working_days(held_on, *days);
    // Outside the calendar's years: Monday to Friday.
    Date d = held_on;
    for (int left = *days; left > 0;) {
      d = Date{sys_days{d} + std::chrono::days{1}};
      if (weekday{sys_days{d}}.c_encoding() % 6 != 0) --left;
    }
    return d;
  }
  if (sys_days{*date} < sys_days{held_on}) {
    throw invalid_input("the deadline is before the inspection", "Thời hạn khắc phục không được trước ngày kiểm tra.");
  }
  return *date;
}

std::vector<LineError> check_plan(const Plan& p) {
  std::vector<LineError> errors;
  auto add = [&](const std::string& en, const std::string& vi) { errors.push_back({0, en, vi}); };
  static const std::regex number(R"(^[0-9]{1,6}/[A-Za-zĐđ0-9][A-Za-zĐđ0-9.\-]{0,40}$)");
  if (!std::regex_match(p.number, number)) {
    add(fmt::format("the number '{}' is not of the form 45/KH-SNV", p.number),
        fmt::format("Số, ký hiệu \"{}\" không đúng dạng (ví dụ 45/KH-SNV).", p.number));
  }
  auto title = text::code_points(text::trim(p.title));
  if (title == 0 || title > 500) add("the title must be 1-500 characters", "Trích yếu phải có từ 1 đến 500 ký tự.");
  if (p.year < 2000 || p.year > 2100) add("the year must be 2000-2100", "Năm kế hoạch phải từ 2000 đến 2100.");
  if (p.issuer_unit.empty()) add("the issuing unit is missing", "Chưa chọn đơn vị ban hành.");
  if (p.team.size() > 30) add("at most 30 team members", "Đoàn kiểm tra tối đa 30 thành viên.");
  int heads = 0;
  for (const auto& m : p.team) {
    heads += m.role == "head";
    if (m.role != "head" && m.role != "member" && m.role != "secretary") {
      add("a member's role must be head, member or secretary", "Vai trò thành viên đoàn không hợp lệ.");
    }
    auto name = text::code_points(text::trim(m.name));
    if (name == 0 || name > 200 || m.unit_code.empty()) {
      add("each member needs a name (1-200 characters) and a unit", "Mỗi thành viên đoàn cần họ tên và đơn vị.");
    }
  }
  if (!p.team.empty() && heads != 1) add("the team needs exactly one head", "Đoàn kiểm tra cần đúng một trưởng đoàn.");
  if (text::code_points(p.content) > 20000) add("content over 20000 characters", "Nội dung tối đa 20.000 ký tự.");
  return errors;
}

int number_year(const Plan& p) { return p.issued_on ? int(p.issued_on->year()) : p.year; }

std::vector<LineError> check_finding(const Finding& f) {
  std::vector<LineError> errors;
  auto add = [&](const std::string& en, const std::string& vi) { errors.push_back({0, en, vi}); };
  if (f.area_code.empty()) add("the reform area is missing", "Chưa chọn lĩnh vực.");
  auto n = text::code_points(text::trim(f.text));
  if (n == 0 || n > 4000)
    add("the finding must be 1-4000 characters", "Nội dung kết quả kiểm tra phải có từ 1 đến 4.000 ký tự.");
  if (f.shortcoming) {
    auto r = text::code_points(text::trim(f.recommendation));
    if (r == 0 || r > 4000)
      add("the recommendation must be 1-4000 characters", "Kiến nghị phải có từ 1 đến 4.000 ký tự.");
    if (f.responsible_unit.empty())
      add("the unit responsible is missing", "Chưa chọn đơn vị chịu trách nhiệm khắc phục.");
    if (!f.due) add("the deadline is missing", "Chưa có thời hạn khắc phục.");
  } else if (!text::trim(f.recommendation).empty() || f.due) {
    // What was typed is never dropped: a good point with a recommendation
    // or a deadline contradicts itself.
    add("a good point has no recommendation or deadline: record it as a shortcoming",
        "Ưu điểm không có kiến nghị khắc phục hay thời hạn: chọn \"Hạn chế\" hoặc bỏ kiến nghị và thời hạn.");
  }
  return errors;
}

// ---- Figures ---------------------------------------------------------------------------

namespace {

// The open units a visit to `unit` counts for: itself if open, else its
// successors, followed (a guard against cycles in bad data).
void counted_for(const UnitFacts& u, const std::string& unit, std::set<std::string>& out, int depth = 0) {
  if (depth > 20) return;
  if (u.level_of.count(unit)) {
    out.insert(unit);
    return;
  }
  auto s = u.successors.find(unit);
  if (s == u.successors.end()) return;
  for (const auto& next : s->second) counted_for(u, next, out, depth + 1);
}

}  // namespace

Figures figures_of(int year, const std::vector<VisitFacts>& visits, const UnitFacts& units, Date day,
                   const std::set<std::string>& within) {
  Figures f;
  f.year = year;
  auto counts = [&](const std::string& unit) { return within.empty() || within.count(unit) > 0; };
  std::set<std::string> inspected;
  for (const auto& v : visits) {
    if (!v.done) continue;
    counted_for(units, v.unit_code, inspected);
    for (const auto& finding : v.findings) {
      if (!finding.shortcoming || !counts(finding.responsible_unit)) continue;
      ++f.recommendations;
      if (finding.state == FixState::fixed) {
        ++f.fixed;
        f.fixed_on_time += fixed_on_time(finding);
      } else {
        ++f.open;
      }
      f.overdue += overdue(finding, day);
    }
  }
  for (const auto& [level, name] : units.levels) {
    LevelShare s{level};
    for (const auto& [code, l] : units.level_of) {
      if (l != level || !counts(code)) continue;
      ++s.units;
      s.inspected += inspected.count(code) ? 1 : 0;
    }
    if (s.units == 0) continue;
    f.units += s.units;
    f.inspected += s.inspected;
    f.levels.push_back(s);
  }
  return f;
}

std::optional<double> share(int part, int whole) {
  if (whole <= 0) return std::nullopt;
  return std::round(1000.0 * part / whole) / 10.0;
}

const std::vector<std::pair<std::string, std::string>>& figure_indicators() {
  static const std::vector<std::pair<std::string, std::string>> v = {
      {"inspection_coverage", "Tỷ lệ cơ quan, đơn vị được kiểm tra công tác cải cách hành chính"},
      {"recommendations_fixed", "Tỷ lệ kiến nghị sau kiểm tra được khắc phục"},
      {"recommendations_fixed_on_time", "Tỷ lệ kiến nghị sau kiểm tra được khắc phục đúng hạn"}};
  return v;
}

bool is_figure_indicator(std::string_view code) {
  const auto& v = figure_indicators();
  return std::any_of(v.begin(), v.end(), [&](const auto& p) { return p.first == code; });
}

std::optional<double> figure_ratio(const Figures& f, std::string_view code) {
  int part = 0, whole = 0;
  if (code == "inspection_coverage") {
    part = f.inspected;
    whole = f.units;
  } else if (code == "recommendations_fixed") {
    part = f.fixed;
    whole = f.recommendations;
  } else if (code == "recommendations_fixed_on_time") {
    part = f.fixed_on_time;
    whole = f.recommendations;
  } else {
    throw invalid_input(fmt::format("unknown inspection figure '{}'", code), "Chỉ số kiểm tra không hợp lệ.");
  }
  if (whole <= 0) return std::nullopt;
  return double(part) / whole;
}

}  // namespace cchc::inspections
