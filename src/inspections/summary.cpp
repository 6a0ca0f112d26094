#include "inspections/summary.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"
#include "directory/read.h"
#include "inspections/rules.h"
#include "inspections/store.h"
#include "views/docx.h"

namespace cchc::inspections {

using namespace std::chrono;

namespace {

views::Cell pct(int part, int whole) {
  auto s = share(part, whole);
  return views::Cell::percent(s ? std::optional(*s / 100.0) : std::nullopt);
}

std::string dated(const views::Issuer& issuer, Date d) {
  return fmt::format("{}, ngày {:02} tháng {:02} năm {}", issuer.place, unsigned(d.day()), unsigned(d.month()),
                     int(d.year()));
}

views::docx::Paragraph body(std::string text) {
  auto p = views::docx::para(std::move(text));
  p.indent_first_cm10 = 10;
  return p;
}

}  // namespace

views::Table figures_table(const Figures& f, db::Database& db) {
  std::map<std::string, std::string> level_names;
  for (const auto& l : directory::load_levels(db)) level_names[l.code] = l.name;
  views::Table t{"don-vi-duoc-kiem-tra",
                 fmt::format("Đơn vị được kiểm tra năm {}", f.year),
                 {{"Cấp"}, {"Số đơn vị", "", true}, {"Đã kiểm tra", "", true}, {"Tỷ lệ", "", true}},
                 {}};
  for (const auto& l : f.levels) {
    t.rows.push_back({views::Cell::of(level_names.count(l.level) ? level_names[l.level] : l.level),
                      views::Cell::integer(l.units), views::Cell::integer(l.inspected), pct(l.inspected, l.units)});
  }
  t.rows.push_back({views::Cell::of("Tổng cộng"), views::Cell::integer(f.units), views::Cell::integer(f.inspected),
                    pct(f.inspected, f.units)});
  return t;
}

views::Table recommendations_table(const Figures& f) {
  views::Table t{"ket-qua-khac-phuc",
                 fmt::format("Kiến nghị sau kiểm tra năm {} và kết quả khắc phục", f.year),
                 {{"Chỉ tiêu"}, {"Số kiến nghị", "", true}, {"Tỷ lệ trên tổng số kiến nghị", "", true}},
                 {}};
  auto row = [&](const char* label, int n, bool share_of_all) {
    t.rows.push_back({views::Cell::of(label), views::Cell::integer(n),
                      share_of_all ? pct(n, f.recommendations) : views::Cell::of("—")});
  };
  row("Tổng số kiến nghị", f.recommendations, false);
  row("Đã khắc phục", f.fixed, true);
  row("Khắc phục đúng hạn", f.fixed_on_time, true);
  row("Chưa khắc phục", f.open, true);
  row("Quá hạn chưa khắc phục", f.overdue, true);
  t.blank_note = "Ô để trống: không áp dụng (dòng tổng số) hoặc chưa có kiến nghị.";
  return t;
}

views::Table open_recommendations_table(db::Database& db, int year, Date day) {
  std::vector<Recommendation> recs;
  std::map<std::string, std::string> names;
  db.read([&](db::Connection& c) {
    recs = recommendations(c, year);
    names = directory::unit_names(c);
  });
  std::erase_if(recs, [](const auto& r) { return r.finding.state == FixState::fixed; });
  std::stable_sort(recs.begin(), recs.end(),
                   [&](const auto& a, const auto& b) { return overdue(a.finding, day) > overdue(b.finding, day); });
  views::Table t{"kien-nghi-chua-khac-phuc",
                 fmt::format("Kiến nghị năm {} chưa khắc phục", year),
                 {{"Đơn vị khắc phục"}, {"Kiến nghị"}, {"Hạn"}, {"Trạng thái"}},
                 {}};
  for (const auto& r : recs) {
    bool late = overdue(r.finding, day);
    auto status = views::Cell::of(late ? label_vi(r.finding.state) + " — quá hạn" : label_vi(r.finding.state));
    if (late) status.css = "missed";
    t.rows.push_back({views::Cell::of(names[r.finding.responsible_unit]), views::Cell::of(r.finding.recommendation),
                      views::Cell::of(r.finding.due ? format_date_vi(*r.finding.due) : "—"), status});
  }
  return t;
}

std::string announcement_docx(const views::Issuer& issuer, const views::Addressee& to, const Plan& plan, Date day,
                              Date sent_on, const std::vector<std::string>& areas,
                              const std::vector<std::pair<std::string, std::string>>& team) {
  using namespace views::docx;
  using A = Paragraph::Align;
  Document d;
  std::string symbol = issuer.symbol.substr(issuer.symbol.find('-') + 1);
  d.add(views::decree30_header(issuer, "Số:        /TB-" + symbol, dated(issuer, sent_on)));
  d.add(para("THÔNG BÁO", A::center, true));
  d.add(para("Kiểm tra công tác cải cách hành chính năm " + std::to_string(plan.year), A::center, true));
  d.add(
      body(fmt::format("Thực hiện Kế hoạch số {} ({}), Đoàn kiểm tra thông báo lịch kiểm tra công tác cải cách "
                       "hành chính tại {} như sau:",
                       plan.number, plan.title, to.body)));
  d.add(body(fmt::format("1. Thời gian kiểm tra: ngày {}.", format_date_vi(day))));
  d.add(body("2. Nội dung kiểm tra:"));
  if (areas.empty()) d.add(body("- Các nội dung cải cách hành chính theo Kế hoạch."));
  for (const auto& a : areas) d.add(body("- " + text::end_sentence(a)));
  if (!plan.content.empty()) d.add(body(text::end_sentence(plan.content)));
  d.add(body("3. Thành phần Đoàn kiểm tra:"));
  for (const auto& [who, role] : team) d.add(body(text::end_sentence(fmt::format("- {}: {}", role, who))));
  d.add(
      body(fmt::format("Đề nghị {} chỉ đạo chuẩn bị báo cáo kết quả thực hiện công tác cải cách hành chính, hồ sơ, "
                       "tài liệu liên quan và bố trí thành phần làm việc với Đoàn kiểm tra.",
                       to.head)));
  // A notice has no "Kính gửi:" line: its recipients are named here.
  d.add(views::decree30_footer({"- " + to.body + ";", "- Thành viên Đoàn kiểm tra;", "- Lưu: VT."}));
  return write(d);
}

std::string summary_report_docx(db::Database& db, int year, Date day, const views::Issuer& issuer) {
  using namespace views::docx;
  using A = Paragraph::Align;
  auto f = year_figures(db, year, day);
  std::vector<Plan> plans;
  std::vector<std::pair<Inspection, int>> visits;  // with their recommendations
  std::map<std::string, std::string> names;
  std::map<std::string, std::string> level_names;
  for (const auto& l : directory::load_levels(db)) level_names[l.code] = l.name;
  db.read([&](db::Connection& c) {
    plans = list_plans(c, year);
    names = directory::unit_names(c);
    for (const auto& p : plans) {
      for (const auto& v : visits_of(c, p.id)) {
        if (v.state != VisitState::done) continue;
        auto findings = findings_of(c, v.id);
        visits.emplace_back(
            v, int(std::count_if(findings.begin(), findings.end(), [](const auto& x) { return x.shortcoming; })));
      }
    }
  });
  Document d;
  std::string symbol = issuer.symbol.substr(issuer.symbol.find('-') + 1);
  d.add(views::decree30_header(issuer, "Số:        /BC-" + symbol, dated(issuer, day)));
  d.add(para("BÁO CÁO", A::center, true));
  d.add(para("Kết quả kiểm tra công tác cải cách hành chính năm " + std::to_string(year), A::center, true));
  d.add(para("I. KẾT QUẢ KIỂM TRA", A::both, true));
  std::string numbers;
  for (const auto& p : plans) numbers += (numbers.empty() ? "" : ", ") + p.number;
  d.add(body(fmt::format("Thực hiện {}, năm {} đã kiểm tra {}/{} cơ quan, đơn vị ({}).",
                         numbers.empty() ? "kế hoạch kiểm tra" : "Kế hoạch số " + numbers, year,
                         text::format_int(f.inspected), text::format_int(f.units),
                         share(f.inspected, f.units) ? text::format_percent(*share(f.inspected, f.units)) : "—")));
  for (const auto& l : f.levels) {
    d.add(body(fmt::format("- {}: {}/{} đơn vị ({}).", level_names.count(l.level) ? level_names[l.level] : l.level,
                           text::format_int(l.inspected), text::format_int(l.units),
                           share(l.inspected, l.units) ? text::format_percent(*share(l.inspected, l.units)) : "—")));
  }
  if (!visits.empty()) {
    Table t;
    t.borders = true;
    auto cell = [](std::string s, int w) { return Cell{w, {para(std::move(s), Paragraph::Align::left)}}; };
    t.rows.push_back(
        {cell("STT", 8), cell("Đơn vị được kiểm tra", 52), cell("Ngày kiểm tra", 20), cell("Số kiến nghị", 20)});
    int n = 0;
    for (const auto& [v, recs] : visits) {
      t.rows.push_back({cell(std::to_string(++n), 8), cell(names[v.unit_code], 52),
                        cell(v.held_on ? format_date_vi(*v.held_on) : "—", 20), cell(text::format_int(recs), 20)});
    }
    d.add(t);
  }
  d.add(para("II. KẾT QUẢ KHẮC PHỤC KIẾN NGHỊ SAU KIỂM TRA", A::both, true));
  auto of_all = [&](int n) {
    return share(n, f.recommendations) ? text::format_percent(*share(n, f.recommendations)) : "—";
  };
  d.add(
      body(fmt::format("Tổng số kiến nghị: {}; đã khắc phục {} ({}), trong đó đúng hạn {} ({}); chưa khắc phục {}, "
                       "trong đó quá hạn {}.",
                       text::format_int(f.recommendations), text::format_int(f.fixed), of_all(f.fixed),
                       text::format_int(f.fixed_on_time), of_all(f.fixed_on_time), text::format_int(f.open),
                       text::format_int(f.overdue))));
  auto open = open_recommendations_table(db, year, day);
  if (!open.rows.empty()) {
    d.add(para("III. CÁC KIẾN NGHỊ CHƯA KHẮC PHỤC", A::both, true));
    for (const auto& row : open.rows) {
      d.add(body(fmt::format("- {}: {} (hạn {}; {}).", row[0].text, row[1].text, row[2].text, row[3].text)));
    }
  }
  d.add(views::decree30_footer({"- Lưu: VT."}));
  return write(d);
}

}  // namespace cchc::inspections
