// Criteria sets' SQL (store.h).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "assessments/json.h"
#include "assessments/store.h"
#include "core/secrets.h"
#include "db/columns.h"
#include "directory/read.h"

namespace cchc::assessments {

namespace {

// A set version's head; its criteria are read apart (kCriterionRow).
const db::Columns<CriteriaSet> kSetRow{
    {"id", &CriteriaSet::id},     {"code", &CriteriaSet::code},        {"version", &CriteriaSet::version},
    {"name", &CriteriaSet::name}, {"level_code", &CriteriaSet::level},
};

const db::Columns<Criterion> kCriterionRow{
    {"code", &Criterion::code},
    {"parent_code", &Criterion::parent},
    {"name", &Criterion::name},
    {"guidance", &Criterion::guidance},
    {"max_score", &Criterion::max},
    {"min_score", &Criterion::min},
    {"rule", &Criterion::rule, parse_rule},
    {"step", &Criterion::step},
    {"tiers", &Criterion::tiers,
     [](const std::string& t) { return t.empty() ? std::vector<Tier>() : tiers_from_json(nlohmann::json::parse(t)); }},
    {"indicator", &Criterion::indicator},
    {"evidence_required", &Criterion::evidence_required},
};

}  // namespace

std::int64_t store_set(db::Connection& c, const CriteriaSet& set, const std::set<std::string>& indicators,
                       const audit::Entry& who, Instant now) {
  auto errors = check_set(set, indicators);
  if (!directory::is_level(c, set.level)) {
    errors.push_back({0, fmt::format("set {}: unknown level '{}'", set.code, set.level),
                      fmt::format("Bộ tiêu chí {}: cấp đơn vị '{}' không tồn tại.", set.code, set.level)});
  }
  if (!errors.empty()) throw rejected(errors);
  auto canonical = set_to_json(set);
  canonical.erase("version");
  auto fingerprint = sha256_hex(canonical.dump());
  auto same = c.query("SELECT id FROM criteria_sets WHERE code = ? AND fingerprint = ? ORDER BY version DESC",
                      {set.code, fingerprint});
  if (!same.empty()) return same.rows.front().i64("id");
  auto version =
      c.query("SELECT COALESCE(MAX(version), 0) + 1 AS v FROM criteria_sets WHERE code = ?", {set.code}).one().i64("v");
  auto id = c.query(
                 "INSERT INTO criteria_sets (code, version, name, level_code, fingerprint, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                 {set.code, version, set.name, set.level, fingerprint, now})
                .one()
                .i64("id");
  int ord = 0;
  for (const auto& k : set.criteria) {
    c.query(
        "INSERT INTO criteria (set_id, code, parent_code, ord, name, guidance, max_score, min_score, rule, step, "
        "tiers, indicator, evidence_required) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {id, k.code, k.parent, ++ord, k.name, k.guidance, k.max, k.min, rule_code(k.rule), k.step,
         k.tiers.empty() ? std::string() : tiers_to_json(k.tiers).dump(), k.indicator, k.evidence_required});
  }
  canonical["version"] = version;
  audit::record(c, who, "create", "criteria_sets", fmt::format("{}@{}", set.code, version), std::nullopt,
                canonical.dump(), now);
  return id;
}

CriteriaSet import_set(db::Database& db, const CriteriaSet& set, const std::set<std::string>& indicators,
                       const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return *load_set(c, store_set(c, set, indicators, who, now)); });
}

std::optional<CriteriaSet> load_set(db::Connection& c, std::int64_t id) {
  auto head = c.query(fmt::format("SELECT {} FROM criteria_sets WHERE id = ?", kSetRow.list()), {id});
  if (head.empty()) return std::nullopt;
  auto s = kSetRow.read(head.one());
  s.criteria = kCriterionRow.read_all(
      c.query(fmt::format("SELECT {} FROM criteria WHERE set_id = ? ORDER BY ord", kCriterionRow.list()), {id}));
  return s;
}

std::vector<CriteriaSet> list_sets(db::Connection& c) {
  return kSetRow.read_all(
      c.query(fmt::format("SELECT {} FROM criteria_sets ORDER BY code, version DESC", kSetRow.list())));
}

}  // namespace cchc::assessments
