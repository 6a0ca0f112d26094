#pragma once
// How the app wires capabilities to what they read of each other: plans
// read indicator rates for objectives, assessments read indicator rates for
// indicator-fed criteria and plans as evidence documents.
#include "assessments/sources.h"
#include "coordination/urging.h"
#include "db/database.h"
#include "documents/routes.h"
#include "feedback/store.h"
#include "indicators/model.h"
#include "inspections/sources.h"
#include "plans/routes.h"
#include "portal/routes.h"

namespace cchc::app {

plans::IndicatorSource objective_progress(db::Database& db);
assessments::Sources assessment_sources(db::Database& db);
// What the portal's home page shows of the others: the province's service
// figures of the last full year with records, and the latest published
// rankings.
portal::Sources portal_sources(db::Database& db);
// What the urging letters list besides plans' own shortfalls: the unit's
// missed service targets of the year so far (below its level's target:
// "close" and "missed"; no data is not urged) and its self-assessments
// still in draft in open rounds.
std::vector<coordination::ShortfallSource> urging_sources();
// What the inspection selection rules weigh: ranks in the latest published
// assessment of each level, overdue tasks (of issued plans of the day's
// year) and overdue feedback cases per unit; and telling a unit.
inspections::Sources inspection_sources();
// Where the review page of documents puts what it makes: the portal's
// documents library, and plans with their tasks and objectives.
documents::Sinks document_sinks(db::Database& db);
// Where feedback cases are counted: each case's record in the indicators'
// feedback records, replacing the one of the same id; and where its
// reminders go: the plans' notifications of the unit's active officers and
// leaders, or of the admins.
feedback::Sinks feedback_sinks();
// A case's figure as the indicators' feedback record.
indicators::Feedback feedback_record(const feedback::Figure& f);

}  // namespace cchc::app
