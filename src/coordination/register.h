#pragma once
// Plans owed (sổ theo dõi, docs/plans.md "Plans owed"): a plan may require
// units (the open units of some levels, and units by name) to issue their
// own plan implementing it by a day. The register shows, per required
// unit, the implementing plan it issued (a plan whose parent is this plan,
// issued by that unit, issued or closed), on time or late, or none (missing
// once the day has passed). Units with none are urged.
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "coordination/model.h"
#include "db/database.h"

namespace cchc::coordination {

struct Requirement {
  std::int64_t plan_id = 0;
  std::vector<std::string> levels, units;
  Date due{};
};

struct RegisterRow {
  std::string unit_code;
  std::optional<Plan> plan;  // its implementing plan, when issued
  std::string state;         // on_time | late | missing | pending
};

// ---- Rules (pure) ----

// The units a requirement names (the open units of its levels, and its
// units by name, each once, in `units` order), never the plan's own unit.
std::vector<std::string> required_units(const Requirement& r, const std::vector<UnitRow>& units,
                                        const std::string& plan_unit);
// One row per required unit: the earliest-issued implementing plan of that
// unit (issued or closed; a draft does not count), on_time when issued on
// or before the due day, late after it; none: missing after the due day,
// pending until then. A plan with no issue date counts as issued the day
// after the due day (late): it cannot prove it was on time.
std::vector<RegisterRow> register_rows(const Requirement& r, const std::vector<std::string>& required,
                                       const std::vector<Plan>& children, Date today);
std::string register_state_label_vi(std::string_view state);  // Đã ban hành đúng hạn, …
// The day units must issue their plans by, as typed (spaces around
// ignored): none when no level or unit is chosen (`any_chosen` false), else
// required (invalid_input at "han" when blank) and read by parse_date_input.
std::optional<Date> requirement_due(bool any_chosen, std::string_view text);

// ---- Storage ----

std::optional<Requirement> find_requirement(db::Connection& c, std::int64_t plan_id);
// Sets (or, with no level and no unit, removes) a plan's requirement;
// invalid_input for unknown levels or units, or a due day before the plan
// was issued. Audited.
void set_requirement(db::Connection& c, const Requirement& r, const audit::Entry& who, Instant now);
void set_requirement(db::Database& db, const Requirement& r, const audit::Entry& who, Instant now);
// The plans whose parent is `plan_id`.
std::vector<Plan> implementing_plans(db::Connection& c, std::int64_t plan_id);
std::vector<RegisterRow> plan_register(db::Connection& c, const Plan& plan, Date today);
// The issued plans requiring `unit` to issue its own that it has not
// issued yet, with the requirement: for the work list and the urging.
std::vector<std::pair<Plan, Requirement>> plans_owed_by(db::Connection& c, const std::string& unit, Date today);

}  // namespace cchc::coordination
