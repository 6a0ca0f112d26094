#pragma once
// Loading a whole round from its JSON file (`cchc assessment load`): past
// rounds, and rounds for tests. The file is checked by the rules the pages
// apply (criteria sets by check_set, submissions by check_submission,
// appraisals by check_appraisal, participants against the directory) and
// written whole in the caller's transaction, or rejected whole with every
// problem listed.
#include <set>
#include <string>

#include "assessments/json.h"
#include "assessments/model.h"
#include "audit/audit.h"
#include "db/database.h"

namespace cchc::assessments {

struct Loaded {
  Round round;
  int participants = 0, submissions = 0, late = 0, appraisals = 0;
};

// `indicators`: the indicator codes a criterion may be computed from.
Loaded load_round(db::Connection& c, const RoundFile& file, const std::set<std::string>& indicators,
                  const audit::Entry& who, Instant now);
// Same, in its own transaction.
Loaded load_round(db::Database& db, const RoundFile& file, const std::set<std::string>& indicators,
                  const audit::Entry& who, Instant now);

}  // namespace cchc::assessments
