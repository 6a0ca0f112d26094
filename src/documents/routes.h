#pragma once
// The review page (docs/documents.md): upload a document; its text with the
// source of each field marked, beside the fields to correct; accept it into
// the documents library, or as a plan with its tasks and targets (each
// task's lead unit chosen first), or both. The original is kept. What the
// page makes goes through Sinks, wired by app/sources.cpp: this capability
// never writes another's tables itself.
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "audit/audit.h"
#include "core/dates.h"
#include "db/database.h"
#include "documents/store.h"
#include "http/router.h"
#include "views/layout.h"

namespace cchc::documents {

struct LibraryEntry {
  std::string number_symbol, type_code, issuer, subject;
  std::optional<Date> issued_on;
};

struct PlanTask {
  std::string description, deadline_text, lead_unit_code;
};
struct PlanTarget {
  std::string text, indicator, level;  // level "" for the whole unit
  double target = 0;
};
struct PlanDraft {
  std::string number, unit_code, title, area_code, legal_bases;
  std::optional<Date> issued_on;
  int year = 0;
  std::vector<PlanTask> tasks;
  std::vector<PlanTarget> targets;
};

struct Sinks {
  // Adds the library entry with the original file, posted by `poster`:
  // into the editorial board's queue, or published when the poster is on
  // the board; returns its public page's link. Throws invalid_input
  // (Vietnamese: why) when the poster may not post a document of that
  // issuer.
  std::function<std::string(const LibraryEntry&, const Upload&, const http::Principal& poster, const audit::Entry&)>
      add_to_library;
  // Creates the plan with its tasks and objectives; returns its link.
  // Throws invalid_input naming what is wrong.
  std::function<std::string(const PlanDraft&, const audit::Entry&)> create_plan;
  // The plans' areas (code, name) a task goes under.
  std::function<std::vector<std::pair<std::string, std::string>>()> plan_areas;
};

void add_routes(http::Router& router, views::Layout& layout, db::Database& db, Sinks sinks);

}  // namespace cchc::documents
