// What the assessments store's files share (store_support.h).
#include "assessments/store_support.h"

#include <fmt/format.h>

#include "assessments/rules.h"
#include "assessments/store.h"

namespace cchc::assessments {

Error conflict(const std::string& en, std::string vi) { return Error(ErrorKind::conflict, en, std::move(vi)); }

UnitStep unit_step(db::Connection& c, std::int64_t round_id, const std::string& unit) {
  auto round = find_round(c, round_id);
  if (!round) throw not_found("no such round", "Không tìm thấy đợt đánh giá.");
  auto p = find_participant(c, round_id, unit);
  if (!p) {
    throw not_found(fmt::format("unit '{}' does not take part in round {}", unit, round->code),
                    "Đơn vị không tham gia đợt đánh giá này.");
  }
  UnitStep step{*round, *p, {}, nullptr};
  for (const auto& l : step.round.levels) {
    if (l.level == p->level) step.level = &l;
  }
  if (!step.level) throw Error(ErrorKind::internal, "participant's level has no criteria set");
  step.set = *load_set(c, step.level->set_id);
  return step;
}

void require_open(const Round& r) {
  if (r.status != "open") {
    throw conflict(fmt::format("round {} is published and can no longer change", r.code),
                   "Đợt đánh giá đã công bố kết quả, không thể thay đổi.");
  }
}

void require_draft(const UnitStep& step) {
  require_open(step.round);
  if (step.participant.state == "submitted") {
    throw conflict("the self-assessment is submitted and locked", "Bản tự đánh giá đã gửi, không thể sửa.");
  }
}

void touch_participant(db::Connection& c, std::int64_t round_id, const std::string& unit, Instant now) {
  c.query("UPDATE round_units SET updated_at = ? WHERE round_id = ? AND unit_code = ?", {now, round_id, unit});
}

void ensure_score_row(db::Connection& c, std::int64_t round_id, const std::string& unit, const std::string& code,
                      Instant now) {
  if (c.query("SELECT 1 FROM assessment_scores WHERE round_id = ? AND unit_code = ? AND criterion_code = ?",
              {round_id, unit, code})
          .empty()) {
    c.query("INSERT INTO assessment_scores (round_id, unit_code, criterion_code, updated_at) VALUES (?, ?, ?, ?)",
            {round_id, unit, code, now});
  }
}

std::string entity_id(const Round& r, const std::string& unit) { return r.code + "/" + unit; }

const Criterion* find_leaf(const CriteriaSet& set, const std::string& code) {
  for (const auto* l : leaves(set)) {
    if (l->code == code) return l;
  }
  return nullptr;
}

}  // namespace cchc::assessments
