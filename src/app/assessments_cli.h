#pragma once
// `cchc assessment load | rank | set-import | set-export`
// (docs/assessments.md):
//
//   cchc assessment load --db … FILE.json
//     loads a complete round (criteria sets, deadlines, participants,
//     submissions, appraisals), checked by the rules the pages apply, in
//     one transaction; rejected whole (exit 2, every problem listed) on
//     error. Prints {"round", "participants", "submissions", "late",
//     "appraisals"}.
//   cchc assessment rank --db … --round CODE --format json
//     {"round": CODE, "levels": {LEVEL: [{"unit", "total", "rank", "late"},
//     …]}}: ranked units by rank then unit code, then late units (total
//     null, rank = ranked count + 1) by unit code. Each entry also carries
//     criteria_total, max_total, percent, band and areas.
//   cchc assessment set-import --db … FILE.json|FILE.xlsx [--code … --level … --name …]
//     stores a criteria set as its next version (or finds the identical one);
//   cchc assessment set-export --db … --set CODE [--version N] --output FILE.json|FILE.xlsx
#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <set>
#include <string>

namespace cchc::app {

struct AssessmentCommands {
  CLI::App* load = nullptr;
  CLI::App* rank = nullptr;
  CLI::App* set_import = nullptr;
  CLI::App* set_export = nullptr;
  std::string file, round, format = "json", code, level, name, output;
  int version = 0;
};

void add_assessment_commands(CLI::App& cli, AssessmentCommands& a, const std::function<void(CLI::App*)>& add_db);
std::optional<int> run_assessment_commands(const AssessmentCommands& a, const std::string& db_spec);

}  // namespace cchc::app
