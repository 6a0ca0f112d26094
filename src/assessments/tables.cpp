#include "assessments/tables.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/dates.h"
#include "core/text.h"
#include "views/docx.h"

namespace cchc::assessments {

std::string score_vi(double v) {
  auto s = text::format_decimal(round_total(v), 2);
  if (s.find(',') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == ',') s.pop_back();
  }
  return s;
}

Instant deadline_of(const Participant& p, const RoundLevel& level) {
  return p.extended_until && *p.extended_until > level.deadline ? *p.extended_until : level.deadline;
}

std::string submission_label_vi(const Participant& p, const RoundLevel& level, Instant now) {
  if (p.state == "submitted" && p.submitted_at) {
    return on_time(*p.submitted_at, level.deadline, p.extended_until) ? "Đã gửi" : "Gửi muộn";
  }
  return now <= deadline_of(p, level) ? "Đang tự đánh giá" : "Quá hạn, chưa gửi";
}

std::string appraisal_label_vi(const std::string& a) {
  if (a == "appraising") return "Đang thẩm định";
  if (a == "awaiting_answer") return "Chờ đơn vị giải trình";
  if (a == "answered") return "Đơn vị đã giải trình";
  if (a == "final") return "Đã chốt kết quả";
  return "Chưa thẩm định";
}

std::string appraisal_status_vi(const Participant& p, Instant now) {
  auto label = appraisal_label_vi(p.appraisal);
  if (p.appraisal != "awaiting_answer" || !p.answer_due) return label;
  return fmt::format("{} ({} {})", label, now > *p.answer_due ? "đã hết hạn" : "hạn",
                     format_datetime_vi(*p.answer_due));
}

std::string rule_label_vi(const Criterion& c, const std::map<std::string, std::string>& indicator_names) {
  switch (c.rule) {
    case Rule::manual:
      return c.step ? fmt::format("Từ {} đến {} điểm, bước {}", score_vi(c.min), score_vi(c.max), score_vi(*c.step))
                    : fmt::format("Từ {} đến {} điểm", score_vi(c.min), score_vi(c.max));
    case Rule::yes_no: return fmt::format("Có: {} điểm; không: {} điểm", score_vi(c.max), score_vi(c.min));
    case Rule::tiers:
    case Rule::indicator: {
      std::string out;
      if (c.rule == Rule::indicator) {
        auto n = indicator_names.find(c.indicator);
        out = fmt::format("Tính từ chỉ số “{}” trong thời gian tính minh chứng. ",
                          n == indicator_names.end() ? c.indicator : n->second);
      }
      for (const auto& t : c.tiers) out += fmt::format("Từ {}: {} điểm; ", score_vi(t.from), score_vi(t.score));
      return out + fmt::format("thấp hơn: {} điểm", score_vi(c.min));
    }
  }
  return "";
}

namespace {

views::Cell number(std::optional<double> v) {
  if (!v) return views::Cell{"—", std::nullopt, views::Cell::Kind::decimal, {}, {}};
  return views::Cell{score_vi(*v), round_total(*v), views::Cell::Kind::decimal, {}, {}};
}

views::Cell percent(std::optional<double> v) {
  if (!v) return views::Cell{"—", std::nullopt, views::Cell::Kind::percent, {}, {}};
  return views::Cell{text::format_percent(*v, 2), *v / 100.0, views::Cell::Kind::percent, {}, {}};
}

std::string name_of(const std::map<std::string, std::string>& m, const std::string& code) {
  auto it = m.find(code);
  return it == m.end() ? code : it->second;
}

std::vector<const Criterion*> area_criteria(const CriteriaSet& set) {
  std::vector<const Criterion*> out;
  for (const auto& c : set.criteria) {
    if (c.parent.empty()) out.push_back(&c);
  }
  return out;
}

}  // namespace

views::Table results_table(const Round& round, const LevelRanking& level, const Names& names,
                           const std::map<std::string, Standing>& previous) {
  views::Table t;
  t.id = "ket-qua-" + level.level;
  t.caption = fmt::format("Kết quả {} — {}", round.name, name_of(names.levels, level.level));
  t.columns = {{"Đơn vị", "", false}, {"Hạng", "", true}};
  auto areas = area_criteria(level.set);
  for (const auto* a : areas) t.columns.push_back({fmt::format("{}. {}", a->code, a->name), "", true});
  for (const auto& k : round.components) t.columns.push_back({k.name, "", true});
  t.columns.push_back({"Tổng điểm", "", true});
  t.columns.push_back({"Tỷ lệ so với điểm tối đa", "", true});
  t.columns.push_back({"Xếp loại", "", false});
  bool compare = !previous.empty();
  if (compare) {
    t.columns.push_back({"Hạng kỳ trước", "", true});
    t.columns.push_back({"Tỷ lệ kỳ trước", "", true});
  }
  for (const auto& s : level.standings) {
    std::vector<views::Cell> row;
    row.push_back(views::Cell::of(name_of(names.units, s.unit)));
    row.push_back(views::Cell::integer(s.rank));
    for (const auto* a : areas) {
      auto it = s.areas.find(a->code);
      row.push_back(s.late ? number(std::nullopt) : number(it == s.areas.end() ? 0.0 : it->second));
    }
    for (const auto& k : round.components) {
      auto it = s.components.find(k.code);
      row.push_back(number(s.late || it == s.components.end() ? std::nullopt : std::optional(it->second)));
    }
    row.push_back(number(s.total));
    row.push_back(percent(s.percent));
    row.push_back(views::Cell::of(s.late ? "Không xếp hạng: không gửi hoặc gửi sau hạn" : s.band));
    if (compare) {
      auto p = previous.find(s.unit);
      if (p == previous.end()) {
        row.push_back(views::Cell::of("—"));
        row.push_back(percent(std::nullopt));
      } else {
        row.push_back(views::Cell::integer(p->second.rank));
        row.push_back(percent(p->second.percent));
      }
    }
    t.rows.push_back(std::move(row));
  }
  t.blank_note =
      "Ô để trống: đơn vị không xếp hạng (không gửi hoặc gửi sau hạn), chưa có điểm thành phần, hoặc không có kết "
      "quả kỳ trước.";
  return t;
}

views::Table risk_table(const LevelRanking& level, const std::map<std::string, std::vector<AtRisk>>& risks,
                        const Names& names) {
  views::Table t;
  t.id = "diem-bi-mat-" + level.level;
  t.caption = fmt::format("Điểm bị mất — {}", name_of(names.levels, level.level));
  t.columns = {{"Đơn vị", "", false}};
  auto areas = area_criteria(level.set);
  for (const auto* a : areas) t.columns.push_back({fmt::format("Mất ở lĩnh vực {}", a->code), "", true});
  t.columns.push_back({"Tổng điểm mất", "", true});
  t.columns.push_back({"Tự chấm cao hơn thẩm định", "", true});
  t.columns.push_back({"Mất nhiều nhất ở", "", false});
  for (const auto& s : level.standings) {
    if (s.late) continue;
    auto it = risks.find(s.unit);
    static const std::vector<AtRisk> none;
    const auto& list = it == risks.end() ? none : it->second;
    std::map<std::string, double> by_area;
    double lost = 0, over = 0;
    const AtRisk* worst = nullptr;
    for (const auto& r : list) {
      by_area[r.area] += r.lost;
      lost += r.lost;
      over += r.over_claim.value_or(0);
      if (!worst || r.lost > worst->lost) worst = &r;
    }
    std::vector<views::Cell> row{views::Cell::of(name_of(names.units, s.unit))};
    for (const auto* a : areas) row.push_back(number(by_area[a->code]));
    row.push_back(number(lost));
    row.push_back(number(over));
    row.push_back(views::Cell::of(worst && worst->lost > 0
                                      ? fmt::format("Tiêu chí {} ({} điểm)", worst->criterion, score_vi(worst->lost))
                                      : "—"));
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string annex_docx(const Round& round, const std::vector<LevelRanking>& levels, const Names& names,
                       const views::Issuer& issuer) {
  using namespace views::docx;
  using A = Paragraph::Align;
  Document d;
  d.size_pt = 13;
  d.add(views::decree30_header(issuer, "", ""));
  d.add(para("PHỤ LỤC", A::center, true));
  d.add(para(text::upper(round.name), A::center, true));
  std::string decision = round.decision.empty() ? "số       /QĐ-UBND" : "số " + round.decision;
  std::string on = round.published_at ? format_date_vi(local_date(*round.published_at)) : "     /     /       ";
  d.add(para(fmt::format("(Kèm theo Quyết định {} ngày {} của Ủy ban nhân dân tỉnh {})", decision, on, issuer.place),
             A::center, false, true));
  int section = 0;
  static const char* kRoman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII"};
  for (const auto& lr : levels) {
    d.add(para(fmt::format("{}. {}", kRoman[std::min(section++, 7)], text::upper(name_of(names.levels, lr.level))),
               A::left, true));
    auto areas = area_criteria(lr.set);
    Table t;
    t.borders = true;
    int fixed = 5 + 25 + 10 + 10 + 12;  // rank, unit, total, percent, band
    int area_width = areas.empty() ? 0 : std::max(3, (100 - fixed) / int(areas.size()));
    auto cell = [](std::string text, int width, bool bold = false, A align = A::center) {
      Paragraph p = para(std::move(text), align, bold, false, 11);
      p.space_after_pt = 0;
      return Cell{width, {p}};
    };
    std::vector<Cell> head{cell("Hạng", 5, true), cell("Đơn vị", 25, true)};
    for (const auto* a : areas) head.push_back(cell("LV " + a->code, area_width, true));
    head.push_back(cell("Tổng điểm", 10, true));
    head.push_back(cell("Tỷ lệ (%)", 10, true));
    head.push_back(cell("Xếp loại", 12, true));
    t.rows.push_back(head);
    std::vector<std::string> late;
    for (const auto& s : lr.standings) {
      if (s.late) {
        late.push_back(name_of(names.units, s.unit));
        continue;
      }
      std::vector<Cell> row{cell(std::to_string(s.rank), 5), cell(name_of(names.units, s.unit), 25, false, A::left)};
      for (const auto* a : areas) {
        auto it = s.areas.find(a->code);
        row.push_back(cell(score_vi(it == s.areas.end() ? 0 : it->second), area_width));
      }
      row.push_back(cell(s.total ? score_vi(*s.total) : "", 10));
      row.push_back(cell(s.percent ? text::format_decimal(*s.percent, 2) : "", 10));
      row.push_back(cell(s.band, 12));
      t.rows.push_back(std::move(row));
    }
    d.add(t);
    std::string legend;
    for (const auto* a : areas) legend += (legend.empty() ? "" : "; ") + fmt::format("LV {}: {}", a->code, a->name);
    if (!legend.empty()) d.add(para("Ghi chú: " + legend + ".", A::both, false, true, 11));
    if (!late.empty()) {
      std::string list;
      for (const auto& n : late) list += (list.empty() ? "" : ", ") + n;
      d.add(para(fmt::format("Không xếp hạng, xếp cuối của nhóm do không gửi hoặc gửi báo cáo tự đánh giá sau thời hạn "
                             "({} đơn vị): {}.",
                             late.size(), list),
                 A::both, false, false, 12));
    }
  }
  return write(d);
}

}  // namespace cchc::assessments
