// Pure rules of plans: unit-name matching, reading a matrix, periods, a
// task's state from its leads' reports, report checks.

#include <gtest/gtest.h>

#include <algorithm>

#include "plans/matrix.h"
#include "plans/names.h"
#include "plans/periods.h"
#include "plans/rules.h"
#include "plans/task_state.h"
#include "support/report_periods.h"
#include "support/sample_files.h"

namespace cchc::plans {
namespace {

using namespace std::chrono;

directory::Unit unit(std::string code, std::string name, std::string level, std::string short_name = "") {
  directory::Unit u;
  u.code = std::move(code);
  u.name = std::move(name);
  u.level = std::move(level);
  u.short_name = std::move(short_name);
  u.valid_from = Date{year{2000} / 1 / 1};
  return u;
}

std::vector<directory::Unit> units() {
  return {unit("SNV", "Sở Nội vụ", "department"),
          unit("STP", "Sở Tư pháp", "department"),
          unit("STTTT", "Sở Thông tin và Truyền thông", "department"),
          unit("SKHCN", "Sở Khoa học và Công nghệ", "department"),
          unit("SGDDT", "Sở Giáo dục và Đào tạo", "department"),
          unit("VP-UBND", "Văn phòng Ủy ban nhân dân tỉnh", "department"),
          unit("TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh", "department"),
          unit("BIENHOA", "Thành phố Biên Hòa", "district"),
          unit("LONGKHANH", "Thành phố Long Khánh", "district"),
          unit("XA-AN", "Xã An Phước", "commune"),
          unit("XA-AH", "Xã An Hòa", "commune"),
          unit("XA-AB", "Xã An Bình", "commune"),
          unit("XA-AH2", "Xã An Hòa", "commune")};  // the same name in another district
}

TEST(UnitMatching, NamesAsMatricesWriteThem) {
  UnitMatcher m(units(), {{"phong hanh chinh to chuc", "VP-UBND", ""}}, "Tỉnh Đồng Nai");
  struct Case {
    const char* name;
    const char* kind;    // unit | group | ambiguous | unmatched
    const char* result;  // the unit, the level, or the first candidate
  } cases[] = {
      {"Sở Nội vụ", "unit", "SNV"},
      {"SỞ NỘI VỤ", "unit", "SNV"},
      {"So Noi vu", "unit", "SNV"},   // no diacritics
      {"S& Noi vu", "unit", "SNV"},   // a scan's garble: fuzzy
      {"Sở TT&TT", "unit", "STTTT"},  // abbreviation
      {"Sở GD&ĐT", "unit", "SGDDT"},
      {"Văn phòng UBND tỉnh", "unit", "VP-UBND"},    // UBND, "tỉnh" dropped
      {"VP UBND tỉnh Đồng Nai", "unit", "VP-UBND"},  // province name dropped
      {"Trung tâm Phục vụ HCC", "unit", "TTPVHCC"},
      {"TP. Biên Hòa", "unit", "BIENHOA"},
      {"snv", "unit", "SNV"},                             // a code
      {"Phòng Hành chính - Tổ chức", "unit", "VP-UBND"},  // a stored alias
      {"Các sở, ban, ngành", "group", "department"},
      {"UBND cấp huyện", "group", "district"},
      {"UBND các xã, phường, thị trấn", "group", "commune"},
      {"Xã An Hòa", "ambiguous", ""},  // two communes of that name
      {"Xa An Hoa", "ambiguous", ""},
      {"Xã An", "unmatched", ""},      // 0.67 < 0.8
      {"Bộ Nội vụ", "unmatched", ""},  // close, but a ministry is not a department
      {"Công an tỉnh", "unmatched", ""},
      {"", "unmatched", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = m.match(c.name);
    const char* kinds[] = {"unit", "group", "ambiguous", "unmatched"};
    EXPECT_STREQ(kinds[int(r.kind)], c.kind);
    if (r.kind == UnitMatch::Kind::unit) {
      ASSERT_EQ(r.codes.size(), 1u);
      EXPECT_EQ(r.codes[0], c.result);
    }
    if (r.kind == UnitMatch::Kind::group) {
      EXPECT_EQ(r.level_code, c.result);
      EXPECT_FALSE(r.codes.empty());
    }
    if (r.kind == UnitMatch::Kind::ambiguous) {
      EXPECT_GE(r.candidates.size(), 2u);
    }
  }
}

TEST(UnitMatching, TheIssuersOwnDivisions) {
  auto all = units();
  auto division = [&](const char* code, const char* name, const char* parent) {
    all.push_back(unit(code, name, "division"));
    all.back().parent_code = parent;
  };
  division("VP-HCTC", "Phòng Hành chính – Tổ chức", "VP-UBND");
  division("VP-TH", "Phòng Tổng hợp", "VP-UBND");
  division("SNV-CCHC", "Phòng Cải cách hành chính", "SNV");
  struct Case {
    const char* issuer;
    const char* name;
    std::vector<std::string> codes;  // empty: unmatched
  } cases[] = {
      {"VP-UBND", "Các Phòng, Ban, Trung tâm", {"VP-HCTC", "VP-TH"}},
      {"VP-UBND", "các phòng chuyên môn", {"VP-HCTC", "VP-TH"}},
      {"VP-UBND", "Các đơn vị trực thuộc", {"VP-HCTC", "VP-TH"}},
      {"SNV", "Các phòng, ban", {"SNV-CCHC"}},
      {"STP", "Các phòng, ban", {}},             // no divisions of its own
      {"", "Các phòng, ban", {}},                // no issuer given
      {"VP-UBND", "Phòng Tổng hợp", {"VP-TH"}},  // one by its name
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.issuer) + ": " + c.name);
    UnitMatcher m(all, {}, "Tỉnh Đồng Nai", c.issuer);
    auto r = m.match(c.name);
    EXPECT_EQ(r.codes, c.codes);
    if (c.codes.size() > 1) {
      EXPECT_EQ(r.kind, UnitMatch::Kind::group);
      EXPECT_EQ(r.level_code, "division");
    }
    if (c.codes.empty()) {
      EXPECT_EQ(r.kind, UnitMatch::Kind::unmatched);
    }
  }
}

TEST(UnitMatching, CellsNamingSeveralUnits) {
  UnitMatcher m(units(), {}, "Tỉnh Đồng Nai");
  auto names = [&](const char* cell) {
    std::vector<std::string> out;
    for (const auto& [name, match] : m.match_cell(cell)) {
      out.push_back(name + "=" +
                    (match.codes.empty()       ? "?"
                     : match.codes.size() == 1 ? match.codes[0]
                                               : match.level_code));
    }
    return out;
  };
  EXPECT_EQ(names("Sở Nội vụ; Sở Tư pháp"), (std::vector<std::string>{"Sở Nội vụ=SNV", "Sở Tư pháp=STP"}));
  EXPECT_EQ(names("- Sở Nội vụ\n- Sở Tư pháp."), (std::vector<std::string>{"Sở Nội vụ=SNV", "Sở Tư pháp=STP"}));
  // Commas split only when every piece matches: a group name keeps its commas.
  EXPECT_EQ(names("Sở Nội vụ, Sở Tư pháp"), (std::vector<std::string>{"Sở Nội vụ=SNV", "Sở Tư pháp=STP"}));
  EXPECT_EQ(names("Các sở, ban, ngành"), (std::vector<std::string>{"Các sở, ban, ngành=department"}));
  EXPECT_EQ(names("Sở Nội vụ, Công an tỉnh"), (std::vector<std::string>{"Sở Nội vụ, Công an tỉnh=?"}));
}

TEST(UnitMatching, ResolvingNamesOfRows) {
  UnitMatcher m(units(), {}, "");
  std::vector<MatrixRow> rows(3);
  rows[0].line = 4, rows[0].lead_cell = "Sở Nội vụ", rows[0].cooperate_cell = "Các sở, ban, ngành";
  rows[1].line = 5, rows[1].lead_cell = "Phòng Hành chính", rows[1].cooperate_cell = "Xã An Hòa";
  rows[2].line = 9, rows[2].lead_cell = "Phòng Hành chính";
  auto unresolved = resolve_units(rows, m, {});
  ASSERT_EQ(unresolved.size(), 2u);
  EXPECT_EQ(unresolved[0].name, "Phòng Hành chính");
  EXPECT_EQ(unresolved[0].lines, (std::vector<int>{5, 9}));
  EXPECT_FALSE(unresolved[0].ambiguous);
  EXPECT_EQ(unresolved[1].name, "Xã An Hòa");
  EXPECT_TRUE(unresolved[1].ambiguous);
  EXPECT_EQ(unresolved[1].candidates, (std::vector<std::string>{"XA-AH", "XA-AH2"}));
  EXPECT_EQ(rows[0].leads, (std::vector<std::string>{"SNV"}));
  // The lead is not also listed among the co-operating units of its group.
  EXPECT_EQ(std::count(rows[0].cooperates.begin(), rows[0].cooperates.end(), "SNV"), 0);
  EXPECT_EQ(rows[0].cooperates.size(), 6u);

  // Resolved by the user (keys are unit_key of the name); a resolution to
  // a unit that does not exist resolves nothing.
  Resolutions r{{unit_key("Phòng Hành chính"), "VP-UBND"}, {unit_key("Xã An Hòa"), "NOPE"}};
  unresolved = resolve_units(rows, m, r);
  ASSERT_EQ(unresolved.size(), 1u);
  EXPECT_EQ(unresolved[0].name, "Xã An Hòa");
  EXPECT_EQ(rows[2].leads, (std::vector<std::string>{"VP-UBND"}));
  r[unit_key("Xã An Hòa")] = "XA-AH2";
  EXPECT_TRUE(resolve_units(rows, m, r).empty());
  EXPECT_EQ(rows[1].cooperates, (std::vector<std::string>{"XA-AH2"}));
  r[unit_key("Phòng Hành chính")] = "level:commune";
  EXPECT_TRUE(resolve_units(rows, m, r).empty());
  EXPECT_EQ(rows[2].leads, (std::vector<std::string>{"XA-AN", "XA-AH", "XA-AB", "XA-AH2"}));
}

std::vector<Area> areas() {
  return {{"direction", "Công tác chỉ đạo, điều hành", 1},
          {"institutions", "Cải cách thể chế", 2},
          {"procedures", "Cải cách thủ tục hành chính", 3},
          {"organisation", "Cải cách tổ chức bộ máy hành chính nhà nước", 4},
          {"civil_service", "Cải cách chế độ công vụ", 5},
          {"public_finance", "Cải cách tài chính công", 6},
          {"digital_government", "Xây dựng và phát triển chính quyền điện tử, chính quyền số", 7},
          {"communication", "Công tác thông tin, tuyên truyền", 8}};
}

TEST(AreaHeadings, MatchedWithOrWithoutDiacritics) {
  struct Case {
    const char* heading;
    const char* area;  // "" = none
  } cases[] = {
      {"Cải cách thể chế", "institutions"},
      {"CAI CACH THE CHE", "institutions"},
      {"Cai cach thu tuc hanh chinh", "procedures"},
      {"Cải cách TTHC", "procedures"},
      {"Cai cach thi tuc hanh chinh", "procedures"},  // a scan's "thi" for "thủ"
      {"Cải cách tổ chức bộ máy", "organisation"},
      {"Cải cách chế độ công vụ", "civil_service"},
      {"Cải cách tài chính công", "public_finance"},
      {"Xây dựng chính quyền điện tử, chính quyền số", "digital_government"},
      {"Chuyển đổi số", "digital_government"},
      {"II. Công tác chỉ đạo điều hành", "direction"},
      {"Thông tin, tuyên truyền", "communication"},
      {"Kinh phí thực hiện", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.heading);
    EXPECT_EQ(match_area(c.heading, areas()).value_or(""), c.area);
  }
}

Grid grid(std::vector<std::vector<std::string>> rows) {
  Grid g;
  int line = 0;
  for (auto& r : rows) g.emplace_back(++line, std::move(r));
  return g;
}

TEST(MatrixReading, TheAppendixLayout) {
  auto g = grid({
      {"NHIỆM VỤ CỤ THỂ THỰC HIỆN CẢI CÁCH HÀNH CHÍNH NĂM 2023"},  // title: skipped
      {"STT", "Mục tiêu", "Nhiệm vụ/ Hoạt động", "Kết quả/ Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
       "Thời gian hoàn thành"},
      {"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"},
      {"I", "Cải cách thể chế", "", "", "", "", ""},
      {"", "", "Rà soát quy định hành chính", "Báo cáo", "Các phòng chuyên môn", "", "Tháng 11/2022"},
      {"II", "Cai cach thu tuc hanh chinh", "", "", "", "", ""},
      {"1", "Kiểm soát thủ tục hành chính", "", "", "", "", ""},  // a sub-heading
      {"1.1", "Bộ TTHC ban hành kịp thời", "Rà soát, cập nhật", "Quyết định", "Sở Nội vụ", "Các sở, ban, ngành",
       "Thường xuyên"},
      {"1.2", "", "Cấu hình quy trình", "Quy trình", "Sở Nội vụ", "", "Quy IV/2022"},  // objective merged from above
      {"1.3", "", "Số hóa hồ sơ", "", "Sở Nội vụ", "", "45464"},                       // an Excel date cell: 21/06/2024
      // the header repeated on a new page
      {"STT", "Mục tiêu", "Nhiệm vụ/ Hoạt động", "Kết quả/ Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
       "Thời gian hoàn thành"},
      {"2", "", "Công khai TTHC", "", "Sở Nội vụ", "", "Thuong xuyen"},
  });
  auto m = read_matrix(g, areas());
  ASSERT_TRUE(m.errors.empty()) << m.errors[0].message;
  ASSERT_EQ(m.rows.size(), 5u);
  EXPECT_EQ(m.rows[0].line, 5);
  EXPECT_EQ(m.rows[0].area_code, "institutions");
  EXPECT_EQ(m.rows[0].objective, "");
  EXPECT_EQ(m.rows[0].deadline->kind, Deadline::Kind::month);
  EXPECT_EQ(m.rows[1].area_code, "procedures");
  EXPECT_EQ(m.rows[1].ref, "1.1");
  EXPECT_EQ(m.rows[1].objective, "Bộ TTHC ban hành kịp thời");
  EXPECT_EQ(m.rows[1].cooperate_cell, "Các sở, ban, ngành");
  EXPECT_EQ(m.rows[2].objective, "Bộ TTHC ban hành kịp thời");
  EXPECT_EQ(m.rows[2].deadline->kind, Deadline::Kind::quarter);
  EXPECT_EQ(m.rows[3].deadline_text, "Trước ngày 21/06/2024");
  EXPECT_EQ(*m.rows[3].deadline->due, (Date{year{2024} / 6 / 21}));
  EXPECT_EQ(m.rows[4].objective, "Bộ TTHC ban hành kịp thời");
  EXPECT_EQ(m.rows[4].deadline->kind, Deadline::Kind::continuous);
}

TEST(MatrixReading, EveryBadRowIsListed) {
  std::vector<std::string> header = {"TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"};
  auto m = read_matrix(grid({header,
                             {"1", "Trước mọi lĩnh vực", "Sở Nội vụ", "", "Quý I/2023"},
                             {"I", "Lĩnh vực lạ", "", "", ""},
                             {"II", "Cải cách thể chế", "", "", ""},
                             {"1", "", "Sở Nội vụ", "", "Quý I/2023"},
                             {"2", "Không có chủ trì", "", "", "Quý I/2023"},
                             {"3", "Thời hạn sai", "Sở Nội vụ", "", "Quý V/2023"},
                             {"4", "Không có thời hạn", "Sở Nội vụ", "", ""}}),
                       areas());
  std::vector<int> lines;
  for (const auto& e : m.errors) lines.push_back(e.line);
  // Line 7's impossible quarter is no refusal: the row keeps it as written.
  EXPECT_EQ(lines, (std::vector<int>{2, 3, 5, 6, 8}));
  auto kept = std::find_if(m.rows.begin(), m.rows.end(), [](const auto& r) { return r.line == 7; });
  ASSERT_NE(kept, m.rows.end());
  EXPECT_EQ(kept->deadline->kind, Deadline::Kind::unparsed);
  EXPECT_EQ(format_deadline(*kept->deadline), "Quý V/2023");
  EXPECT_EQ(m.errors[1].message_vi, "Dòng 3: không nhận ra lĩnh vực cải cách \"Lĩnh vực lạ\".");

  auto none = read_matrix(grid({{"a", "b"}, {"c", "d"}}), areas());
  ASSERT_EQ(none.errors.size(), 1u);
  EXPECT_EQ(none.errors[0].line, 0);
  auto empty = read_matrix(grid({header}), areas());
  ASSERT_EQ(empty.errors.size(), 1u);
  EXPECT_EQ(empty.errors[0].message, "the matrix has no task rows");
}

std::vector<ReportPeriod> config() { return testing::quarterly_periods(); }

TEST(ReportPeriods, DueDaysMoveOffDaysOff) {
  const auto& cal = WorkCalendar::vietnam();
  struct Case {
    const char* key;
    const char* first;
    const char* last;
    const char* due;
  } cases[] = {
      {"2024-q1", "2023-12-15", "2024-03-14", "2024-03-15"},  // a Friday
      {"2024-h1", "2023-12-15", "2024-06-14", "2024-06-17"},  // 15/06/2024 a Saturday → Monday
      {"2024-q3", "2023-12-15", "2024-09-14", "2024-09-16"},  // 15/09/2024 a Sunday → Monday
      {"2024-year", "2023-12-15", "2024-12-14", "2024-12-16"}, {"2025-q3", "2024-12-15", "2025-09-14", "2025-09-15"},
      {"2023-h1", "2022-12-15", "2023-06-14", "2023-06-15"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.key);
    auto p = period_of_key(config(), c.key, cal);
    EXPECT_EQ(format_iso_date(p.first), c.first);
    EXPECT_EQ(format_iso_date(p.last), c.last);
    EXPECT_EQ(format_iso_date(p.due), c.due);
  }
  // A due day on a public holiday moves past it: 30/04 and 01/05/2025 are
  // holidays (and 02/05 a day off given in exchange).
  auto holiday = config();
  holiday[0].due_mmdd = "04-30";
  EXPECT_EQ(format_iso_date(period_of_key(holiday, "2025-q1", cal).due), "2025-05-05");
  EXPECT_EQ(period_of_key(config(), "2024-h1", cal).label, "6 tháng năm 2024");
  EXPECT_EQ(period_of_key(config(), "2024-year", cal).label, "Năm 2024");
  EXPECT_THROW(period_of_key(config(), "2024-q2", cal), Error);
  EXPECT_THROW(period_of_key(config(), "q1", cal), Error);
  EXPECT_EQ(current_period(config(), Date{year{2024} / 6 / 17}, cal).key, "2024-h1");
  EXPECT_EQ(current_period(config(), Date{year{2024} / 6 / 18}, cal).key, "2024-q3");
  EXPECT_EQ(current_period(config(), Date{year{2024} / 12 / 20}, cal).key, "2025-q1");
  EXPECT_LT(period_rank(config(), "2024-year"), period_rank(config(), "2025-q1"));
  EXPECT_LT(period_rank(config(), "2024-h1"), period_rank(config(), "2024-q3"));
  EXPECT_EQ(period_rank(config(), "2024-zz"), -1);

  // A year's own due day wins over the configured one, that year only,
  // and still moves off a day off (Sunday 23/06/2024 → Monday 24/06).
  auto own = config();
  own[1].due_in[2024] = Date{year{2024} / 6 / 23};
  EXPECT_EQ(format_iso_date(period_of_key(own, "2024-h1", cal).due), "2024-06-24");
  EXPECT_EQ(period_of_key(own, "2025-h1", cal).due, period_of_key(config(), "2025-h1", cal).due);
  EXPECT_EQ(current_period(own, Date{year{2024} / 6 / 20}, cal).key, "2024-h1");  // still due: its report comes first
}

// The regular periods and one ad-hoc period of 2024 (data 01/07-31/07, due 05/08).
std::vector<ReportPeriod> with_adhoc() {
  auto c = config();
  c.push_back({"dx1", "Báo cáo đột xuất tháng 7/2024", kAdhocOrder, "07-01", "07-31", "08-05", false, {}, 2024});
  return c;
}

TEST(ReportPeriods, AnAdhocPeriodIsOfItsYearOnlyAndSitsByItsDays) {
  const auto& cal = WorkCalendar::vietnam();
  auto c = with_adhoc();
  auto p = period_of_key(c, "2024-dx1", cal);
  EXPECT_TRUE(p.adhoc);
  EXPECT_EQ(p.label, "Báo cáo đột xuất tháng 7/2024");  // its name is the whole label
  EXPECT_EQ(format_iso_date(p.first), "2024-07-01");
  EXPECT_EQ(format_iso_date(p.due), "2024-08-05");
  EXPECT_THROW(period_of_key(c, "2025-dx1", cal), Error);
  EXPECT_EQ(period_rank(c, "2025-dx1"), -1);
  // Ranked by its last day: after the half-year, before the third quarter.
  EXPECT_LT(period_rank(c, "2024-h1"), period_rank(c, "2024-dx1"));
  EXPECT_LT(period_rank(c, "2024-dx1"), period_rank(c, "2024-q3"));
  EXPECT_LT(period_rank(c, "2023-year"), period_rank(c, "2024-q1"));
  std::vector<std::string> keys;
  for (const auto& x : periods_of_year(c, 2024, cal)) keys.push_back(x.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"2024-q1", "2024-h1", "2024-dx1", "2024-q3", "2024-year"}));
  EXPECT_EQ(periods_of_year(c, 2025, cal).size(), 4u);
  // Never the current period: on 01/08 the current one is still the third quarter.
  EXPECT_EQ(current_period(c, Date{year{2024} / 8 / 1}, cal).key, "2024-q3");
}

TEST(ReportPeriods, PeriodsInPlay) {
  const auto& cal = WorkCalendar::vietnam();
  struct Case {
    const char* day;
    std::vector<std::string> keys;
  } cases[] = {
      // before the first report of the year: the past year's, then Q1
      {"2024-01-10", {"2023-year", "2024-q1"}},
      {"2024-03-15", {"2023-year", "2024-q1"}},  // its due day: Q1 is still current
      {"2024-03-18", {"2024-q1", "2024-h1"}},    // the day after: Q1 just past
      {"2024-06-30", {"2024-h1", "2024-q3"}},    // not yet begun: the ad-hoc one waits
      {"2024-07-01", {"2024-h1", "2024-dx1", "2024-q3"}},
      {"2024-09-04", {"2024-h1", "2024-dx1", "2024-q3"}},  // 30 days after its due day, still owed
      {"2024-09-05", {"2024-h1", "2024-q3"}},              // 31 days: gone
      {"2024-12-20", {"2024-year", "2025-q1"}},
  };
  for (const auto& t : cases) {
    SCOPED_TRACE(t.day);
    std::vector<std::string> keys;
    for (const auto& p : periods_in_play(with_adhoc(), parse_iso_date(t.day), cal)) keys.push_back(p.key);
    EXPECT_EQ(keys, t.keys);
  }
}

TEST(ReportPeriods, AdhocPeriodFields) {
  struct Case {
    const char* name;
    const char* first;
    const char* last;
    const char* due;
    size_t errors;
  } cases[] = {
      {"Đột xuất tháng 7", "2024-07-01", "2024-07-31", "2024-08-05", 0},
      {"Một ngày", "2024-07-01", "2024-07-01", "2024-07-01", 0},     // one day, due the same day
      {"Hạn 90 ngày", "2024-07-01", "2024-07-31", "2024-10-29", 0},  // the 90th day
      {"Hạn 91 ngày", "2024-07-01", "2024-07-31", "2024-10-30", 1},
      {"  ", "2024-07-01", "2024-07-31", "2024-08-05", 1},            // no name
      {"Ngược", "2024-07-31", "2024-07-01", "2024-08-05", 1},         // ends before it begins
      {"Hạn trước kỳ", "2024-07-01", "2024-07-31", "2024-07-30", 1},  // due before the last day
      {"Qua năm", "2024-12-01", "2024-12-31", "2025-01-05", 1},       // the due day in the next year
      {"Hai năm", "2023-12-01", "2024-01-31", "2024-02-05", 1},       // two years
      {"Xa", "1999-07-01", "1999-07-31", "1999-08-05", 1},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(check_adhoc_period(c.name, parse_iso_date(c.first), parse_iso_date(c.last), parse_iso_date(c.due)).size(),
              c.errors);
  }
  EXPECT_EQ(check_adhoc_period(std::string(201, 'a'), Date{year{2024} / 7 / 1}, Date{year{2024} / 7 / 2},
                               Date{year{2024} / 7 / 3})
                .size(),
            1u);
}

Report report(std::string unit, std::string period, const char* progress, int percent, const char* done_on,
              const char* reported_on) {
  Report r;
  r.task_id = 1;
  r.unit_code = std::move(unit);
  r.period = std::move(period);
  r.progress = progress;
  r.percent = percent;
  if (done_on) r.done_on = parse_iso_date(done_on);
  r.reported_at = start_of_day(parse_iso_date(reported_on)) + hours{10};
  return r;
}

TEST(TaskState, FromTheLeadsLatestReports) {
  Task t;
  t.id = 1;
  t.deadline = parse_deadline("Quý II/2024");  // due 30/06/2024
  t.leads = {"A", "B"};
  std::vector<Report> rs = {report("A", "2024-q1", "in_progress", 40, nullptr, "2024-03-10"),
                            report("B", "2024-q1", "in_progress", 20, nullptr, "2024-03-12"),
                            report("A", "2024-h1", "done", 100, "2024-06-01", "2024-06-10"),
                            report("B", "2024-h1", "in_progress", 80, nullptr, "2024-06-12"),
                            report("B", "2024-q3", "done", 100, "2024-07-20", "2024-09-10")};
  struct Case {
    const char* as_of;
    const char* status;
    int percent;
    const char* done_on;
  } cases[] = {
      {"2024-03-01", "not_started", 0, nullptr},
      {"2024-03-11", "in_progress", 20, nullptr},  // A 40, B none: (40 + 0) / 2
      {"2024-03-12", "in_progress", 30, nullptr},
      {"2024-06-10", "in_progress", 60, nullptr},  // A done (100), B 20
      {"2024-06-30", "in_progress", 90, nullptr},
      {"2024-07-01", "overdue", 90, nullptr},          // B not done by the due day
      {"2024-09-10", "done_late", 100, "2024-07-20"},  // the last lead finished after 30/06
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.as_of);
    auto s = state_as_of(t, rs, parse_iso_date(c.as_of));
    EXPECT_EQ(status_code(s.status), c.status);
    EXPECT_EQ(s.percent, c.percent);
    EXPECT_EQ(s.done_on ? format_iso_date(*s.done_on) : "", c.done_on ? c.done_on : "");
  }
  auto s = state_as_of(t, rs, parse_iso_date("2024-06-30"));
  EXPECT_EQ(status_code(s.leads[0].status), "done");
  EXPECT_EQ(status_code(s.leads[1].status), "in_progress");
  EXPECT_EQ(*s.leads[1].last_period, "2024-h1");

  // Reports of units that do not lead, and co-operating reports, do not count.
  auto coop = report("A", "2024-h1", "done", 100, "2024-06-01", "2024-06-10");
  coop.role = "cooperate";
  Task one = t;
  one.leads = {"B"};
  EXPECT_EQ(status_code(state_as_of(one, {coop}, parse_iso_date("2024-06-20")).status), "not_started");
  // Continuous tasks are never overdue; cancelled tasks are cancelled.
  Task cont = t;
  cont.deadline = parse_deadline("Thường xuyên");
  EXPECT_EQ(status_code(state_as_of(cont, {}, parse_iso_date("2030-01-01")).status), "not_started");
  Task cancelled = t;
  cancelled.cancelled_reason = "Không còn phù hợp";
  EXPECT_EQ(status_code(state_as_of(cancelled, rs, parse_iso_date("2024-07-01")).status), "cancelled");
  // No leads: judged on the deadline alone.
  Task orphan = t;
  orphan.leads.clear();
  EXPECT_EQ(status_code(state_as_of(orphan, rs, parse_iso_date("2024-07-01")).status), "overdue");
}

// One unit's reports on a task as every count of what is owed reads them
// (the work list, the urging letter, the compiled report): the latest
// earlier period not returned, and this period's in any review state.
TEST(ReportChecks, WhatACountReadsForAPeriod) {
  auto rep = [](const char* period, const char* progress, const char* review, int at) {
    Report r;
    r.period = period;
    r.progress = progress;
    r.review = review;
    r.reported_at = Instant{std::chrono::seconds(at)};
    return r;
  };
  struct Case {
    const char* name;
    std::vector<Report> own;
    const char* previous;  // its period and progress, "" for none
    const char* current;   // its review, "" for none
  } cases[] = {
      {"nothing", {}, "", ""},
      {"only this period's, pending", {rep("2024-q3", "in_progress", "pending", 5)}, "", "pending"},
      {"a done report, pending, last period", {rep("2024-h1", "done", "pending", 3)}, "2024-h1 done", ""},
      {"a returned done report is not done",
       {rep("2024-q1", "in_progress", "accepted", 1), rep("2024-h1", "done", "returned", 3)},
       "2024-q1 in_progress",
       ""},
      {"the latest period wins, not the latest sent",
       {rep("2024-h1", "in_progress", "accepted", 3), rep("2024-q1", "done", "accepted", 4)},
       "2024-h1 in_progress",
       ""},
      {"a later period never counts as before",
       {rep("2024-year", "done", "accepted", 9), rep("2024-q3", "in_progress", "returned", 6)},
       "",
       "returned"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto seen = reports_for_period(c.own, config(), "2024-q3");
    EXPECT_EQ(seen.previous ? seen.previous->period + " " + seen.previous->progress : "", c.previous);
    EXPECT_EQ(seen.current ? seen.current->review : "", c.current);
  }
}

TEST(ReportChecks, ListEveryProblem) {
  Date today{year{2024} / 6 / 10};
  struct Case {
    const char* progress;
    int percent;
    const char* done_on;
    const char* evidence;
    size_t errors;
  } cases[] = {
      {"in_progress", 50, nullptr, "", 0},
      {"done", 100, "2024-06-10", "https://example.org/bc.pdf\n/tai-lieu/12", 0},
      {"not_started", 0, nullptr, "", 0},
      {"finished", 50, nullptr, "", 1},
      {"in_progress", 101, nullptr, "", 1},
      {"in_progress", 99, nullptr, "", 0},
      {"in_progress", 100, nullptr, "", 1},  // 100 % is done: never "Đang thực hiện (100 %)"
      {"in_progress", -1, nullptr, "", 1},
      {"not_started", 10, nullptr, "", 1},
      {"done", 100, nullptr, "", 1},
      {"done", 100, "2024-06-11", "", 1},  // tomorrow
      {"in_progress", 50, "2024-06-01", "", 1},
      {"in_progress", 50, nullptr, "javascript:alert(1)", 1},
      {"in_progress", 50, nullptr, "ftp://x\nnot a link", 2},
      {"in_progress", 50, nullptr, "//evil.example/x", 1},  // leaves the site
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.progress) + " " + std::to_string(c.percent));
    Report r;
    r.progress = c.progress;
    r.percent = c.percent;
    if (c.done_on) r.done_on = parse_iso_date(c.done_on);
    r.evidence = c.evidence;
    EXPECT_EQ(check_report(r, today).size(), c.errors);
  }
}

TEST(EvidenceFiles, CheckedByNameAndContent) {
  // The whole table of kinds is tests/core/filetype_test.cpp's; here, that
  // reports use it.
  auto ok = check_evidence_file({"Báo cáo quý I.PDF", testing::sample_pdf()});
  EXPECT_EQ(ok.name, "bao-cao-quy-i.pdf");
  EXPECT_EQ(ok.content_type, "application/pdf");
  EXPECT_THROW(check_evidence_file({"bao-cao.pdf", testing::sample_html()}), Error);
  EXPECT_THROW(check_evidence_file({"logo.svg", testing::sample_svg()}), Error);
  EXPECT_THROW(check_evidence_file({"lon.pdf", testing::sample_pdf() + std::string(5u << 20, ' ')}), Error);
}

TEST(OwedReports, ContinuousAlwaysOthersUntilDone) {
  Task t;
  t.deadline = parse_deadline("Quý IV/2024");
  Report done;
  done.progress = "done";
  Report going;
  going.progress = "in_progress";
  EXPECT_TRUE(owes_report(t, std::nullopt));
  EXPECT_TRUE(owes_report(t, going));
  EXPECT_FALSE(owes_report(t, done));
  t.deadline = parse_deadline("Thường xuyên");
  EXPECT_TRUE(owes_report(t, done));
  t.cancelled_reason = "x";
  EXPECT_FALSE(owes_report(t, std::nullopt));
}

TEST(PlanChecks, NumberTitleYearKindStatus) {
  Plan ok;
  ok.number = "77/KH-VP";
  ok.title = "Kế hoạch cải cách hành chính năm 2023";
  ok.year = 2023;
  EXPECT_TRUE(check_plan(ok).empty());
  for (const char* n : {"282/KH-UBND", "12/KH-SNV", "5/KH-UBND.VP", "1/QĐ-UBND"}) {
    Plan p = ok;
    p.number = n;
    EXPECT_TRUE(check_plan(p).empty()) << n;
  }
  for (const char* n : {"", "KH-VP", "77/", "77 /KH", "/KH-VP", "77/KH VP"}) {
    Plan p = ok;
    p.number = n;
    EXPECT_EQ(check_plan(p).size(), 1u) << n;
  }
  Plan bad = ok;
  bad.title = " ";
  bad.year = 1999;
  bad.kind = "other";
  bad.status = "open";
  EXPECT_EQ(check_plan(bad).size(), 4u);
}

// How a sentence names a period: its label; the year period's "Năm" in
// lower case; never the key.
TEST(Periods, LabelInASentence) {
  const std::pair<const char*, const char*> cases[] = {
      {"Năm 2026", "năm 2026"},
      {"Quý III năm 2026", "Quý III năm 2026"},
      {"6 tháng năm 2026", "6 tháng năm 2026"},
      {"Báo cáo đột xuất tháng 7/2026", "Báo cáo đột xuất tháng 7/2026"},
      {"", ""},
  };
  for (const auto& [label, want] : cases) {
    SCOPED_TRACE(label);
    EXPECT_EQ(period_in_sentence(label), want);
  }
  // The labels the configured periods give.
  auto year = period_of_key(config(), "2026-year", WorkCalendar::vietnam());
  EXPECT_EQ(period_in_sentence(year.label), "năm 2026");
}

// A number belongs to the year of the issue date (offices number from 01
// every calendar year), or to the plan's year while it has none.
TEST(PlanChecks, TheYearANumberBelongsTo) {
  struct Case {
    int year;
    const char* issued_on;  // "" = not yet issued
    int expected;
  } cases[] = {
      {2024, "2024-01-10", 2024},
      {2025, "2024-12-20", 2024},  // next year's plan, issued in this year's numbering
      {2024, "", 2024},
      {2024, "2025-01-05", 2025},
  };
  for (const auto& k : cases) {
    SCOPED_TRACE(k.issued_on);
    Plan p;
    p.year = k.year;
    if (*k.issued_on) p.issued_on = parse_iso_date(k.issued_on);
    EXPECT_EQ(number_year(p), k.expected);
  }
}

}  // namespace
}  // namespace cchc::plans
