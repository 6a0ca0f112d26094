// Self-assessments' SQL: drafts, submission, extensions, component values (store.h).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "assessments/store.h"
#include "assessments/store_support.h"
#include "core/text.h"
#include "db/stamps.h"

namespace cchc::assessments {

using nlohmann::json;

namespace {

// The scores a draft saves: those typed, and those that follow from a
// measured or computed value under a tiers or indicator rule. Refused
// (rejected, every problem listed) as check_draft refuses, and for values
// and explanations on codes that take none.
std::map<std::string, double> draft_scores(const CriteriaSet& set, const SelfInput& in) {
  auto scores = in.scores;
  std::vector<LineError> errors;
  for (const auto& [code, v] : in.values) {
    const auto* k = find_leaf(set, code);
    if (!k || (k->rule != Rule::tiers && k->rule != Rule::indicator)) {
      errors.push_back({0, fmt::format("criterion {} takes no measured value", code),
                        fmt::format("Tiêu chí {} không nhập giá trị đo.", code)});
      continue;
    }
    if (!std::isfinite(v) || v < 0 || v > 1e9) {
      errors.push_back({0, fmt::format("criterion {}: value out of range", code),
                        fmt::format("Tiêu chí {}: giá trị không hợp lệ.", code)});
      continue;
    }
    scores[code] = tier_score(*k, v);
  }
  for (const auto& [code, v] : in.computed) {
    const auto* k = find_leaf(set, code);
    if (!k || k->rule != Rule::indicator)
      throw Error(ErrorKind::internal, "computed value for a non-indicator criterion");
    scores[code] = tier_score(*k, v);
  }
  for (const auto& [code, e] : in.explanations) {
    if (!find_leaf(set, code)) {
      errors.push_back({0, fmt::format("'{}' is not a scored criterion of the set", code),
                        fmt::format("'{}' không phải tiêu chí được chấm điểm.", code)});
    } else if (text::code_points(e) > 5000) {
      errors.push_back({0, fmt::format("criterion {}: explanation over 5000 characters", code),
                        fmt::format("Tiêu chí {}: giải thích quá 5.000 ký tự.", code)});
    }
  }
  auto more = check_draft(set, scores);
  errors.insert(errors.end(), more.begin(), more.end());
  if (!errors.empty()) throw rejected(errors);
  return scores;
}

}  // namespace

void save_draft(db::Connection& c, std::int64_t round_id, const std::string& unit, const SelfInput& in,
                const audit::Entry& who, Instant now) {
  auto step = unit_step(c, round_id, unit);
  require_draft(step);
  auto scores = draft_scores(step.set, in);
  std::set<std::string> codes;
  for (const auto& [k, v] : scores) codes.insert(k);
  for (const auto& [k, v] : in.explanations) codes.insert(k);
  json after = json::object();
  for (const auto& code : codes) {
    auto s = scores.find(code);
    std::optional<double> value;
    if (auto v = in.values.find(code); v != in.values.end()) value = v->second;
    if (auto v = in.computed.find(code); v != in.computed.end()) value = v->second;
    auto e = in.explanations.find(code);
    ensure_score_row(c, round_id, unit, code, now);
    if (s != scores.end()) {
      c.query(
          "UPDATE assessment_scores SET self_score = ?, self_value = ?, updated_at = ? "
          "WHERE round_id = ? AND unit_code = ? AND criterion_code = ?",
          {s->second, value, now, round_id, unit, code});
      after[code]["score"] = s->second;
    }
    if (e != in.explanations.end()) {
      c.query(
          "UPDATE assessment_scores SET explanation = ?, updated_at = ? "
          "WHERE round_id = ? AND unit_code = ? AND criterion_code = ?",
          {std::string(text::trim(e->second)), now, round_id, unit, code});
      after[code]["explanation"] = e->second;
    }
  }
  touch_participant(c, round_id, unit, now);
  db::touch(c, "assessments");
  audit::record(c, who, "update", "assessment_drafts", entity_id(step.round, unit), std::nullopt, after.dump(), now);
}

void save_draft(db::Database& db, std::int64_t round_id, const std::string& unit, const SelfInput& in,
                const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) { save_draft(c, round_id, unit, in, who, now); });
}

void submit(db::Connection& c, std::int64_t round_id, const std::string& unit, const audit::Entry& who, Instant now) {
  auto step = unit_step(c, round_id, unit);
  require_draft(step);
  if (!may_submit(now, step.level->deadline, step.participant.extended_until)) {
    throw conflict("the deadline has passed; ask the coordinator for an extension",
                   "Đã quá hạn gửi bản tự đánh giá. Đề nghị liên hệ cơ quan thường trực để được gia hạn.");
  }
  std::map<std::string, double> scores;
  std::map<std::string, std::string> explanations;
  for (const auto& s : unit_scores(c, round_id, unit)) {
    if (s.self) scores[s.criterion] = *s.self;
    if (!s.explanation.empty()) explanations[s.criterion] = s.explanation;
  }
  auto errors = check_submission(step.set, scores, explanations);
  std::set<std::string> with_evidence;
  for (const auto& e : unit_evidence(c, round_id, unit)) with_evidence.insert(e.criteria.begin(), e.criteria.end());
  for (const auto* l : leaves(step.set)) {
    if (l->evidence_required && !with_evidence.contains(l->code)) {
      errors.push_back({0, fmt::format("criterion {} requires evidence", l->code),
                        fmt::format("Tiêu chí {} cần có tài liệu kiểm chứng.", l->code)});
    }
  }
  if (!errors.empty()) throw rejected(errors);
  c.query(
      "UPDATE round_units SET state = 'submitted', submitted_at = ?, submitted_by = ?, updated_at = ? "
      "WHERE round_id = ? AND unit_code = ?",
      {now, who.actor, now, round_id, unit});
  json after{{"state", "submitted"}, {"submitted_at", format_rfc3339_vn(now)}, {"scores", scores}};
  db::touch(c, "assessments");
  audit::record(c, who, "submit", "assessment_submissions", entity_id(step.round, unit), std::nullopt, after.dump(),
                now);
}

void submit(db::Database& db, std::int64_t round_id, const std::string& unit, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) { submit(c, round_id, unit, who, now); });
}

void extend(db::Connection& c, std::int64_t round_id, const std::string& unit, Instant until, const std::string& reason,
            const audit::Entry& who, Instant now) {
  auto len = text::code_points(text::trim(reason));
  if (len == 0 || len > 1000) {
    throw invalid_input("an extension needs a reason of 1-1000 characters",
                        "Cần ghi lý do gia hạn (tối đa 1.000 ký tự).");
  }
  auto step = unit_step(c, round_id, unit);
  require_draft(step);
  if (until <= now || until <= step.level->deadline) {
    throw invalid_input("an extension must end after now and after the level's deadline",
                        "Hạn gia hạn phải sau thời điểm hiện tại và sau hạn chung của cấp.");
  }
  c.query(
      "UPDATE round_units SET extended_until = ?, extension_reason = ?, updated_at = ? "
      "WHERE round_id = ? AND unit_code = ?",
      {until, std::string(text::trim(reason)), now, round_id, unit});
  json before = step.participant.extended_until ? json(format_rfc3339_vn(*step.participant.extended_until)) : json();
  db::touch(c, "assessments");
  audit::record(c, who, "extend", "assessment_deadlines", entity_id(step.round, unit),
                json{{"extended_until", before}}.dump(),
                json{{"extended_until", format_rfc3339_vn(until)}, {"reason", reason}}.dump(), now);
}

void set_component(db::Connection& c, std::int64_t round_id, const std::string& unit, const std::string& component,
                   double value, const audit::Entry& who, Instant now) {
  auto step = unit_step(c, round_id, unit);
  require_open(step.round);
  auto k = std::find_if(step.round.components.begin(), step.round.components.end(),
                        [&](const Component& x) { return x.code == component; });
  if (k == step.round.components.end()) throw not_found("no such component", "Không có thành phần điểm này.");
  if (!std::isfinite(value) || value < 0 || value > k->max_value) {
    throw invalid_input(fmt::format("value must be 0-{}", k->max_value),
                        fmt::format("Giá trị phải từ 0 đến {}.", text::format_decimal(k->max_value, 2)));
  }
  c.query("DELETE FROM component_values WHERE round_id = ? AND unit_code = ? AND component_code = ?",
          {round_id, unit, component});
  c.query("INSERT INTO component_values (round_id, unit_code, component_code, value) VALUES (?, ?, ?, ?)",
          {round_id, unit, component, value});
  db::touch(c, "assessments");
  audit::record(c, who, "update", "assessment_components", entity_id(step.round, unit) + "/" + component, std::nullopt,
                json{{"value", value}}.dump(), now);
}

void set_component(db::Database& db, std::int64_t round_id, const std::string& unit, const std::string& component,
                   double value, const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) { set_component(c, round_id, unit, component, value, who, now); });
}

}  // namespace cchc::assessments
