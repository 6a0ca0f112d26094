#include "assessments/sheet.h"

#include <fmt/format.h>

#include "assessments/rules.h"
#include "core/errors.h"
#include "core/text.h"

namespace cchc::assessments {

namespace {

const std::vector<std::string> kHeaders = {"Mã",          "Mã cha",         "Tên tiêu chí",       "Hướng dẫn",
                                           "Điểm tối đa", "Điểm tối thiểu", "Cách chấm",          "Bước điểm",
                                           "Các mức",     "Chỉ số",         "Bắt buộc minh chứng"};

std::string plain(double v) { return fmt::format("{}", round_total(v)); }

std::optional<double> number(const std::string& cell, int line, const std::string& column) {
  try {
    return text::parse_decimal(cell);
  } catch (const Error&) {
    throw invalid_input(fmt::format("row {}: {} '{}' is not a number", line, column, cell),
                        fmt::format("Dòng {}: {} '{}' không phải là số.", line, column, cell));
  }
}

}  // namespace

views::Table set_table(const CriteriaSet& set) {
  views::Table t;
  t.id = "bo-tieu-chi";
  t.caption = fmt::format("Bộ tiêu chí {} (mã {}, phiên bản {}, cấp {})", set.name, set.code, set.version, set.level);
  for (const auto& h : kHeaders) t.columns.push_back({h, "", false});
  auto lf = leaves(set);
  for (const auto& c : set.criteria) {
    bool is_leaf = std::find(lf.begin(), lf.end(), &c) != lf.end();
    std::string tiers;
    for (const auto& x : c.tiers) tiers += (tiers.empty() ? "" : "; ") + plain(x.from) + ":" + plain(x.score);
    auto num = [&](std::optional<double> v) {
      return v ? views::Cell{plain(*v), *v, views::Cell::Kind::decimal, {}, {}} : views::Cell::of("");
    };
    t.rows.push_back({views::Cell::of(c.code), views::Cell::of(c.parent), views::Cell::of(c.name),
                      views::Cell::of(c.guidance), num(is_leaf ? std::optional(c.max) : std::nullopt),
                      num(is_leaf ? std::optional(c.min) : std::nullopt),
                      views::Cell::of(is_leaf ? rule_code(c.rule) : ""), num(c.step), views::Cell::of(tiers),
                      views::Cell::of(c.indicator), views::Cell::of(c.evidence_required ? "x" : "")});
  }
  return t;
}

CriteriaSet set_from_rows(const xlsx::Rows& rows, const std::string& code, const std::string& name,
                          const std::string& level) {
  CriteriaSet set;
  set.code = code;
  set.name = name;
  set.level = level;
  std::vector<std::string> folded;
  for (const auto& h : kHeaders) folded.push_back(text::fold(h));
  std::vector<int> column(kHeaders.size(), -1);
  bool header = false;
  for (const auto& [line, cells] : rows) {
    if (!header) {
      for (std::size_t i = 0; i < cells.size(); ++i) {
        auto f = text::fold(text::trim(cells[i]));
        for (std::size_t h = 0; h < folded.size(); ++h) {
          if (f == folded[h]) column[h] = int(i);
        }
      }
      header = column[0] >= 0 && column[2] >= 0;
      if (!header) std::fill(column.begin(), column.end(), -1);
      continue;
    }
    auto cell = [&, &row = cells](std::size_t h) -> std::string {  // a named capture of the binding (clang 14)
      int i = column[h];
      return i >= 0 && std::size_t(i) < row.size() ? std::string(text::trim(row[i])) : std::string();
    };
    if (cell(0).empty() && cell(2).empty()) continue;
    Criterion c;
    c.code = cell(0);
    c.parent = cell(1);
    c.name = cell(2);
    c.guidance = cell(3);
    c.max = number(cell(4), line, kHeaders[4]).value_or(0);
    c.min = number(cell(5), line, kHeaders[5]).value_or(0);
    try {
      c.rule = parse_rule(cell(6));
    } catch (const Error&) {
      throw invalid_input(fmt::format("row {}: unknown rule '{}'", line, cell(6)),
                          fmt::format("Dòng {}: cách chấm '{}' không hợp lệ.", line, cell(6)));
    }
    c.step = number(cell(7), line, kHeaders[7]);
    auto tiers = cell(8);
    std::size_t start = 0;
    while (start < tiers.size()) {
      auto end = tiers.find(';', start);
      auto part =
          std::string(text::trim(tiers.substr(start, end == std::string::npos ? std::string::npos : end - start)));
      start = end == std::string::npos ? tiers.size() : end + 1;
      if (part.empty()) continue;
      auto colon = part.find(':');
      if (colon == std::string::npos) {
        throw invalid_input(fmt::format("row {}: tier '{}' is not 'value:points'", line, part),
                            fmt::format("Dòng {}: mức '{}' cần dạng 'giá trị:điểm'.", line, part));
      }
      c.tiers.push_back({*number(part.substr(0, colon), line, kHeaders[8]),
                         number(part.substr(colon + 1), line, kHeaders[8]).value_or(0)});
    }
    c.indicator = cell(9);
    c.evidence_required = !cell(10).empty();
    set.criteria.push_back(std::move(c));
  }
  if (!header) {
    throw invalid_input("no header row with the columns Mã and Tên tiêu chí",
                        "Không tìm thấy dòng tiêu đề có các cột \"Mã\" và \"Tên tiêu chí\".");
  }
  return set;
}

}  // namespace cchc::assessments
