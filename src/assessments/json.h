#pragma once
// Assessments as JSON: criteria sets (import and export), rounds, rankings,
// and the round file `cchc assessment load` reads (docs/assessments.md).
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "assessments/model.h"

namespace cchc::assessments {

nlohmann::json tiers_to_json(const std::vector<Tier>& tiers);
std::vector<Tier> tiers_from_json(const nlohmann::json& j);
nlohmann::json bands_to_json(const std::vector<Band>& bands);
std::vector<Band> bands_from_json(const nlohmann::json& j);

// {"code", "version", "name", "level", "criteria": [{"code", "parent",
// "name", "guidance", "max", "min", "rule", "step", "tiers",
// "indicator", "evidence_required"}, …]}. Reading: "name" defaults to the
// code, "parent" to none, "min" to 0, "rule" to manual; max and min are
// read on leaves only. Throws invalid_input naming the field.
nlohmann::json set_to_json(const CriteriaSet& set);
CriteriaSet set_from_json(const nlohmann::json& j);

nlohmann::json round_to_json(const Round& r);
// [{"unit", "total", "rank", "late", "criteria_total", "percent", "band",
//   "areas"}, …] in rank order.
nlohmann::json standings_to_json(const std::vector<Standing>& standings);

// The round file (`cchc assessment load`), parsed but not yet checked
// against the directory or the rules.
struct RoundFile {
  Round round;  // levels' set_id unset; deadlines by level below
  std::vector<CriteriaSet> sets;
  std::map<std::string, Instant> deadlines;  // level → deadline
  std::vector<std::string> participants;
  struct Submission {
    std::string unit;
    std::optional<Instant> submitted_at;  // none: at the level's deadline
    std::map<std::string, double> scores, values;
    std::map<std::string, std::string> explanations;
  };
  std::vector<Submission> submissions;
  struct Appraisal {
    std::string unit;
    std::map<std::string, double> scores;
    std::map<std::string, std::string> comments, answers;
  };
  std::vector<Appraisal> appraisals;
  struct Extension {
    Instant until{};
    std::string reason;
  };
  std::map<std::string, Extension> extensions;                            // by unit
  std::map<std::string, std::map<std::string, double>> component_values;  // unit → component → value
  std::map<std::string, std::vector<std::string>> appraisers;             // unit → usernames
};
// Reads the file's shape (types, required fields, dates); throws
// invalid_input naming what is wrong.
RoundFile round_file_from_json(const nlohmann::json& j);

}  // namespace cchc::assessments
