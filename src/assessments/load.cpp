#include "assessments/load.h"

#include <fmt/format.h>

#include "assessments/rules.h"
#include "assessments/store.h"
#include "assessments/store_support.h"

namespace cchc::assessments {

using nlohmann::json;

namespace {

void prefix(std::vector<LineError>& out, const std::vector<LineError>& errors, const std::string& unit) {
  for (const auto& e : errors) {
    out.push_back({0, fmt::format("unit {}: {}", unit, e.message), fmt::format("Đơn vị {}: {}", unit, e.message_vi)});
  }
}

}  // namespace

Loaded load_round(db::Connection& c, const RoundFile& file, const std::set<std::string>& indicators,
                  const audit::Entry& who, Instant now) {
  std::vector<LineError> errors;
  auto fail = [&](std::string en, std::string vi) { errors.push_back({0, std::move(en), std::move(vi)}); };

  // Criteria sets, one per level; each level needs a deadline.
  NewRound nr{file.round, file.participants};
  std::map<std::string, CriteriaSet> set_of_level;
  for (const auto& s : file.sets) {
    if (set_of_level.contains(s.level)) {
      fail(fmt::format("two criteria sets for level '{}'", s.level),
           fmt::format("Có hai bộ tiêu chí cho cấp '{}'.", s.level));
      continue;
    }
    auto id = store_set(c, s, indicators, who, now);
    set_of_level[s.level] = *load_set(c, id);
    auto deadline = file.deadlines.find(s.level);
    if (deadline == file.deadlines.end()) {
      fail(fmt::format("level '{}' has a criteria set but no deadline", s.level),
           fmt::format("Cấp '{}' chưa có hạn gửi bản tự đánh giá.", s.level));
      continue;
    }
    nr.round.levels.push_back({s.level, id, deadline->second});
  }
  if (!errors.empty()) throw rejected(errors);
  auto round = create_round(c, nr, who, now);
  Loaded loaded{round, int(file.participants.size()), 0, 0, 0};

  std::map<std::string, std::string> level_of;
  for (const auto& p : participants(c, round.id)) level_of[p.unit] = p.level;
  auto deadline_of = [&](const std::string& level) {
    for (const auto& l : round.levels) {
      if (l.level == level) return l.deadline;
    }
    throw Error(ErrorKind::internal, "level without deadline");
  };

  for (const auto& [unit, ext] : file.extensions) {
    if (!level_of.contains(unit)) {
      fail(fmt::format("extension for '{}', which is not a participant", unit),
           fmt::format("Gia hạn cho {} nhưng đơn vị không tham gia.", unit));
      continue;
    }
    c.query("UPDATE round_units SET extended_until = ?, extension_reason = ? WHERE round_id = ? AND unit_code = ?",
            {ext.until, ext.reason, round.id, unit});
  }

  std::set<std::string> submitted;
  for (const auto& s : file.submissions) {
    auto level = level_of.find(s.unit);
    if (level == level_of.end()) {
      fail(fmt::format("submission of '{}', which is not a participant", s.unit),
           fmt::format("Có bản tự đánh giá của {} nhưng đơn vị không tham gia.", s.unit));
      continue;
    }
    if (!submitted.insert(s.unit).second) {
      fail(fmt::format("two submissions of unit {}", s.unit), fmt::format("Đơn vị {} có hai bản tự đánh giá.", s.unit));
      continue;
    }
    const auto& set = set_of_level.at(level->second);
    auto scores = s.scores;
    for (const auto& [code, v] : s.values) {
      for (const auto* l : leaves(set)) {
        if (l->code == code && (l->rule == Rule::tiers || l->rule == Rule::indicator) && !scores.contains(code)) {
          scores[code] = tier_score(*l, v);
        }
      }
    }
    auto problems = check_submission(set, scores, s.explanations);
    if (!problems.empty()) {
      prefix(errors, problems, s.unit);
      continue;
    }
    auto at = s.submitted_at.value_or(deadline_of(level->second));
    for (const auto& [code, v] : scores) {
      auto e = s.explanations.find(code);
      auto value = s.values.find(code);
      c.query(
          "INSERT INTO assessment_scores (round_id, unit_code, criterion_code, self_score, self_value, explanation, "
          "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {round.id, s.unit, code, v, value == s.values.end() ? db::Param(nullptr) : db::Param(value->second),
           e == s.explanations.end() ? std::string() : e->second, now});
    }
    c.query(
        "UPDATE round_units SET state = 'submitted', submitted_at = ?, submitted_by = ? "
        "WHERE round_id = ? AND unit_code = ?",
        {at, who.actor, round.id, s.unit});
    ++loaded.submissions;
  }

  std::set<std::string> appraised;
  for (const auto& a : file.appraisals) {
    if (!submitted.contains(a.unit)) {
      fail(fmt::format("appraisal of '{}', which has no submission", a.unit),
           fmt::format("Có kết quả thẩm định của {} nhưng đơn vị chưa có bản tự đánh giá.", a.unit));
      continue;
    }
    if (!appraised.insert(a.unit).second) {
      fail(fmt::format("two appraisals of unit {}", a.unit),
           fmt::format("Đơn vị {} có hai kết quả thẩm định.", a.unit));
      continue;
    }
    const auto& set = set_of_level.at(level_of.at(a.unit));
    auto problems = check_appraisal(set, a.scores, a.comments);
    auto more = check_appraisal(set, {}, a.answers);
    problems.insert(problems.end(), more.begin(), more.end());
    if (!problems.empty()) {
      prefix(errors, problems, a.unit);
      continue;
    }
    std::set<std::string> codes;
    for (const auto& [k, v] : a.scores) codes.insert(k);
    for (const auto& [k, v] : a.comments) codes.insert(k);
    for (const auto& [k, v] : a.answers) codes.insert(k);
    for (const auto& code : codes) {
      ensure_score_row(c, round.id, a.unit, code, now);
      auto sc = a.scores.find(code);
      auto cm = a.comments.find(code);
      auto an = a.answers.find(code);
      c.query(
          "UPDATE assessment_scores SET appraised_score = ?, appraisal_comment = ?, answer = ? "
          "WHERE round_id = ? AND unit_code = ? AND criterion_code = ?",
          {sc == a.scores.end() ? db::Param(nullptr) : db::Param(sc->second),
           cm == a.comments.end() ? std::string() : cm->second, an == a.answers.end() ? std::string() : an->second,
           round.id, a.unit, code});
    }
    c.query("UPDATE round_units SET appraisal = 'final' WHERE round_id = ? AND unit_code = ?", {round.id, a.unit});
    ++loaded.appraisals;
  }

  for (const auto& [unit, values] : file.component_values) {
    if (!level_of.contains(unit)) {
      fail(fmt::format("component values for '{}', which is not a participant", unit),
           fmt::format("Có điểm thành phần của {} nhưng đơn vị không tham gia.", unit));
      continue;
    }
    for (const auto& [code, v] : values) {
      auto k = std::find_if(round.components.begin(), round.components.end(),
                            [&c = code](const Component& x) { return x.code == c; });
      if (k == round.components.end() || !(v >= 0 && v <= k->max_value)) {
        fail(fmt::format("unit {}: component '{}' unknown or value outside 0-max", unit, code),
             fmt::format("Đơn vị {}: thành phần điểm '{}' không có hoặc giá trị ngoài khoảng.", unit, code));
        continue;
      }
      c.query("INSERT INTO component_values (round_id, unit_code, component_code, value) VALUES (?, ?, ?, ?)",
              {round.id, unit, code, v});
    }
  }
  if (!errors.empty()) throw rejected(errors);

  for (const auto& p : participants(c, round.id)) {
    if (!(p.state == "submitted" && p.submitted_at &&
          on_time(*p.submitted_at, deadline_of(p.level), p.extended_until))) {
      ++loaded.late;
    }
  }
  c.query("UPDATE round_units SET updated_at = ? WHERE round_id = ?", {now, round.id});
  json summary{{"participants", loaded.participants},
               {"submissions", loaded.submissions},
               {"late", loaded.late},
               {"appraisals", loaded.appraisals}};
  audit::record(c, who, "load", "assessment_rounds", round.code, std::nullopt, summary.dump(), now);
  if (file.round.status == "published") {
    c.query(
        "UPDATE assessment_rounds SET status = 'published', published_at = ?, published_by = ?, decision = ? "
        "WHERE id = ?",
        {now, who.actor, file.round.decision, round.id});
  }
  loaded.round = *find_round(c, round.id);
  return loaded;
}

Loaded load_round(db::Database& db, const RoundFile& file, const std::set<std::string>& indicators,
                  const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return load_round(c, file, indicators, who, now); });
}

}  // namespace cchc::assessments
