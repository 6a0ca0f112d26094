#pragma once
// The demo province loaded by `cchc demo`: the province's name and its unit
// tree (data/demo/units.csv, see docs/directory.md). Loading is idempotent:
// running it again changes nothing that is already as the demo has it.
#include <string>
#include <vector>

#include "core/dates.h"
#include "db/database.h"
#include "indicators/synthetic.h"

namespace cchc::app {

struct DemoLogin {
  std::string username, password, role;
};

// Loads the demo data; returns the demo accounts (one per role) to print.
std::vector<DemoLogin> load_demo(db::Database& db);

// The directory's units (all but the province) as the synthetic record
// generator takes them: the demo's and the benchmarks' provinces.
std::vector<indicators::SyntheticUnit> synthetic_units(db::Database& db);

// The demo's service-delivery records: synthetic dossiers and feedback
// (indicators/synthetic.h) for every unit from January two years before
// `now` up to `now` (feedback only until a year before `now`: the last
// year's comes from the demo's cases, load_demo_feedback), imported through the same path as any batch, and the
// province's targets (docs/indicators.md). With `records` false, only the
// targets. Returns the records imported.
struct DemoRecords {
  std::size_t dossiers = 0, feedback = 0;
};
DemoRecords load_demo_records(db::Database& db, Instant now, bool records = true);

// The province's reform plan for `now`'s year (data/demo/plan-matrix.csv,
// modelled on the corpus plan: 46 tasks over every area and deadline kind),
// imported through the matrix import, and its lead units' reports for the
// current reporting period and the one before it (where the year has one):
// some tasks done, some done late, some lagging with no report, some
// overdue, some "unchanged", a few co-operating contributions. Skipped when
// the plan exists. With it, the communication plan implementing it (8
// tasks: articles, dialogues, videos, leaflets, training, a contest), reported
// the same way. Returns the tasks and reports written.
struct DemoPlan {
  std::size_t tasks = 0, reports = 0;
};
DemoPlan load_demo_plan(db::Database& db, Instant now);

// The demo's assessments (app/demo_assessments.cpp, docs/assessments.md):
// the criteria sets of data/demo/assessments/ (e-government maturity and
// the reform index, each for departments and communes); two finished,
// published e-government rounds (two and one years before `now`, the later
// compared with the earlier; one late unit per level, about half the units
// appraised lower somewhere); and the open reform-index round of `now`'s
// year: departments due three days ago (one never submitted), communes due
// in two weeks (a third submitted, not the demo commune P-TRANGDAI), the
// demo appraiser's appraisals under way (one sent for the unit's answer).
// Skipped when the open round exists. Returns what it wrote.
struct DemoAssessments {
  std::size_t rounds = 0, submitted = 0;
};
DemoAssessments load_demo_assessments(db::Database& db, Instant now);

// The demo's portal (app/demo_portal.cpp, docs/portal.md): the items of
// data/demo/portal/portal.json (written for the demo, no real person named),
// supplied by departments and communes over the two years before `now`,
// each submitted the day before it was published; the last few still a
// draft, returned or waiting in the board's queue; views on the days after
// publication; the library's documents (the corpus documents' metadata and
// the documents they cite). Skipped when the portal has items. Returns the
// items and documents written.
struct DemoPortal {
  std::size_t items = 0, documents = 0;
};
DemoPortal load_demo_portal(db::Database& db, Instant now);

// The demo's citizen feedback (app/demo_feedback.cpp, docs/feedback.md):
// six categories with their deadlines, and 320 cases over the year before
// `now` across every channel, taken through the workflow as officers and
// citizens would (the demo commune P-TRANGDAI gets a quarter of them, the
// last days' cases are still open): some answered late, some paused for a
// clarification, some refused, most answered and many published, rated,
// a few reopened. The indicators' feedback of that year comes from them.
// Skipped when there are cases.
struct DemoFeedback {
  std::size_t cases = 0, reopened = 0;
};
DemoFeedback load_demo_feedback(db::Database& db, Instant now);

// The demo's inspections (app/demo_inspections.cpp, docs/inspections.md):
// the coordinator's plan of `now`'s year (15/KH-SNV) over a third of the
// units (every third of each level, and the demo commune), announced; the
// eight earliest visited before `now`, a week or more apart, each with a
// good point and two recommendations that between them take every state:
// fixed on time, fixed late, reported and waiting, returned, overdue, not
// yet due (the demo commune's: one overdue, one returned); the rest
// scheduled after `now`. Skipped when the plan exists.
struct DemoInspections {
  std::size_t visits = 0, recommendations = 0;
};
DemoInspections load_demo_inspections(db::Database& db, Instant now);

}  // namespace cchc::app
