#pragma once
// What the plans pages and API share: the context most pages' handlers
// take, ids from paths, the unit checks every handler makes, unit names and
// choices.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "db/database.h"
#include "directory/permissions.h"
#include "http/message.h"
#include "plans/model.h"
#include "plans/store.h"
#include "views/decree30.h"
#include "views/layout.h"

namespace cchc::plans {

// What a page's handler needs: the database and the layout it renders in
// (both outlive the router).
struct Pages {
  db::Database& db;
  views::Layout& layout;
};

// The session's CSRF token for a form, or "" without a session.
std::string csrf_token(const http::Request& req);

Plan need_plan(db::Database& db, std::int64_t id);
// The plan of the path ({id}), when the user manages its unit (plans.manage).
Plan managed_plan(db::Database& db, const http::Request& req);
// The file uploaded as form field `field`, or none when no file was chosen.
std::optional<EvidenceFile> evidence_file(const http::Request& req, const char* field);
// The working-day calendar the pages count deadlines with.
inline const WorkCalendar& calendar() { return WorkCalendar::vietnam(); }
using directory::may;
using directory::require;
std::map<std::string, std::string> names_of(const std::vector<UnitRow>& units);
// `unit` and every unit below it (any date), sorted by code.
std::vector<std::string> subtree_codes(const std::vector<UnitRow>& all, const std::string& unit);
// The units on which the user holds `permission` (directory::reach): every
// unit, or those of the subtrees it reaches.
std::vector<UnitRow> units_of_user(const std::vector<UnitRow>& all, const http::Principal& p,
                                   std::string_view permission);
// [{code, name, selected}] for a <select>: open units, and the selected one.
nlohmann::json unit_options(const std::vector<UnitRow>& units, const std::string& selected);

// The reporting periods to pick from: those of `year` and the year before
// that have begun by `today`, [{key, label, selected}].
nlohmann::json period_options(const std::vector<ReportPeriod>& config, int year, Date today,
                              const std::string& selected);

// An optional text for a template section: false when empty, else
// {"text": …} ({{#x}}…{{text}}…{{/x}}; the renderer shows no section for a
// plain string).
nlohmann::json text_section(const std::string& text);

// The issuing body of a unit's Word drafts (views::issuer_for, a report
// "BC"), from the units.
views::Issuer issuer_of(const std::string& unit_code, const std::vector<UnitRow>& units);
// How a letter names a unit and its head (views::addressee_for), from the
// units; empty for an unknown unit.
views::Addressee addressee_of(const std::string& unit_code, const std::vector<UnitRow>& units);

// A report's progress as pages name it ("Đang thực hiện"), and with its
// percent ("Đang thực hiện, 40 %").
std::string progress_label(const std::string& progress);
std::string report_summary(const Report& r);

// The task page (report_routes.cpp): the task, its leads' state, the
// report history, and the report form for the user's units; `posted` is
// the report form as sent, `extra` what a refusal adds ({"error": …}). The
// coordinator's review is refused on it too.
http::Response task_page(Pages& x, http::Request& req, const Report* posted, const nlohmann::json& extra);

// "Sở Nội vụ; Sở Tư pháp" for unit codes.
std::string names_text(const std::vector<std::string>& codes, const std::map<std::string, std::string>& names);

}  // namespace cchc::plans
