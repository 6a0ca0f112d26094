// Appraisals' SQL: appraisers, scores and comments, the unit's answer,
// finalising (store.h).
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "assessments/store.h"
#include "assessments/store_support.h"
#include "core/calendar.h"
#include "core/text.h"
#include "db/stamps.h"
#include "directory/read.h"

namespace cchc::assessments {

using nlohmann::json;

namespace {

// Whether `unit` is the appraiser's own: the same unit, one under it or one
// above it, the province's root (which is above every unit) excepted.
bool own_unit(db::Connection& c, const std::string& unit, const std::string& appraiser_unit) {
  if (unit == appraiser_unit) return true;
  auto is_root = [&](const std::string& code) {
    auto u = directory::find_unit(c, code);
    return !u || u->parent_code.empty();
  };
  return (!is_root(appraiser_unit) && directory::unit_within(c, unit, appraiser_unit)) ||
         (!is_root(unit) && directory::unit_within(c, appraiser_unit, unit));
}

// The round open, `who` assigned to the unit and not of it, the unit's
// self-assessment submitted.
void require_appraiser(db::Connection& c, const UnitStep& step, const std::string& unit, const audit::Entry& who,
                       const std::string& appraiser_unit) {
  require_open(step.round);
  auto mine = appraisers(c, step.round.id, unit);
  if (std::find(mine.begin(), mine.end(), who.actor) == mine.end()) {
    throw forbidden("you are not assigned to appraise this unit", "Bạn không được phân công thẩm định đơn vị này.");
  }
  if (own_unit(c, unit, appraiser_unit)) {
    throw forbidden("nobody appraises their own unit", "Không được thẩm định đơn vị của chính mình.");
  }
  if (step.participant.state != "submitted") {
    throw conflict("the unit has not submitted its self-assessment", "Đơn vị chưa gửi bản tự đánh giá.");
  }
}

}  // namespace

void assign_appraiser(db::Connection& c, std::int64_t round_id, const std::string& unit, const std::string& username,
                      const audit::Entry& who, Instant now) {
  auto step = unit_step(c, round_id, unit);
  require_open(step.round);
  // Usernames are stored lower case, and round_appraisers holds them as
  // stored: another spelling is no user.
  auto user = directory::find_user(c, username);
  if (!user || !user->active || user->username != username) {
    throw not_found(fmt::format("no active user '{}'", username), "Không tìm thấy người dùng.");
  }
  if (std::find(user->roles.begin(), user->roles.end(), "appraiser") == user->roles.end()) {
    throw invalid_input(fmt::format("user '{}' is not an appraiser", username),
                        "Người dùng không có vai trò thành viên tổ thẩm định.");
  }
  if (own_unit(c, unit, user->unit_code)) {
    throw forbidden("nobody appraises their own unit", "Không được phân công thẩm định đơn vị của chính mình.");
  }
  if (!c.query("SELECT 1 FROM round_appraisers WHERE round_id = ? AND unit_code = ? AND username = ?",
               {round_id, unit, username})
           .empty()) {
    return;
  }
  c.query("INSERT INTO round_appraisers (round_id, unit_code, username) VALUES (?, ?, ?)", {round_id, unit, username});
  audit::record(c, who, "assign", "assessment_appraisers", entity_id(step.round, unit), std::nullopt,
                json{{"appraiser", username}}.dump(), now);
}

void assign_appraiser(db::Database& db, std::int64_t round_id, const std::string& unit, const std::string& username,
                      const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) { assign_appraiser(c, round_id, unit, username, who, now); });
}

std::vector<std::string> appraisers(db::Connection& c, std::int64_t round_id, const std::string& unit) {
  std::vector<std::string> out;
  for (const auto& r : c.query("SELECT username FROM round_appraisers WHERE round_id = ? AND unit_code = ? "
                               "ORDER BY username",
                               {round_id, unit})
                           .rows) {
    out.push_back(r.str("username"));
  }
  return out;
}

std::vector<std::string> appraised_by(db::Connection& c, std::int64_t round_id, const std::string& username) {
  std::vector<std::string> out;
  for (const auto& r : c.query("SELECT unit_code FROM round_appraisers WHERE round_id = ? AND username = ? "
                               "ORDER BY unit_code",
                               {round_id, username})
                           .rows) {
    out.push_back(r.str("unit_code"));
  }
  return out;
}

void save_appraisal(db::Connection& c, std::int64_t round_id, const std::string& unit,
                    const std::map<std::string, double>& scores, const std::map<std::string, std::string>& comments,
                    const std::string& appraiser_unit, const audit::Entry& who, Instant now) {
  auto step = unit_step(c, round_id, unit);
  require_appraiser(c, step, unit, who, appraiser_unit);
  if (step.participant.appraisal == "final") {
    throw conflict("the appraisal is final", "Kết quả thẩm định đã chốt, không thể sửa.");
  }
  if (step.participant.appraisal == "awaiting_answer") {
    throw conflict("the unit is answering the appraisal", "Đơn vị đang giải trình; chưa thể sửa kết quả thẩm định.");
  }
  if (auto errors = check_appraisal(step.set, scores, comments); !errors.empty()) throw rejected(errors);
  json before = json::object(), after = json::object();
  std::map<std::string, Score> old;
  for (auto& s : unit_scores(c, round_id, unit)) old[s.criterion] = s;
  auto ensure = [&](const std::string& code) {
    if (!old.contains(code)) {
      c.query("INSERT INTO assessment_scores (round_id, unit_code, criterion_code, updated_at) VALUES (?, ?, ?, ?)",
              {round_id, unit, code, now});
      old[code] = Score{code, {}, {}, {}, {}, {}, {}};
    }
  };
  for (const auto& [code, v] : scores) {
    ensure(code);
    if (old[code].appraised) before[code]["score"] = *old[code].appraised;
    c.query(
        "UPDATE assessment_scores SET appraised_score = ?, updated_at = ? "
        "WHERE round_id = ? AND unit_code = ? AND criterion_code = ?",
        {v, now, round_id, unit, code});
    after[code]["score"] = v;
  }
  for (const auto& [code, t] : comments) {
    ensure(code);
    before[code]["comment"] = old[code].comment;
    c.query(
        "UPDATE assessment_scores SET appraisal_comment = ?, updated_at = ? "
        "WHERE round_id = ? AND unit_code = ? AND criterion_code = ?",
        {std::string(text::trim(t)), now, round_id, unit, code});
    after[code]["comment"] = t;
  }
  if (step.participant.appraisal == "none") {
    c.query("UPDATE round_units SET appraisal = 'appraising' WHERE round_id = ? AND unit_code = ?", {round_id, unit});
  }
  touch_participant(c, round_id, unit, now);
  db::touch(c, "assessments");
  audit::record(c, who, "appraise", "assessment_appraisals", entity_id(step.round, unit), before.dump(), after.dump(),
                now);
}

void save_appraisal(db::Database& db, std::int64_t round_id, const std::string& unit,
                    const std::map<std::string, double>& scores, const std::map<std::string, std::string>& comments,
                    const std::string& appraiser_unit, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) { save_appraisal(c, round_id, unit, scores, comments, appraiser_unit, who, now); });
}

void send_for_answer(db::Connection& c, std::int64_t round_id, const std::string& unit,
                     const std::string& appraiser_unit, const audit::Entry& who, Instant now) {
  auto step = unit_step(c, round_id, unit);
  require_appraiser(c, step, unit, who, appraiser_unit);
  if (step.participant.appraisal != "appraising") {
    throw conflict("only an appraisal under way can be sent for the unit's answer",
                   "Chỉ gửi đơn vị giải trình khi đang thẩm định và chưa gửi lần nào.");
  }
  const auto& cal = WorkCalendar::vietnam();
  Date due_day = cal.add_working_days(local_date(now), step.round.answer_days);
  Instant due = start_of_day(due_day) + std::chrono::hours(24) - std::chrono::seconds(1);
  c.query(
      "UPDATE round_units SET appraisal = 'awaiting_answer', answer_due = ?, updated_at = ? "
      "WHERE round_id = ? AND unit_code = ?",
      {due, now, round_id, unit});
  db::touch(c, "assessments");
  audit::record(c, who, "send_for_answer", "assessment_appraisals", entity_id(step.round, unit), std::nullopt,
                json{{"answer_due", format_rfc3339_vn(due)}}.dump(), now);
}

void answer(db::Connection& c, std::int64_t round_id, const std::string& unit,
            const std::map<std::string, std::string>& answers, const audit::Entry& who, Instant now) {
  auto step = unit_step(c, round_id, unit);
  require_open(step.round);
  if (step.participant.appraisal != "awaiting_answer") {
    throw conflict("the unit may answer once, when the appraisal is sent to it",
                   "Đơn vị chỉ giải trình một lần, khi tổ thẩm định gửi kết quả.");
  }
  if (step.participant.answer_due && now > *step.participant.answer_due) {
    throw conflict("the time to answer has passed", "Đã hết thời hạn giải trình.");
  }
  std::vector<LineError> errors;
  std::map<std::string, std::string> given;
  for (const auto& [code, t] : answers) {
    auto trimmed = std::string(text::trim(t));
    if (trimmed.empty()) continue;
    if (!find_leaf(step.set, code)) {
      errors.push_back({0, fmt::format("'{}' is not a scored criterion", code),
                        fmt::format("'{}' không phải tiêu chí được chấm điểm.", code)});
    } else if (text::code_points(trimmed) > 5000) {
      errors.push_back({0, fmt::format("criterion {}: answer over 5000 characters", code),
                        fmt::format("Tiêu chí {}: nội dung giải trình quá 5.000 ký tự.", code)});
    }
    given[code] = trimmed;
  }
  if (given.empty())
    errors.push_back({0, "an answer needs text on at least one criterion", "Cần nhập nội dung giải trình."});
  if (!errors.empty()) throw rejected(errors);
  for (const auto& [code, t] : given) {
    ensure_score_row(c, round_id, unit, code, now);
    c.query(
        "UPDATE assessment_scores SET answer = ?, updated_at = ? WHERE round_id = ? AND unit_code = ? "
        "AND criterion_code = ?",
        {t, now, round_id, unit, code});
  }
  c.query("UPDATE round_units SET appraisal = 'answered', updated_at = ? WHERE round_id = ? AND unit_code = ?",
          {now, round_id, unit});
  db::touch(c, "assessments");
  audit::record(c, who, "answer", "assessment_appraisals", entity_id(step.round, unit), std::nullopt,
                json(given).dump(), now);
}

void finalise(db::Connection& c, std::int64_t round_id, const std::string& unit, const std::string& appraiser_unit,
              const audit::Entry& who, Instant now) {
  auto step = unit_step(c, round_id, unit);
  require_appraiser(c, step, unit, who, appraiser_unit);
  const auto& p = step.participant;
  // The unit's right to answer matters where the appraisal took points
  // off; an appraisal that lowered nothing may be finalised at once.
  bool lowered = false;
  for (const auto& s : unit_scores(c, round_id, unit)) {
    if (s.appraised && s.self && *s.appraised < *s.self - 1e-9) lowered = true;
  }
  bool may = p.appraisal == "answered" || (p.appraisal == "awaiting_answer" && p.answer_due && now > *p.answer_due) ||
             ((p.appraisal == "appraising" || p.appraisal == "none") && !lowered);
  if (!may) {
    throw conflict("finalise after the unit answered or its time to answer passed",
                   "Chỉ chốt kết quả sau khi đơn vị giải trình hoặc hết thời hạn giải trình.");
  }
  c.query("UPDATE round_units SET appraisal = 'final', updated_at = ? WHERE round_id = ? AND unit_code = ?",
          {now, round_id, unit});
  db::touch(c, "assessments");
  audit::record(c, who, "finalise", "assessment_appraisals", entity_id(step.round, unit),
                json{{"appraisal", p.appraisal}}.dump(), json{{"appraisal", "final"}}.dump(), now);
}

}  // namespace cchc::assessments
