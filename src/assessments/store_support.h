#pragma once
// What the assessments store's files share (store.h): the round, unit and
// criteria set a workflow step works on, and the checks every step makes.
// The pages go through store.h, never through this.
#include <cstdint>
#include <string>

#include "assessments/model.h"
#include "core/errors.h"
#include "db/database.h"

namespace cchc::assessments {

Error conflict(const std::string& en, std::string vi);

// A workflow step on one unit of a round: the round, the unit's standing,
// its level (an element of round.levels) and that level's criteria set.
// Moved, never copied: `level` points into `round`.
struct UnitStep {
  Round round;
  Participant participant;
  CriteriaSet set;
  const RoundLevel* level = nullptr;
};
// not_found when the round is unknown or the unit does not take part.
UnitStep unit_step(db::Connection& c, std::int64_t round_id, const std::string& unit);

// conflict once the round is published.
void require_open(const Round& r);
// The round open and the unit's self-assessment not yet submitted
// (conflict otherwise).
void require_draft(const UnitStep& step);

// Marks the unit's participation as changed at `now`.
void touch_participant(db::Connection& c, std::int64_t round_id, const std::string& unit, Instant now);
// Makes the unit's (empty) score row for `code` when it has none yet.
void ensure_score_row(db::Connection& c, std::int64_t round_id, const std::string& unit, const std::string& code,
                      Instant now);
// The audit log's entity id of a unit in a round: "CODE/UNIT".
std::string entity_id(const Round& r, const std::string& unit);
// The scored criterion (a leaf) of `code`, or null.
const Criterion* find_leaf(const CriteriaSet& set, const std::string& code);

}  // namespace cchc::assessments
