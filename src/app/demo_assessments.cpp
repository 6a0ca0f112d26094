// The demo's assessment rounds (app/demo.h, load_demo_assessments).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "app/demo.h"
#include "app/sources.h"
#include "assessments/json.h"
#include "assessments/load.h"
#include "assessments/rules.h"
#include "assessments/store.h"
#include "core/embedded.h"
#include "core/errors.h"
#include "directory/read.h"

namespace cchc::app {

namespace {

using namespace std::chrono;
using namespace assessments;

const audit::Entry kSystem{"system", "demo", "", "", "", {}, {}};

CriteriaSet demo_set(const char* file) { return set_from_json(nlohmann::json::parse(embedded::file(file))); }

// A stable pseudo-random number in [0, 1) from a few strings (FNV-1a).
double noise(std::initializer_list<std::string_view> parts) {
  std::uint64_t h = 1469598103934665603ull;
  for (auto p : parts) {
    for (unsigned char ch : p) h = (h ^ ch) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;
  }
  return double(h % 10007) / 10007.0;
}

// The scores a unit of quality q (0.55 … 1) claims: a manual score near
// q × range on its step, yes/no by chance q, a measured value for tiers,
// the indicator's value where there are records; explanations below max.
SelfInput claim(const CriteriaSet& set, const std::string& unit, const std::map<std::string, double>& computed) {
  static const char* kWhy[] = {
      "Một số nhiệm vụ chưa hoàn thành đúng tiến độ do thiếu nhân lực.",
      "Chưa đủ tài liệu kiểm chứng cho toàn bộ nội dung; đơn vị sẽ bổ sung trong năm tới.",
      "Hạ tầng chưa đáp ứng; đã đề xuất kinh phí nâng cấp.",
      "Số liệu thực tế thấp hơn chỉ tiêu do phần mềm chuyên ngành gián đoạn trong quý III.",
  };
  SelfInput out;
  double q = 0.55 + 0.45 * noise({unit, set.code});
  for (const auto* c : leaves(set)) {
    double r = std::clamp(q + (noise({unit, c->code}) - 0.5) * 0.5, 0.0, 1.0);
    double score = c->max;
    switch (c->rule) {
      case Rule::manual: {
        double step = c->step.value_or(0.25);
        score = c->max < 0.0001 ? (r > 0.8 ? 0 : std::max(c->min, -step))  // penalties: mostly none
                                : c->min + std::round(r * (c->max - c->min) / step) * step;
        break;
      }
      case Rule::yes_no: score = r > 0.25 ? c->max : c->min; break;
      case Rule::tiers: {
        double value = std::round((55 + 45 * r) * 10) / 10;
        out.values[c->code] = value;
        score = tier_score(*c, value);
        break;
      }
      case Rule::indicator: {
        auto v = computed.find(c->code);
        double value = v != computed.end() ? v->second : std::round((40 + 60 * r) * 10) / 10;
        if (v != computed.end())
          out.computed[c->code] = value;
        else
          out.values[c->code] = value;
        score = tier_score(*c, value);
        break;
      }
    }
    out.scores[c->code] = score;
    if (score < c->max - 1e-9) out.explanations[c->code] = kWhy[int(noise({unit, c->code, "why"}) * 4)];
  }
  return out;
}

// The next allowed score below `score` (an appraisal that finds less).
double one_lower(const Criterion& c, double score) {
  if (c.rule == Rule::yes_no) return c.min;
  if (c.rule == Rule::tiers || c.rule == Rule::indicator) {
    double best = c.min;
    for (const auto& t : c.tiers) {
      if (t.score < score - 1e-9) best = std::max(best, t.score);
    }
    return best;
  }
  return std::max(c.min, score - c.step.value_or(0.5));
}

Instant end_of(Date d) { return start_of_day(d) + hours{24} - seconds{1}; }

std::vector<std::string> units_of(db::Database& db, const std::string& level, Date on) {
  std::vector<std::string> out;
  for (const auto& u : directory::load_units(db)) {
    if (u.level == level && u.valid_on(on)) out.push_back(u.code);
  }
  return out;
}

// A finished e-government round of `year`, loaded as a past round is: every
// unit of the two levels valid at the window's end; one unit of each level
// late; about half the units appraised lower on a criterion or two.
void finished_round(db::Database& db, const Sources& sources, int year, const std::string& previous, Instant now) {
  RoundFile f;
  f.round.code = fmt::format("CQDT-{}", year);
  f.round.name = fmt::format("Đánh giá, xếp hạng mức độ chính quyền điện tử năm {}", year);
  f.round.year = year;
  f.round.evidence_from = Date{std::chrono::year{year - 1} / November / 1};
  f.round.evidence_to = Date{std::chrono::year{year} / October / 31};
  f.round.previous = previous;
  f.round.status = "published";
  f.round.decision = fmt::format("{}/QĐ-UBND", 3100 + year % 100);
  f.sets = {demo_set("data/demo/assessments/cqdt-so.json"), demo_set("data/demo/assessments/cqdt-xa.json")};
  std::map<std::string, Date> due = {{"department", Date{std::chrono::year{year} / October / 18}},
                                     {"commune", Date{std::chrono::year{year} / October / 25}}};
  Round window;
  window.evidence_from = f.round.evidence_from;
  window.evidence_to = f.round.evidence_to;
  for (const auto& set : f.sets) {
    f.deadlines[set.level] = end_of(due[set.level]);
    auto units = units_of(db, set.level, f.round.evidence_to);
    std::sort(units.begin(), units.end(), [&](const auto& a, const auto& b) {
      return noise({a, f.round.code}) < noise({b, f.round.code});
    });
    for (std::size_t i = 0; i < units.size(); ++i) {
      const auto& u = units[i];
      f.participants.push_back(u);
      if (i == 0) continue;  // never submitted: late
      auto c = claim(set, u, computed_values(sources, set, window, u));
      RoundFile::Submission s{u, end_of(due[set.level]) - hours{24 * int(1 + 6 * noise({u, "day"}))}, c.scores,
                              c.values, c.explanations};
      if (i == 1) s.submitted_at = end_of(due[set.level]) + hours{30};  // a day late
      for (const auto& [code, v] : c.computed) s.values[code] = v;
      f.submissions.push_back(s);
      if (noise({u, f.round.code, "appraise"}) < 0.5) {
        RoundFile::Appraisal a;
        a.unit = u;
        for (const auto* k : leaves(set)) {
          double claimed = c.scores[k->code];
          if (claimed > k->min && noise({u, k->code, "cut"}) < 0.18) {
            a.scores[k->code] = one_lower(*k, claimed);
            a.comments[k->code] = "Tài liệu kiểm chứng chưa thể hiện đầy đủ kết quả đơn vị tự chấm.";
          }
        }
        if (!a.scores.empty()) f.appraisals.push_back(a);
      }
    }
  }
  load_round(db, f, sources.indicator_codes(), kSystem, now);
}

}  // namespace

DemoAssessments load_demo_assessments(db::Database& db, Instant now) {
  DemoAssessments out;
  Date today = local_date(now);
  int y = int(today.year());
  auto open_code = fmt::format("CCHC-{}", y);
  if (db.read([&](db::Connection& c) { return find_round(c, open_code).has_value(); })) return out;
  auto sources = assessment_sources(db);

  finished_round(db, sources, y - 2, "", now);
  finished_round(db, sources, y - 1, fmt::format("CQDT-{}", y - 2), now);
  out.rounds += 2;

  // The open reform-index round: departments were due three days ago (one
  // never submitted), communes are due in two weeks (a third have
  // submitted; the demo commune, P-TRANGDAI, has not). Appraisals of some
  // departments are under way.
  RoundFile f;
  f.round.code = open_code;
  f.round.name = fmt::format("Xác định Chỉ số cải cách hành chính năm {}", y);
  f.round.year = y;
  f.round.evidence_from = Date{std::chrono::year{y - 1} / November / 1};
  f.round.evidence_to = Date{std::chrono::year{y} / October / 31};
  f.round.components = {{"survey", "Điều tra xã hội học (mức độ hài lòng)", 0.2, 100}};
  f.sets = {demo_set("data/demo/assessments/cchc-so.json"), demo_set("data/demo/assessments/cchc-xa.json")};
  Date dept_due = Date{sys_days{today} - days{3}};
  Date commune_due = Date{sys_days{today} + days{14}};
  f.deadlines = {{"department", end_of(dept_due)}, {"commune", end_of(commune_due)}};
  auto departments = units_of(db, "department", today);
  auto communes = units_of(db, "commune", today);
  f.participants = departments;
  f.participants.insert(f.participants.end(), communes.begin(), communes.end());
  auto loaded = load_round(db, f, sources.indicator_codes(), kSystem, now);
  ++out.rounds;
  const auto& round = loaded.round;
  auto sets = db.read([&](db::Connection& c) {
    std::map<std::string, CriteriaSet> m;
    for (const auto& l : round.levels) m[l.level] = *load_set(c, l.set_id);
    return m;
  });
  auto plans = sources.documents();
  auto fill = [&](const std::string& unit, const std::string& level, Instant at, bool send) {
    const auto& set = sets.at(level);
    auto c = claim(set, unit, computed_values(sources, set, round, unit));
    audit::Entry officer{"system", "demo", "", "", "", {}, {}};
    save_draft(db, round.id, unit, c, officer, at);
    // The plan of the year as evidence of every criterion that requires it.
    std::vector<std::string> needs;
    for (const auto* k : leaves(set)) {
      if (k->evidence_required) needs.push_back(k->code);
    }
    for (const auto& d : plans) {
      if (d.date && *d.date >= round.evidence_from && *d.date <= round.evidence_to && !needs.empty()) {
        add_document_evidence(db, round.id, unit, d, needs, officer, at);
        break;
      }
    }
    if (send) {
      submit(db, round.id, unit, officer, at);
      ++out.submitted;
    }
  };
  Instant dept_at = start_of_day(Date{sys_days{dept_due} - days{2}}) + hours{15};
  std::string late;
  for (const auto& u : departments) {
    bool skip = late.empty() && u != "SNV" && noise({u, open_code}) < 0.3;
    if (skip) {
      late = u;
      fill(u, "department", dept_at, false);  // a draft, never submitted
      continue;
    }
    fill(u, "department", dept_at, true);
  }
  Instant commune_at = now - hours{20};
  for (const auto& u : communes) {
    if (u != "P-TRANGDAI" && noise({u, open_code, "commune"}) < 0.35) fill(u, "commune", commune_at, true);
  }
  for (const auto& [unit, value] : std::map<std::string, double>{{"SNV", 88.5}, {"STP", 91.2}, {"STC", 84.0}}) {
    if (std::find(departments.begin(), departments.end(), unit) != departments.end()) {
      set_component(db, round.id, unit, "survey", value, kSystem, now);
    }
  }
  // The demo appraiser (of SNV) appraises a few other departments.
  audit::Entry appraiser{"demo.thamdinh", "demo", "", "", "", {}, {}};
  int n = 0;
  for (const auto& u : departments) {
    if (u == "SNV" || u == late || n >= 4) continue;
    assign_appraiser(db, round.id, u, "demo.thamdinh", kSystem, now);
    if (n < 3) {
      const auto& set = sets.at("department");
      auto scores = db.read([&](db::Connection& c) { return unit_scores(c, round.id, u); });
      std::map<std::string, double> lower;
      std::map<std::string, std::string> comments;
      for (const auto& s : scores) {
        for (const auto* k : leaves(set)) {
          if (k->code == s.criterion && s.self && *s.self > k->min && lower.size() < 2 &&
              noise({u, k->code, "appraise"}) < 0.3) {
            lower[k->code] = one_lower(*k, *s.self);
            comments[k->code] = "Đề nghị bổ sung tài liệu kiểm chứng; tạm chấm thấp hơn điểm tự đánh giá.";
          }
        }
      }
      save_appraisal(db, round.id, u, lower, comments, "SNV", appraiser, now - hours{3});
      if (n == 0) {
        db.write([&](db::Connection& c) { send_for_answer(c, round.id, u, "SNV", appraiser, now - hours{2}); });
      }
    }
    ++n;
  }
  return out;
}

}  // namespace cchc::app
