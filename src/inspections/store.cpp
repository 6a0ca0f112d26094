// Inspections: their SQL (store.h).
#include "inspections/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/filetype.h"
#include "core/lines.h"
#include "core/secrets.h"
#include "core/text.h"
#include "db/columns.h"
#include "directory/read.h"
#include "directory/storage.h"

namespace cchc::inspections {

using namespace std::chrono;
using nlohmann::json;

namespace {

// Minutes and fixes' evidence of one visit, in all; one more is 413.
constexpr std::size_t kMaxVisitFiles = 30;

// A minutes or evidence file: 1 byte to 5 MiB, a document, sheet, image or
// archive by its extension and its content (filetype::evidence_kinds, as
// plans' evidence); its stored name and content type.
filetype::Accepted check_file(const plans::EvidenceFile& f) {
  return filetype::check(f.filename, f.content, filetype::evidence_kinds(), 5u << 20);
}

std::int64_t seconds_of(Instant t) { return t.time_since_epoch().count(); }

// Room for one more file of the visit: its count, and its uploader unit's quota.
void make_room_for_file(db::Connection& c, std::int64_t visit_id, std::size_t bytes, const audit::Entry& who) {
  directory::within_files(
      c.query("SELECT COUNT(*) AS n FROM inspection_files WHERE inspection_id = ?", {visit_id}).one().i64("n"),
      kMaxVisitFiles, "mỗi cuộc kiểm tra");
  directory::make_room(c, who.actor, bytes);
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

db::Param date_param(const std::optional<Date>& d) { return d ? db::Param(format_iso_date(*d)) : db::Param(nullptr); }

json plan_json(const Plan& p) {
  json team = json::array();
  for (const auto& m : p.team) team.push_back({{"name", m.name}, {"unit", m.unit_code}, {"role", m.role}});
  return {{"year", p.year},   {"number", p.number},   {"title", p.title}, {"issuer", p.issuer_unit},
          {"areas", p.areas}, {"content", p.content}, {"team", team},     {"status", p.status}};
}

const db::Columns<Plan> kPlanRow{
    {"id", &Plan::id},
    {"year", &Plan::year},
    {"number", &Plan::number},
    {"title", &Plan::title},
    {"issuer_unit", &Plan::issuer_unit},
    {"issued_on", &Plan::issued_on},
    {"areas", &Plan::areas, [](const std::string& s) { return text::nonempty_lines(s); }},
    {"content", &Plan::content},
    {"status", &Plan::status},
};
const db::Columns<Inspection> kVisitRow{
    {"id", &Inspection::id},
    {"plan_id", &Inspection::plan_id},
    {"unit_code", &Inspection::unit_code},
    {"scheduled_on", &Inspection::scheduled_on},
    {"reason", &Inspection::reason},
    {"state", &Inspection::state, visit_state_of},
    {"held_on", &Inspection::held_on},
    {"summary", &Inspection::summary},
    {"announced_at", &Inspection::announced_at},
};
const db::Columns<Finding> kFindingRow{
    {"id", &Finding::id},
    {"inspection_id", &Finding::inspection_id},
    {"area_code", &Finding::area_code},
    {"shortcoming", &Finding::shortcoming},
    {"text", &Finding::text},
    {"recommendation", &Finding::recommendation},
    {"responsible_unit", &Finding::responsible_unit},
    {"due_on", &Finding::due},
    {"state", &Finding::state, fix_state_of},
    {"fix_report", &Finding::fix_report},
    {"review_note", &Finding::review_note},
    {"fixed_on", &Finding::fixed_on},
    {"reported_at", &Finding::reported_at},
};

// A plan with its team.
Plan plan_of(db::Connection& c, const db::Row& r) {
  Plan p = kPlanRow.read(r);
  for (const auto& m :
       c.query("SELECT name, unit_code, role FROM inspection_team WHERE plan_id = ? ORDER BY ord", {p.id}).rows) {
    p.team.push_back({m.str("name"), m.str("unit_code"), m.str("role")});
  }
  return p;
}

json finding_json(const Finding& f) {
  return {{"area", f.area_code},
          {"shortcoming", f.shortcoming},
          {"text", f.text},
          {"recommendation", f.recommendation},
          {"responsible_unit", f.responsible_unit},
          {"due", f.due ? json(format_iso_date(*f.due)) : json(nullptr)},
          {"state", code_of(f.state)},
          {"fix_report", f.fix_report},
          {"review_note", f.review_note},
          {"fixed_on", f.fixed_on ? json(format_iso_date(*f.fixed_on)) : json(nullptr)}};
}

void check_units_exist(db::Connection& c, const Plan& p) {
  auto names = directory::unit_names(c);
  std::vector<LineError> errors;
  if (!p.issuer_unit.empty() && !names.count(p.issuer_unit)) {
    errors.push_back({0, "unknown issuing unit " + p.issuer_unit, "Đơn vị ban hành không có trong danh mục."});
  }
  for (const auto& m : p.team) {
    if (!m.unit_code.empty() && !names.count(m.unit_code)) {
      errors.push_back({0, "unknown unit " + m.unit_code, "Đơn vị của thành viên đoàn không có trong danh mục."});
    }
  }
  if (!errors.empty()) throw rejected(errors);
}

// Every area code must be one of the reform areas (`known`: Sources::area_codes).
void check_areas(const std::set<std::string>& known, const std::vector<std::string>& codes) {
  for (const auto& code : codes) {
    if (!known.count(code)) throw invalid_input("unknown reform area " + code, "Lĩnh vực cải cách không hợp lệ.");
  }
}

void write_team(db::Connection& c, const Plan& p) {
  c.query("DELETE FROM inspection_team WHERE plan_id = ?", {p.id});
  int ord = 0;
  for (const auto& m : p.team) {
    c.query("INSERT INTO inspection_team (plan_id, ord, name, unit_code, role) VALUES (?, ?, ?, ?, ?)",
            {p.id, std::int64_t(++ord), std::string(text::trim(m.name)), m.unit_code, m.role});
  }
}

Plan need_plan(db::Connection& c, std::int64_t id) {
  auto p = find_plan(c, id);
  if (!p) throw not_found(fmt::format("no inspection plan {}", id), "Không có kế hoạch kiểm tra này.");
  return *p;
}

Inspection need_visit(db::Connection& c, std::int64_t id) {
  auto v = find_visit(c, id);
  if (!v) throw not_found(fmt::format("no inspection {}", id), "Không có cuộc kiểm tra này.");
  return *v;
}

void check_day_in_year(Date day, int year) {
  if (int(day.year()) != year) {
    throw invalid_input(fmt::format("the day must be in {}", year),
                        fmt::format("Ngày kiểm tra phải trong năm {}.", year));
  }
}

// A number is unique per issuing unit and year (number_year), not across
// the province. The plan itself (p.id; 0 when new) is left out.
void check_inspection_number_free(db::Connection& c, const Plan& p) {
  int year = number_year(p);
  for (const auto& r : c.query("SELECT year, issued_on FROM inspection_plans WHERE issuer_unit = ? AND number = ? "
                               "AND id <> ?",
                               {p.issuer_unit, p.number, p.id})
                           .rows) {
    Plan other;
    other.year = int(r.i64("year"));
    other.issued_on = r.opt_date("issued_on");
    if (number_year(other) != year) continue;
    throw invalid_input(
        fmt::format("unit {} already has an inspection plan numbered '{}' in {}", p.issuer_unit, p.number, year),
        fmt::format("Đã có kế hoạch kiểm tra số {} của đơn vị này trong năm {}.", p.number, year));
  }
}

bool open_on(db::Connection& c, const std::string& unit, Date day) {
  auto open = directory::units_open_in(c, day, day);
  return std::find(open.begin(), open.end(), unit) != open.end();
}

}  // namespace

// ---- Plans --------------------------------------------------------------------------

Plan create_plan(db::Connection& c, Plan p, const std::set<std::string>& areas, const audit::Entry& who, Instant now) {
  p.number = std::string(text::trim(p.number));
  p.status = "draft";
  if (auto errors = check_plan(p); !errors.empty()) throw rejected(errors);
  check_units_exist(c, p);
  check_areas(areas, p.areas);
  check_inspection_number_free(c, p);
  p.id = c.query(
              "INSERT INTO inspection_plans (year, number, title, issuer_unit, issued_on, areas, content, status, "
              "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {std::int64_t(p.year), p.number, std::string(text::trim(p.title)), p.issuer_unit, date_param(p.issued_on),
               joined(p.areas), p.content, p.status, who.actor, seconds_of(now)})
             .one()
             .i64("id");
  write_team(c, p);
  audit::record(c, who, "create", "inspection_plans", std::to_string(p.id), std::nullopt, plan_json(p).dump(), now);
  return p;
}

void update_plan(db::Connection& c, const Plan& changed, const std::set<std::string>& areas, const audit::Entry& who,
                 Instant now) {
  auto before = need_plan(c, changed.id);
  Plan p = changed;
  p.status = before.status;
  p.number = std::string(text::trim(p.number));
  if (auto errors = check_plan(p); !errors.empty()) throw rejected(errors);
  check_units_exist(c, p);
  check_areas(areas, p.areas);
  check_inspection_number_free(c, p);
  if (p.year != before.year && !c.query("SELECT 1 FROM inspections WHERE plan_id = ?", {p.id}).empty()) {
    throw invalid_input("the year of a plan with visits cannot change",
                        "Không đổi được năm của kế hoạch đã có đơn vị được kiểm tra.");
  }
  c.query(
      "UPDATE inspection_plans SET year = ?, number = ?, title = ?, issuer_unit = ?, issued_on = ?, areas = ?, "
      "content = ? WHERE id = ?",
      {std::int64_t(p.year), p.number, std::string(text::trim(p.title)), p.issuer_unit, date_param(p.issued_on),
       joined(p.areas), p.content, p.id});
  write_team(c, p);
  audit::record(c, who, "update", "inspection_plans", std::to_string(p.id), plan_json(before).dump(),
                plan_json(p).dump(), now);
}

std::optional<Plan> find_plan(db::Connection& c, std::int64_t id) {
  auto rows = c.query(fmt::format("SELECT {} FROM inspection_plans WHERE id = ?", kPlanRow.list()), {id});
  if (rows.empty()) return std::nullopt;
  return plan_of(c, rows.rows[0]);
}

std::vector<Plan> list_plans(db::Connection& c, std::optional<int> year) {
  std::vector<Plan> out;
  auto rows =
      year ? c.query(fmt::format("SELECT {} FROM inspection_plans WHERE year = ? ORDER BY id DESC", kPlanRow.list()),
                     {std::int64_t(*year)})
           : c.query(fmt::format("SELECT {} FROM inspection_plans ORDER BY year DESC, id DESC", kPlanRow.list()));
  for (const auto& r : rows.rows) out.push_back(plan_of(c, r));
  return out;
}

// ---- Visits ---------------------------------------------------------------------------

Inspection schedule_visit(db::Connection& c, std::int64_t plan_id, const std::string& unit, Date day,
                          const std::string& reason, const audit::Entry& who, Instant now) {
  auto p = need_plan(c, plan_id);
  check_day_in_year(day, p.year);
  if (!open_on(c, unit, day)) {
    throw invalid_input(fmt::format("unit {} is not open on {}", unit, format_iso_date(day)),
                        "Đơn vị không còn hoạt động vào ngày kiểm tra.");
  }
  if (!c.query("SELECT 1 FROM inspections WHERE plan_id = ? AND unit_code = ?", {plan_id, unit}).empty()) {
    throw invalid_input(fmt::format("unit {} is already on the plan", unit), "Đơn vị đã có trong kế hoạch kiểm tra.");
  }
  if (text::code_points(reason) > 500) throw invalid_input("reason over 500 characters", "Lý do tối đa 500 ký tự.");
  Inspection v;
  v.plan_id = plan_id;
  v.unit_code = unit;
  v.scheduled_on = day;
  v.reason = reason;
  v.id = c.query(
              "INSERT INTO inspections (plan_id, unit_code, scheduled_on, reason, state) VALUES (?, ?, ?, ?, "
              "'scheduled') RETURNING id",
              {plan_id, unit, format_iso_date(day), reason})
             .one()
             .i64("id");
  audit::record(c, who, "create", "inspections", std::to_string(v.id), std::nullopt,
                json{{"plan", plan_id}, {"unit", unit}, {"day", format_iso_date(day)}, {"reason", reason}}.dump(), now);
  return v;
}

void reschedule_visit(db::Connection& c, std::int64_t id, Date day, const audit::Entry& who, Instant now) {
  auto v = need_visit(c, id);
  if (v.state != VisitState::scheduled) {
    throw invalid_input("the visit is done", "Cuộc kiểm tra đã thực hiện, không đổi được ngày.");
  }
  check_day_in_year(day, need_plan(c, v.plan_id).year);
  c.query("UPDATE inspections SET scheduled_on = ?, announced_at = NULL WHERE id = ?", {format_iso_date(day), id});
  audit::record(c, who, "update", "inspections", std::to_string(id),
                json{{"day", format_iso_date(v.scheduled_on)}}.dump(), json{{"day", format_iso_date(day)}}.dump(), now);
}

void remove_visit(db::Connection& c, std::int64_t id, const audit::Entry& who, Instant now) {
  auto v = need_visit(c, id);
  if (v.state != VisitState::scheduled) {
    throw invalid_input("the visit is done", "Cuộc kiểm tra đã thực hiện, không xóa được.");
  }
  c.query("DELETE FROM inspection_files WHERE inspection_id = ?", {id});
  c.query("DELETE FROM inspections WHERE id = ?", {id});
  audit::record(c, who, "delete", "inspections", std::to_string(id),
                json{{"unit", v.unit_code}, {"day", format_iso_date(v.scheduled_on)}}.dump(), std::nullopt, now);
}

std::optional<Inspection> find_visit(db::Connection& c, std::int64_t id) {
  auto rows = c.query(fmt::format("SELECT {} FROM inspections WHERE id = ?", kVisitRow.list()), {id});
  if (rows.empty()) return std::nullopt;
  return kVisitRow.read(rows.rows[0]);
}

std::vector<Inspection> visits_of(db::Connection& c, std::int64_t plan_id) {
  std::vector<Inspection> out;
  for (const auto& r :
       c.query(fmt::format("SELECT {} FROM inspections WHERE plan_id = ? ORDER BY scheduled_on, unit_code",
                           kVisitRow.list()),
               {plan_id})
           .rows) {
    out.push_back(kVisitRow.read(r));
  }
  return out;
}

std::vector<Inspection> announce(db::Connection& c, std::int64_t plan_id, const audit::Entry& who, Instant now) {
  auto p = need_plan(c, plan_id);
  auto visits = visits_of(c, plan_id);
  if (auto past = past_unannounced(visits, local_date(now)); !past.empty()) {
    auto names = directory::unit_names(c);
    std::string en, vi;
    for (const auto& v : past) {
      en += (en.empty() ? "" : ", ") + v.unit_code + " on " + format_iso_date(v.scheduled_on);
      vi += (vi.empty() ? "" : "; ") + fmt::format("{} (ngày {})",
                                                   names.count(v.unit_code) ? names[v.unit_code] : v.unit_code,
                                                   format_date_vi(v.scheduled_on));
    }
    throw invalid_input(
        "a visit's day has passed: " + en,
        fmt::format("Không thông báo lịch kiểm tra cho ngày đã qua: {}. Bỏ đơn vị khỏi kế hoạch rồi thêm lại với "
                    "ngày kiểm tra mới, hoặc ghi biên bản nếu đã kiểm tra.",
                    vi));
  }
  std::vector<Inspection> told;
  for (auto& v : visits) {
    if (v.announced_at || v.state != VisitState::scheduled) continue;
    c.query("UPDATE inspections SET announced_at = ? WHERE id = ?", {seconds_of(now), v.id});
    v.announced_at = now;
    told.push_back(v);
  }
  if (p.status != "announced") c.query("UPDATE inspection_plans SET status = 'announced' WHERE id = ?", {plan_id});
  audit::record(c, who, "update", "inspection_plans", std::to_string(plan_id), json{{"status", p.status}}.dump(),
                json{{"status", "announced"}, {"told", told.size()}}.dump(), now);
  return told;
}

// ---- The record ------------------------------------------------------------------------

void record_visit(db::Connection& c, std::int64_t id, Date held_on, const std::string& summary, const audit::Entry& who,
                  Instant now) {
  auto v = need_visit(c, id);
  check_day_in_year(held_on, need_plan(c, v.plan_id).year);
  if (sys_days{held_on} > sys_days{local_date(now)}) {
    throw invalid_input("the inspection day is in the future", "Ngày kiểm tra không được sau hôm nay.");
  }
  if (text::code_points(summary) > 20000) {
    throw invalid_input("the conclusion is over 20000 characters", "Kết luận tối đa 20.000 ký tự.");
  }
  c.query(
      "UPDATE inspections SET state = 'done', held_on = ?, summary = ?, recorded_by = ?, recorded_at = ? WHERE id = ?",
      {format_iso_date(held_on), summary, who.actor, seconds_of(now), id});
  audit::record(c, who, "update", "inspections", std::to_string(id), json{{"state", code_of(v.state)}}.dump(),
                json{{"state", "done"}, {"held_on", format_iso_date(held_on)}, {"summary", summary}}.dump(), now);
}

Finding add_finding(db::Connection& c, std::int64_t visit_id, Finding f, const std::set<std::string>& areas,
                    const audit::Entry& who, Instant now) {
  auto v = need_visit(c, visit_id);
  if (v.state != VisitState::done) {
    throw invalid_input("record the visit first", "Ghi ngày kiểm tra và kết luận trước khi thêm kết quả.");
  }
  f.inspection_id = visit_id;
  f.text = std::string(text::trim(f.text));
  f.recommendation = std::string(text::trim(f.recommendation));
  if (!f.shortcoming) f.responsible_unit.clear();  // the form always names one
  if (auto errors = check_finding(f); !errors.empty()) throw rejected(errors);
  check_areas(areas, {f.area_code});
  if (f.shortcoming && !directory::unit_names(c).count(f.responsible_unit)) {
    throw invalid_input("unknown unit " + f.responsible_unit, "Đơn vị chịu trách nhiệm không có trong danh mục.");
  }
  f.state = FixState::open;
  f.id = c.query(
              "INSERT INTO inspection_findings (inspection_id, area_code, shortcoming, text, recommendation, "
              "responsible_unit, due_on, state, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?) "
              "RETURNING id",
              {visit_id, f.area_code, std::int64_t(f.shortcoming), f.text, f.recommendation,
               f.shortcoming ? db::Param(f.responsible_unit) : db::Param(nullptr), date_param(f.due), who.actor,
               seconds_of(now)})
             .one()
             .i64("id");
  audit::record(c, who, "create", "inspection_findings", std::to_string(f.id), std::nullopt, finding_json(f).dump(),
                now);
  return f;
}

void delete_finding(db::Connection& c, std::int64_t id, const audit::Entry& who, Instant now) {
  auto f = find_finding(c, id);
  if (!f) throw not_found(fmt::format("no finding {}", id), "Không có kết quả kiểm tra này.");
  if (f->shortcoming && (f->state != FixState::open || f->reported_at)) {
    throw invalid_input("the unit has acted on this recommendation", "Đơn vị đã báo cáo khắc phục, không xóa được.");
  }
  c.query("DELETE FROM inspection_finding_events WHERE finding_id = ?", {id});
  c.query("DELETE FROM inspection_findings WHERE id = ?", {id});
  audit::record(c, who, "delete", "inspection_findings", std::to_string(id), finding_json(*f).dump(), std::nullopt,
                now);
}

std::optional<Finding> find_finding(db::Connection& c, std::int64_t id) {
  auto rows = c.query(fmt::format("SELECT {} FROM inspection_findings WHERE id = ?", kFindingRow.list()), {id});
  if (rows.empty()) return std::nullopt;
  return kFindingRow.read(rows.rows[0]);
}

std::vector<Finding> findings_of(db::Connection& c, std::int64_t visit_id) {
  std::vector<Finding> out;
  for (const auto& r : c.query(fmt::format("SELECT {} FROM inspection_findings WHERE inspection_id = ? ORDER BY id",
                                           kFindingRow.list()),
                               {visit_id})
                           .rows) {
    out.push_back(kFindingRow.read(r));
  }
  return out;
}

// ---- Follow-up --------------------------------------------------------------------------

void act(db::Connection& c, std::int64_t finding_id, FixAction action, FixActor actor, const std::string& note,
         const plans::EvidenceFile* file, const audit::Entry& who, Instant now) {
  auto f = find_finding(c, finding_id);
  if (!f || !f->shortcoming)
    throw not_found(fmt::format("no recommendation {}", finding_id), "Không có kiến nghị này.");
  auto next = follow_up(f->state, action, actor);
  if (!next) {
    throw invalid_input(fmt::format("not allowed on a recommendation {}", code_of(f->state)),
                        fmt::format("Không thực hiện được: kiến nghị đang ở trạng thái \"{}\".", label_vi(f->state)));
  }
  auto said = std::string(text::trim(note));
  auto n = text::code_points(said);
  if (action != FixAction::accept && (n == 0 || n > 4000)) {
    throw invalid_input(
        action == FixAction::report ? "say what was fixed (1-4000 characters)" : "give the reason (1-4000 characters)",
        action == FixAction::report ? "Nhập kết quả khắc phục (1 đến 4.000 ký tự)."
                                    : "Nhập lý do trả lại (1 đến 4.000 ký tự).");
  }
  if (n > 4000) throw invalid_input("note over 4000 characters", "Ghi chú tối đa 4.000 ký tự.");
  std::optional<filetype::Accepted> checked;
  if (file) checked = check_file(*file);
  auto before = finding_json(*f);
  switch (action) {
    case FixAction::report:
      c.query(
          "UPDATE inspection_findings SET state = 'reported', fix_report = ?, review_note = '', reported_at = ? "
          "WHERE id = ?",
          {said, seconds_of(now), finding_id});
      f->fix_report = said;
      f->reported_at = now;
      break;
    case FixAction::accept: {
      auto on = f->reported_at ? local_date(*f->reported_at) : local_date(now);
      c.query("UPDATE inspection_findings SET state = 'fixed', fixed_on = ? WHERE id = ?",
              {format_iso_date(on), finding_id});
      f->fixed_on = on;
      break;
    }
    case FixAction::send_back:
      c.query("UPDATE inspection_findings SET state = 'returned', review_note = ? WHERE id = ?", {said, finding_id});
      f->review_note = said;
      break;
  }
  f->state = *next;
  if (checked) {
    make_room_for_file(c, f->inspection_id, file->content.size(), who);
    c.query(
        "INSERT INTO inspection_files (inspection_id, finding_id, kind, filename, content_type, size, sha256, content, "
        "uploaded_by, uploaded_at) VALUES (?, ?, 'evidence', ?, ?, ?, ?, ?, ?, ?)",
        {f->inspection_id, finding_id, checked->name, checked->content_type, std::int64_t(file->content.size()),
         sha256_hex(file->content), text::base64(file->content), who.actor, seconds_of(now)});
  }
  static const char* names[] = {"report", "accept", "send_back"};
  c.query("INSERT INTO inspection_finding_events (finding_id, action, note, actor, at) VALUES (?, ?, ?, ?, ?)",
          {finding_id, std::string(names[int(action)]), said, who.actor, seconds_of(now)});
  audit::record(c, who, "update", "inspection_findings", std::to_string(finding_id), before.dump(),
                finding_json(*f).dump(), now);
}

std::vector<FindingEvent> finding_events(db::Connection& c, std::int64_t finding_id) {
  std::vector<FindingEvent> out;
  for (const auto& r :
       c.query("SELECT action, note, actor, at FROM inspection_finding_events WHERE finding_id = ? ORDER BY id",
               {finding_id})
           .rows) {
    out.push_back({r.str("action"), r.str("note"), r.str("actor"), r.instant("at")});
  }
  return out;
}

std::vector<Recommendation> recommendations(db::Connection& c, std::optional<int> year,
                                            const std::vector<std::string>& units) {
  std::string sql = fmt::format(
      "SELECT {}, i.plan_id, i.unit_code, i.scheduled_on, i.reason, i.state AS visit_state, i.held_on, i.summary, "
      "p.number, p.year FROM inspection_findings f JOIN inspections i ON i.id = f.inspection_id JOIN inspection_plans "
      "p ON p.id = "
      "i.plan_id WHERE f.shortcoming = 1 AND i.state = 'done'{} ORDER BY f.due_on, f.id",
      kFindingRow.list("f"), year ? " AND p.year = ?" : "");
  std::vector<db::Param> params;
  if (year) params.emplace_back(std::int64_t(*year));
  std::set<std::string> wanted(units.begin(), units.end());
  std::vector<Recommendation> out;
  for (const auto& r : c.query(sql, params).rows) {
    Recommendation rec;
    rec.finding = kFindingRow.read(r);
    if (!wanted.empty() && !wanted.count(rec.finding.responsible_unit)) continue;
    rec.visit.id = r.i64("inspection_id");
    rec.visit.plan_id = r.i64("plan_id");
    rec.visit.unit_code = r.str("unit_code");
    rec.visit.scheduled_on = r.date("scheduled_on");
    rec.visit.reason = r.str("reason");
    rec.visit.state = visit_state_of(r.str("visit_state"));
    rec.visit.held_on = r.opt_date("held_on");
    rec.visit.summary = r.str("summary");
    rec.plan_number = r.str("number");
    rec.year = int(r.i64("year"));
    out.push_back(std::move(rec));
  }
  return out;
}

// ---- Files -------------------------------------------------------------------------------

FileRef attach_file(db::Connection& c, std::int64_t visit_id, std::optional<std::int64_t> finding_id,
                    const std::string& kind, const plans::EvidenceFile& file, const audit::Entry& who, Instant now) {
  need_visit(c, visit_id);
  if (kind != "minutes" && kind != "evidence") throw invalid_input("kind must be minutes or evidence");
  auto checked = check_file(file);
  make_room_for_file(c, visit_id, file.content.size(), who);
  auto id = c.query(
                 "INSERT INTO inspection_files (inspection_id, finding_id, kind, filename, content_type, size, sha256, "
                 "content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 {visit_id, finding_id ? db::Param(*finding_id) : db::Param(nullptr), kind, checked.name,
                  checked.content_type, std::int64_t(file.content.size()), sha256_hex(file.content),
                  text::base64(file.content), who.actor, seconds_of(now)})
                .one()
                .i64("id");
  audit::record(c, who, "create", "inspection_files", std::to_string(id), std::nullopt,
                json{{"visit", visit_id}, {"kind", kind}, {"name", checked.name}}.dump(), now);
  return {id, kind, checked.name, finding_id};
}

std::vector<FileRef> files_of(db::Connection& c, std::int64_t visit_id) {
  std::vector<FileRef> out;
  for (const auto& r :
       c.query("SELECT id, kind, filename, finding_id FROM inspection_files WHERE inspection_id = ? ORDER BY id",
               {visit_id})
           .rows) {
    out.push_back({r.i64("id"), r.str("kind"), r.str("filename"),
                   r.is_null("finding_id") ? std::nullopt : std::optional(r.i64("finding_id"))});
  }
  return out;
}

std::optional<StoredFile> find_file(db::Connection& c, std::int64_t id) {
  auto rows = c.query("SELECT inspection_id, filename, content_type, content FROM inspection_files WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.rows[0];
  auto bytes = text::unbase64(r.str("content"));
  if (!bytes) throw Error(ErrorKind::internal, "a stored inspection file is damaged");
  return StoredFile{r.i64("inspection_id"), r.str("filename"), r.str("content_type"), std::move(*bytes)};
}

// ---- Figures and selection -----------------------------------------------------------------

std::vector<VisitFacts> visit_facts(db::Connection& c, int year) {
  std::vector<VisitFacts> out;
  std::map<std::int64_t, std::size_t> at;
  for (const auto& r : c.query("SELECT i.id, i.unit_code, i.state FROM inspections i JOIN inspection_plans p ON p.id = "
                               "i.plan_id WHERE p.year = ? ORDER BY i.id",
                               {std::int64_t(year)})
                           .rows) {
    at[r.i64("id")] = out.size();
    out.push_back({r.str("unit_code"), r.str("state") == "done", {}});
  }
  for (const auto& r :
       c.query(fmt::format("SELECT {} FROM inspection_findings WHERE inspection_id IN (SELECT i.id FROM "
                           "inspections i JOIN inspection_plans p ON p.id = i.plan_id WHERE p.year = ?) "
                           "ORDER BY id",
                           kFindingRow.list()),
               {std::int64_t(year)})
           .rows) {
    auto f = kFindingRow.read(r);
    out[at.at(f.inspection_id)].findings.push_back(std::move(f));
  }
  return out;
}

std::map<std::string, int> last_inspected(db::Connection& c) {
  std::map<std::string, int> out;
  for (const auto& r : c.query("SELECT i.unit_code, max(p.year) AS y FROM inspections i JOIN inspection_plans p ON "
                               "p.id = i.plan_id WHERE i.state = 'done' GROUP BY i.unit_code")
                           .rows) {
    out[r.str("unit_code")] = int(r.i64("y"));
  }
  return out;
}

UnitFacts unit_facts(db::Database& db, Date day) {
  UnitFacts u;
  for (const auto& l : directory::load_levels(db)) {
    if (l.code != "province") u.levels.emplace_back(l.code, l.name);
  }
  for (const auto& unit : directory::load_units(db)) {
    if (unit.level == "province") continue;  // the province's committee inspects; it is not inspected
    if (unit.valid_on(day)) {
      u.level_of[unit.code] = unit.level;
    } else if (!unit.successor_codes.empty()) {
      u.successors[unit.code] = unit.successor_codes;
    }
  }
  return u;
}

Figures year_figures(db::Database& db, int year, Date day, const std::set<std::string>& within) {
  // The units of the year's end once it is over; overdue judged on `day`.
  Date end = Date{std::chrono::year{year} / December / 31};
  auto visits = db.read([&](db::Connection& c) { return visit_facts(c, year); });
  return figures_of(year, visits, unit_facts(db, sys_days{day} > sys_days{end} ? end : day), day, within);
}

}  // namespace cchc::inspections
