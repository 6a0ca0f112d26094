#pragma once
// What assessments show and export: state labels, the results table per
// level (page and XLSX), the points-at-risk table, and the annex to the
// approving decision (DOCX, Decree 30 layout).
#include <map>
#include <string>
#include <vector>

#include "assessments/model.h"
#include "assessments/rules.h"
#include "assessments/store.h"
#include "views/decree30.h"
#include "views/table.h"

namespace cchc::assessments {

// A participant's self-assessment as a page says it, as of `now`:
// "Đã gửi", "Gửi muộn", "Đang tự đánh giá", "Quá hạn, chưa gửi".
std::string submission_label_vi(const Participant& p, const RoundLevel& level, Instant now);
// The deadline that applies to the unit: its extension when later.
Instant deadline_of(const Participant& p, const RoundLevel& level);
// "Chưa thẩm định", "Đang thẩm định", "Chờ giải trình", "Đã giải trình", "Đã chốt".
std::string appraisal_label_vi(const std::string& appraisal);
// The appraisal as a unit's page says it, as of `now`: the label, and only
// while the unit's answer is awaited its deadline, "Chờ đơn vị giải trình
// (hạn 23:59 14/12/2026)" or "(đã hết hạn …)". A deadline left from an earlier
// state is never shown (issue 34, bug 5).
std::string appraisal_status_vi(const Participant& p, Instant now);
// How a criterion is scored, in words: "Từ 0 đến 2 điểm, bước 0,5",
// "Có: 1 điểm; không: 0", "Từ 90: 3 điểm; từ 70: 1,5 điểm; thấp hơn: 0".
std::string rule_label_vi(const Criterion& c, const std::map<std::string, std::string>& indicator_names);
// A score on a page: up to 2 decimals, Vietnamese comma, no trailing zeros.
std::string score_vi(double v);

// Names the tables need: units and levels by code.
struct Names {
  std::map<std::string, std::string> units, levels;
};

// One level's results: Đơn vị (the row header), Hạng, each area's points, components,
// Tổng điểm, Tỷ lệ, Xếp loại, and with a previous round the rank and
// percent then. Late units last, marked "Không xếp hạng: không gửi hoặc
// gửi sau hạn".
views::Table results_table(const Round& round, const LevelRanking& level, const Names& names,
                           const std::map<std::string, Standing>& previous);

// Points at risk of every unit of a level: per area lost points, the
// criteria with the most lost, the over-claims (self − appraised).
views::Table risk_table(const LevelRanking& level, const std::map<std::string, std::vector<AtRisk>>& risks,
                        const Names& names);

// The annex (phụ lục) to the decision approving the results: header of the
// province's committee, "PHỤ LỤC", the round's name, "(Kèm theo Quyết định
// số … của Ủy ban nhân dân tỉnh …)", one table per level with ranks, area
// points, totals and bands, late units listed apart.
std::string annex_docx(const Round& round, const std::vector<LevelRanking>& levels, const Names& names,
                       const views::Issuer& issuer);

}  // namespace cchc::assessments
