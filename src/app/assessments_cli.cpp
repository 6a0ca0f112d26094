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
#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "app/cli_groups.h"
#include "app/sources.h"
#include "assessments/json.h"
#include "assessments/load.h"
#include "assessments/sheet.h"
#include "assessments/store.h"
#include "core/errors.h"
#include "core/xlsx.h"
#include "views/table.h"

namespace cchc::app {

using nlohmann::json;

namespace {

struct AssessmentCommands {
  CLI::App* load = nullptr;
  CLI::App* rank = nullptr;
  CLI::App* set_import = nullptr;
  CLI::App* set_export = nullptr;
  std::string file, round, format = "json", code, level, name, output;
  int version = 0;
};

json parse_json_file(const std::string& path) {
  try {
    return json::parse(read_file(path));
  } catch (const json::parse_error& e) {
    throw invalid_input(fmt::format("{} is not valid JSON: {}", path, e.what()));
  }
}

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A whole round from its file, in one transaction; prints what was loaded.
int load_round_file(const AssessmentCommands& a, const std::string& db_spec) {
  auto file = assessments::round_file_from_json(parse_json_file(a.file));
  auto db = open_migrated(db_spec);
  auto loaded =
      assessments::load_round(*db, file, assessment_sources(*db).indicator_codes(), cli_actor(), now_seconds());
  std::cout << json{{"round", loaded.round.code},
                    {"participants", loaded.participants},
                    {"submissions", loaded.submissions},
                    {"late", loaded.late},
                    {"appraisals", loaded.appraisals}}
                   .dump()
            << std::endl;
  return 0;
}

// {"round", "levels": {LEVEL: standings}}: one line of JSON.
int print_ranking(const AssessmentCommands& a, const std::string& db_spec) {
  auto db = open_migrated(db_spec);
  auto out = db->read([&](db::Connection& c) {
    auto round = assessments::find_round(c, a.round);
    if (!round) throw not_found(fmt::format("no round '{}'", a.round));
    json levels = json::object();
    for (const auto& lr : assessments::ranking(c, *round))
      levels[lr.level] = assessments::standings_to_json(lr.standings);
    return json{{"round", round->code}, {"levels", levels}};
  });
  std::cout << out.dump() << std::endl;
  return 0;
}

// A criteria set from JSON, or XLSX with its code, level and name; prints
// {"code", "version", "criteria"}.
int import_criteria_set(const AssessmentCommands& a, const std::string& db_spec) {
  auto bytes = read_file(a.file);
  assessments::CriteriaSet set;
  if (xlsx::looks_like_zip(bytes)) {
    if (a.code.empty() || a.level.empty() || a.name.empty()) {
      throw invalid_input("an XLSX criteria set needs --code, --level and --name");
    }
    set = assessments::set_from_rows(xlsx::read_first_sheet(bytes), a.code, a.name, a.level);
  } else {
    set = assessments::set_from_json(parse_json_file(a.file));
  }
  auto db = open_migrated(db_spec);
  auto stored =
      assessments::import_set(*db, set, assessment_sources(*db).indicator_codes(), cli_actor(), now_seconds());
  std::cout << json{{"code", stored.code}, {"version", stored.version}, {"criteria", stored.criteria.size()}}.dump()
            << std::endl;
  return 0;
}

// A criteria set (the newest version unless one is named) written as JSON
// or, for a .xlsx file, XLSX.
int export_criteria_set(const AssessmentCommands& a, const std::string& db_spec) {
  auto db = open_migrated(db_spec);
  auto set = db->read([&](db::Connection& c) {
    for (const auto& s : assessments::list_sets(c)) {  // newest first per code
      if (s.code == a.code && (a.version == 0 || s.version == a.version)) return *assessments::load_set(c, s.id);
    }
    throw not_found(
        fmt::format("no criteria set '{}'{}", a.code, a.version ? fmt::format(" version {}", a.version) : ""));
  });
  std::string bytes = ends_with(a.output, ".xlsx") ? views::to_xlsx({assessments::set_table(set)})
                                                   : assessments::set_to_json(set).dump(2) + "\n";
  std::ofstream out(a.output, std::ios::binary);
  out << bytes;
  if (!out) throw invalid_input(fmt::format("cannot write {}", a.output));
  std::cout << fmt::format("criteria set {} version {} written to {}", set.code, set.version, a.output) << std::endl;
  return 0;
}

std::optional<int> run_assessment_commands(const AssessmentCommands& a, const std::string& db_spec) {
  if (*a.load) return load_round_file(a, db_spec);
  if (*a.rank) return print_ranking(a, db_spec);
  if (*a.set_import) return import_criteria_set(a, db_spec);
  if (*a.set_export) return export_criteria_set(a, db_spec);
  return std::nullopt;
}

}  // namespace

CommandRun add_assessment_commands(CLI::App& cmd, DbOption& db) {
  auto state = std::make_shared<AssessmentCommands>();
  auto& a = *state;
  cmd.require_subcommand(1);

  a.load = cmd.add_subcommand("load", "Load a complete round from its JSON file; rejected whole on any error");
  db.add_to(*a.load);
  a.load->add_option("file", a.file, "The round's .json file")->required();

  a.rank = cmd.add_subcommand("rank", "The ranking of a round per level");
  db.add_to(*a.rank);
  a.rank->add_option("--round", a.round, "The round's code")->required();
  a.rank->add_option("--format", a.format, "json")->check(CLI::IsMember({"json"}))->capture_default_str();

  a.set_import = cmd.add_subcommand("set-import", "Store a criteria set (JSON, or XLSX with --code --level --name)");
  db.add_to(*a.set_import);
  a.set_import->add_option("file", a.file, "The set's .json or .xlsx file")->required();
  a.set_import->add_option("--code", a.code, "XLSX: the set's code");
  a.set_import->add_option("--level", a.level, "XLSX: the unit level it is for");
  a.set_import->add_option("--name", a.name, "XLSX: the set's name");

  a.set_export = cmd.add_subcommand("set-export", "Write a criteria set as JSON or XLSX");
  db.add_to(*a.set_export);
  a.set_export->add_option("--set", a.code, "The set's code")->required();
  a.set_export->add_option("--version", a.version, "The version (default: the newest)");
  a.set_export->add_option("--output", a.output, "The .json or .xlsx file to write")->required();
  return [state](const std::string& db_spec) { return run_assessment_commands(*state, db_spec); };
}

}  // namespace cchc::app
