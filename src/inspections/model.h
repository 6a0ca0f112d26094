#pragma once
// Reform inspections (kiểm tra công tác cải cách hành chính): plain types
// (docs/inspections.md). A year's inspection plan lists the units to visit,
// the team and the content; each visit ends in a record (biên bản) of
// findings per reform area; every shortcoming carries a recommendation that
// its unit fixes and the team accepts, followed until fixed.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.h"

namespace cchc::inspections {

// A member of the inspection team, from any unit.
struct Member {
  std::string name;
  std::string unit_code;
  std::string role = "member";  // head (trưởng đoàn) | member | secretary (thư ký)
};

// A year's inspection plan (kế hoạch kiểm tra).
//   draft      being prepared: units, team, content may change
//   announced  sent to the units: each is told its date (notification and a
//              Decree 30 letter); units may still be added, each told in turn
struct Plan {
  std::int64_t id = 0;
  int year = 0;
  std::string number;  // "45/KH-SNV"
  std::string title;
  std::string issuer_unit;
  std::optional<Date> issued_on;
  std::vector<std::string> areas;  // reform-area codes (plans::Area) the visits cover
  std::string content;             // further content, free text
  std::vector<Member> team;
  std::string status = "draft";  // draft | announced
};

// One unit's inspection within a plan.
//   scheduled  on the plan, with its date (and why it was chosen)
//   done       visited: the record holds the findings
enum class VisitState { scheduled, done };

struct Inspection {
  std::int64_t id = 0;
  std::int64_t plan_id = 0;
  std::string unit_code;
  Date scheduled_on{};
  std::string reason;  // why the unit was chosen ("Chưa được kiểm tra từ năm 2022")
  VisitState state = VisitState::scheduled;
  std::optional<Date> held_on;
  std::string summary;  // the record's overall conclusion
  std::optional<Instant> announced_at;
};

// Where a recommendation stands (rules.h: follow_up):
//   open      recorded; the responsible unit must fix it by its due day
//   reported  the unit reported what it fixed, with evidence; the team decides
//   returned  the team found the fix short and sent it back with a reason
//   fixed     the team accepted the fix (fixed_on: the day the unit reported it)
enum class FixState { open, reported, returned, fixed };
enum class FixAction { report, accept, send_back };
enum class FixActor { unit, team };

// A finding of a record: a good point, or a shortcoming with its
// recommendation, the unit responsible for fixing it and a due day.
struct Finding {
  std::int64_t id = 0;
  std::int64_t inspection_id = 0;
  std::string area_code;
  bool shortcoming = false;
  std::string text;
  // A shortcoming's recommendation (kiến nghị):
  std::string recommendation;
  std::string responsible_unit;
  std::optional<Date> due;
  FixState state = FixState::open;
  std::string fix_report;   // what the unit did
  std::string review_note;  // the team's reason when it returned the fix
  std::optional<Date> fixed_on;
  std::optional<Instant> reported_at;
};

// A unit as the selection rules see it (rules.h: select_units).
struct Candidate {
  std::string unit_code;
  std::string name;
  std::string level;
  std::optional<int> last_inspected;  // the year of its latest inspection
  std::optional<int> rank;            // in the latest published assessment of its level, 1 = best
  int ranked_of = 0;                  // how many units that ranking has
  int overdue_tasks = 0;
  int overdue_feedback = 0;
};

// How units are drawn onto a plan.
//   not_inspected  those not inspected in the last `n` years (never first)
//   lowest_ranked  the `n` ranked lowest
//   most_overdue   the `n` with most overdue tasks and feedback cases
enum class Rule { not_inspected, lowest_ranked, most_overdue };

struct Selected {
  std::string unit_code;
  std::string reason;  // Vietnamese, shown on the plan
};

// The year's figures (rules.h: figures_of).
struct LevelShare {
  std::string level;
  int units = 0;      // of the level, open at the year's end (or on the day asked)
  int inspected = 0;  // of those, inspected this year (a merged unit's visit counts for its successor)
};
struct Figures {
  int year = 0;
  std::vector<LevelShare> levels;
  int units = 0, inspected = 0;  // all levels
  int recommendations = 0;       // shortcomings recorded in the year's visits
  int fixed = 0, fixed_on_time = 0, open = 0, overdue = 0;
};

}  // namespace cchc::inspections
