// Service records and indicators (docs/indicators.md): `cchc import`,
// `cchc indicators`, `cchc index766`.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <optional>

#include "app/cli_groups.h"
#include "app/progress_bar.h"
#include "core/dates.h"
#include "core/errors.h"
#include "core/period.h"
#include "indicators/dashboard.h"
#include "indicators/store.h"

namespace cchc::app {

namespace {

// ---- import ----------------------------------------------------------------

struct ImportCommands {
  CLI::App* dossiers = nullptr;
  CLI::App* feedback = nullptr;
  std::string file;
};

// Progress of an import on standard error: a bar on a terminal (app/
// progress_bar.h); elsewhere, for a large import (50 000 records or more),
// a line each time records are written.
void show_import_progress(ProgressBar& bar, std::size_t done, std::size_t total) {
  if (bar.terminal()) {
    bar.update(done, total);
    return;
  }
  if (total < 50000) return;
  std::cerr << fmt::format("written {} of {} records ({}%)\n", done, total, done * 100 / total) << std::flush;
}

// A file of records, CSV or (.json, .ndjson) JSON, imported whole or not at
// all (exit 2, its problems listed).
int import_records(const std::string& db_spec, indicators::Kind kind, const std::string& file) {
  auto db = open_migrated(db_spec);
  const std::string text = read_file(file);
  indicators::ImportRequest req;
  req.kind = kind;
  req.text = text;
  req.format =
      file.ends_with(".json") || file.ends_with(".ndjson") ? indicators::Format::json : indicators::Format::csv;
  ProgressBar bar;
  req.progress = [&bar](std::size_t done, std::size_t total) { show_import_progress(bar, done, total); };
  auto out = indicators::import_batch(*db, req, cli_actor(), now_seconds());
  if (!out.ok()) {
    std::cerr << fmt::format("{}: rejected, nothing was written ({} problem(s)):", file, out.errors.size())
              << std::endl;
    for (const auto& e : out.errors) std::cerr << "  " << e.message << std::endl;
    if (out.errors.unreported()) std::cerr << fmt::format("  … and {} more", out.errors.unreported()) << std::endl;
    return 2;
  }
  std::cout << fmt::format("{}: {} records: {} inserted, {} updated, {} unchanged", file, out.records,
                           out.summary.inserted, out.summary.updated, out.summary.unchanged)
            << std::endl;
  return 0;
}

std::optional<int> run_import_commands(const ImportCommands& i, const std::string& db_spec) {
  if (*i.dossiers) return import_records(db_spec, indicators::Kind::dossiers, i.file);
  if (*i.feedback) return import_records(db_spec, indicators::Kind::feedback, i.file);
  return std::nullopt;
}

// ---- indicators, index766 --------------------------------------------------

struct IndicatorsCommands {
  CLI::App* query = nullptr;
  CLI::App* rebuild = nullptr;
  std::string unit, period, scope = "unit", format = "json";
};

int rebuild_rollups(const std::string& db_spec) {
  auto db = open_migrated(db_spec);
  auto n = indicators::rebuild(*db);
  std::cout << fmt::format("rollups rebuilt from {} records", n) << std::endl;
  return 0;
}

// {"unit", "period", "scope", …the indicators}: one line of JSON.
int print_indicators(const std::string& db_spec, const IndicatorsCommands& q) {
  if (q.unit.empty() || q.period.empty()) throw invalid_input("indicators needs --unit and --period");
  auto db = open_migrated(db_spec);
  auto period = Period::parse(q.period);
  auto scope = indicators::parse_scope(q.scope);
  auto values = db->read([&](db::Connection& c) { return indicators::query(c, q.unit, period, scope); });
  nlohmann::json out = {{"unit", q.unit}, {"period", period.code()}, {"scope", q.scope}};
  out.update(indicators::to_json(values));
  std::cout << out.dump() << std::endl;
  return 0;
}

std::optional<int> run_indicators_commands(const IndicatorsCommands& q, const std::string& db_spec) {
  if (*q.rebuild) return rebuild_rollups(db_spec);
  if (*q.query) return print_indicators(db_spec, q);
  return std::nullopt;
}

struct Index766Options {
  std::string unit, period, formula = "qd766-legal", scope = "subtree";
};

// {"unit", "period", "scope", …the index by group and indicator}: one line
// of JSON.
int print_index766(const std::string& db_spec, const Index766Options& o) {
  auto db = open_migrated(db_spec);
  auto period = Period::parse(o.period);
  auto scope = indicators::parse_scope(o.scope);
  auto score = db->read([&](db::Connection& c) {
    return indicators::index766(c, o.unit, period, scope, indicators::parse_formula(o.formula));
  });
  nlohmann::json out = {{"unit", o.unit}, {"period", period.code()}, {"scope", o.scope}};
  out.update(indicators::to_json(score));
  std::cout << out.dump() << std::endl;
  return 0;
}

}  // namespace

CommandRun add_import_commands(CLI::App& cmd, DbOption& db) {
  auto i = std::make_shared<ImportCommands>();
  cmd.require_subcommand(1);
  i->dossiers = cmd.add_subcommand(
      "dossiers", "Import dossiers (hồ sơ) from CSV (or .json/.ndjson); a file with any bad line is rejected whole");
  db.add_to(*i->dossiers);
  i->dossiers->add_option("file", i->file, "The CSV file")->required();
  i->feedback = cmd.add_subcommand(
      "feedback", "Import citizen feedback (phản ánh, kiến nghị) from CSV; a file with any bad line is rejected whole");
  db.add_to(*i->feedback);
  i->feedback->add_option("file", i->file, "The CSV file")->required();
  return [i](const std::string& db_spec) { return run_import_commands(*i, db_spec); };
}

CommandRun add_indicators_commands(CLI::App& cmd, DbOption& db) {
  auto q = std::make_shared<IndicatorsCommands>();
  q->query = &cmd;
  cmd.require_subcommand(0, 1);
  db.add_to(cmd);
  cmd.add_option("--unit", q->unit, "Unit code");
  cmd.add_option("--period", q->period, "Period: 2024, 2024-Q1, 2024-H1, 2024-9M, 2024-03, or a range of whole months");
  cmd.add_option("--scope", q->scope, "unit, or subtree (with units under it and units merged into them)")
      ->check(CLI::IsMember({"unit", "subtree"}))
      ->capture_default_str();
  cmd.add_option("--format", q->format, "json")->check(CLI::IsMember({"json"}))->capture_default_str();
  q->rebuild = cmd.add_subcommand("rebuild", "Recompute every rollup from the stored dossiers and feedback");
  db.add_to(*q->rebuild);
  return [q](const std::string& db_spec) { return run_indicators_commands(*q, db_spec); };
}

CommandRun add_index766_command(CLI::App& cmd, DbOption& db) {
  auto o = std::make_shared<Index766Options>();
  db.add_to(cmd);
  cmd.add_option("--unit", o->unit, "Unit code")->required();
  cmd.add_option("--period", o->period, "Period of whole months: 2024, 2024-Q1, 2024-03 …")->required();
  cmd.add_option("--formula", o->formula, "qd766-legal or qd766-observed")
      ->check(CLI::IsMember({"qd766-legal", "qd766-observed"}))
      ->capture_default_str();
  cmd.add_option("--scope", o->scope, "unit or subtree")
      ->check(CLI::IsMember({"unit", "subtree"}))
      ->capture_default_str();
  return [o](const std::string& db_spec) { return print_index766(db_spec, *o); };
}

}  // namespace cchc::app
