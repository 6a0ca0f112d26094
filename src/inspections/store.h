#pragma once
// Inspections: their SQL (docs/inspections.md). Every write takes the
// caller's connection (so several go in one transaction), checks with the
// rules first, and leaves its audit entry; a refused write leaves nothing.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "db/database.h"
#include "inspections/model.h"
#include "inspections/rules.h"
#include "plans/model.h"

namespace cchc::inspections {

// ---- Plans --------------------------------------------------------------------

// Stores a new plan (check_plan; the issuer and members' units must exist;
// invalid_input when the issuer already has a plan of that number in the
// number's year: number_year). Returns it with its id.
Plan create_plan(db::Connection& c, Plan p, const std::set<std::string>& areas, const audit::Entry& who, Instant now);
// Changes a plan's fields and team (its status stays; see announce),
// checked as create_plan checks them.
void update_plan(db::Connection& c, const Plan& p, const std::set<std::string>& areas, const audit::Entry& who,
                 Instant now);
std::optional<Plan> find_plan(db::Connection& c, std::int64_t id);
// A year's plans (every year when nullopt), newest first.
std::vector<Plan> list_plans(db::Connection& c, std::optional<int> year = std::nullopt);

// ---- Visits ---------------------------------------------------------------------

// Puts a unit on the plan for a day of the plan's year, with why it was
// chosen; invalid_input for a unit closed on that day, one already on the
// plan, or a day outside the year.
Inspection schedule_visit(db::Connection& c, std::int64_t plan_id, const std::string& unit, Date day,
                          const std::string& reason, const audit::Entry& who, Instant now);
// Moves a scheduled visit to another day of the year (invalid_input once done).
void reschedule_visit(db::Connection& c, std::int64_t id, Date day, const audit::Entry& who, Instant now);
// Takes a scheduled visit off the plan (invalid_input once done).
void remove_visit(db::Connection& c, std::int64_t id, const audit::Entry& who, Instant now);
std::optional<Inspection> find_visit(db::Connection& c, std::int64_t id);
std::vector<Inspection> visits_of(db::Connection& c, std::int64_t plan_id);
// Marks the plan announced and every visit not yet told as told; returns
// the visits told now (the caller notifies their units).
std::vector<Inspection> announce(db::Connection& c, std::int64_t plan_id, const audit::Entry& who, Instant now);

// ---- The record -----------------------------------------------------------------

// The record's day and conclusion: the visit is done from then on. The day
// must be in the plan's year and not after `now`.
void record_visit(db::Connection& c, std::int64_t id, Date held_on, const std::string& summary, const audit::Entry& who,
                  Instant now);
// Adds a finding to a done visit (check_finding; the responsible unit must
// exist). A shortcoming starts open.
Finding add_finding(db::Connection& c, std::int64_t visit_id, Finding f, const std::set<std::string>& areas,
                    const audit::Entry& who, Instant now);
// Deletes a finding no one has acted on yet (a good point, or an open
// recommendation never reported); invalid_input otherwise.
void delete_finding(db::Connection& c, std::int64_t id, const audit::Entry& who, Instant now);
std::optional<Finding> find_finding(db::Connection& c, std::int64_t id);
std::vector<Finding> findings_of(db::Connection& c, std::int64_t visit_id);

// ---- Follow-up ------------------------------------------------------------------

// One step of the follow-up (rules.h: follow_up): the unit reports what it
// fixed (a text of 1-4000 characters, an evidence file optional), the team
// accepts it (fixed, fixed_on the day it was reported) or sends it back with
// a reason. invalid_input for a step the table does not allow.
void act(db::Connection& c, std::int64_t finding_id, FixAction action, FixActor actor, const std::string& text,
         const plans::EvidenceFile* file, const audit::Entry& who, Instant now);

struct FindingEvent {
  std::string action, note, actor;
  Instant at{};
};
std::vector<FindingEvent> finding_events(db::Connection& c, std::int64_t finding_id);

// A recommendation with where it came from, for the boards.
struct Recommendation {
  Finding finding;
  Inspection visit;
  std::string plan_number;
  int year = 0;
};
// The recommendations of done visits: of a year (every year when nullopt),
// of units responsible (every unit when empty), oldest due first.
std::vector<Recommendation> recommendations(db::Connection& c, std::optional<int> year,
                                            const std::vector<std::string>& units = {});

// ---- Files ----------------------------------------------------------------------

struct FileRef {
  std::int64_t id = 0;
  std::string kind, filename;
  std::optional<std::int64_t> finding_id;
};
// Stores the visit's signed minutes (kind "minutes") or a fix's evidence
// (kind "evidence", with its finding), checked as evidence files are.
FileRef attach_file(db::Connection& c, std::int64_t visit_id, std::optional<std::int64_t> finding_id,
                    const std::string& kind, const plans::EvidenceFile& file, const audit::Entry& who, Instant now);
std::vector<FileRef> files_of(db::Connection& c, std::int64_t visit_id);
struct StoredFile {
  std::int64_t visit_id = 0;
  std::string filename, content_type, content;
};
std::optional<StoredFile> find_file(db::Connection& c, std::int64_t id);

// ---- What the figures and the selection read ------------------------------------

// The visits of plans of `year` with their findings.
std::vector<VisitFacts> visit_facts(db::Connection& c, int year);
// Each unit's latest year with a done visit.
std::map<std::string, int> last_inspected(db::Connection& c);
// The units as the figures count them on `day` (rules.h: UnitFacts): those
// open that day by level, and the successors of those closed before it;
// never the province itself (its committee orders the inspections).
UnitFacts unit_facts(db::Database& db, Date day);
// The year's figures as of `day`: the units open that day (on the year's
// last day once it is over), recommendations overdue that day.
// With `within`, those units only (rules.h: figures_of).
Figures year_figures(db::Database& db, int year, Date day, const std::set<std::string>& within = {});

}  // namespace cchc::inspections
