#include "indicators/tables.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/text.h"
#include "indicators/rules.h"

namespace cchc::indicators {

using views::Cell;
using views::Column;

namespace {

Column num(std::string label, std::string sort_href = {}) {
  return Column{std::move(label), std::move(sort_href), true};
}
Column txt(std::string label) { return Column{std::move(label), {}, false}; }

const char* verdict_css(Verdict v) {
  switch (v) {
    case Verdict::met: return "met";
    case Verdict::close: return "close";
    case Verdict::missed: return "missed";
    case Verdict::no_data: return "nodata";
  }
  return "nodata";
}

// A rate against a target: "96,5 % · Đạt", coloured, the text saying it too.
Cell judged(const Rate& r, std::optional<double> target) {
  Cell c = Cell::percent(r.value());
  if (!target) return c;
  auto v = judge(r.value(), *target);
  c.css = verdict_css(v);
  c.text += " · " + std::string(label_vi(v));
  return c;
}

std::string month_label(const std::string& month) {  // "2024-03" → "03/2024"
  return month.size() == 7 ? month.substr(5, 2) + "/" + month.substr(0, 4) : month;
}

}  // namespace

const char* channel_label_vi(std::string_view channel) {
  if (channel == "online") return "Trực tuyến";
  if (channel == "direct") return "Trực tiếp";
  if (channel == "postal") return "Bưu chính công ích";
  return "Khác";
}

views::Table indicators_table(const Indicators& in, const std::string& level, int year,
                              const std::vector<Target>& targets) {
  views::Table t{
      "chi-so", "Các chỉ số của kỳ", {txt("Chỉ số"), num("Giá trị"), num("Tử số"), num("Mẫu số"), num("Chỉ tiêu")}, {}};
  t.rows.push_back({Cell::of("Hồ sơ tiếp nhận"), Cell::integer(in.received), Cell::of(""), Cell::of(""), Cell::of("")});
  t.rows.push_back(
      {Cell::of("Hồ sơ đã giải quyết"), Cell::integer(in.finished), Cell::of(""), Cell::of(""), Cell::of("")});
  t.rows.push_back({Cell::of("Hồ sơ quá hạn chưa giải quyết (cuối kỳ)"), Cell::integer(in.overdue_open), Cell::of(""),
                    Cell::of(""), Cell::of("")});
  for (const auto& r : rate_indicators()) {
    const Rate& rate = in.*(r.rate);
    auto target = target_for(targets, r.code, level, year);
    t.rows.push_back({Cell::of(r.name_vi), judged(rate, target), Cell::integer(rate.numerator),
                      Cell::integer(rate.denominator), target ? Cell::percent(*target) : Cell::of("—")});
  }
  t.rows.push_back({Cell::of("Phản ánh, kiến nghị tiếp nhận"), Cell::integer(in.feedback_received), Cell::of(""),
                    Cell::of(""), Cell::of("")});
  t.rows.push_back({Cell::of("Phản ánh, kiến nghị đã xử lý"), Cell::integer(in.feedback_answered), Cell::of(""),
                    Cell::of(""), Cell::of("")});
  t.blank_note =
      "Ô để trống: ở cột Giá trị là chưa có dữ liệu trong kỳ (mẫu số bằng 0), ở cột Chỉ tiêu là chưa "
      "đặt chỉ tiêu.";
  return t;
}

const std::vector<std::string>& overview_rates() {
  static const std::vector<std::string> rates = {"online_rate",         "on_time_rate",      "digitized_rate",
                                                 "online_payment_rate", "satisfaction_rate", "feedback_on_time_rate"};
  return rates;
}

views::Table overview_table(const std::vector<UnitFigures>& units, int year, const std::vector<Target>& targets,
                            const std::string& sort, const std::function<std::string(const std::string&)>& sort_href) {
  views::Table t{"tong-quan",
                 "Các đơn vị so với chỉ tiêu",
                 {Column{"Đơn vị", sort_href(""), false}, num("Hồ sơ tiếp nhận", sort_href("received"))},
                 {}};
  for (const auto& code : overview_rates()) {
    const auto& r = rate_indicator(code);
    std::string label = r.name_vi;
    if (sort == code) label += " (đang sắp xếp)";
    t.columns.push_back(num(label, sort_href(code)));
  }
  std::vector<const UnitFigures*> order;
  for (const auto& u : units) order.push_back(&u);
  auto value = [&](const UnitFigures* u) -> std::optional<double> {
    if (sort == "received") return double(u->values.received);
    return (u->values.*(rate_indicator(sort).rate)).value();
  };
  if (sort.empty()) {
    std::stable_sort(order.begin(), order.end(),
                     [](auto* a, auto* b) { return text::collate_less(a->unit.name, b->unit.name); });
  } else {
    std::stable_sort(order.begin(), order.end(), [&](auto* a, auto* b) {
      auto va = value(a), vb = value(b);
      if (va.has_value() != vb.has_value()) return va.has_value();
      return va && *va > *vb;
    });
  }
  for (const auto* u : order) {
    Cell name = Cell::of(u->unit.name);
    name.href = "/chi-so/don-vi/" + u->unit.code;
    std::vector<Cell> row = {name, Cell::integer(u->values.received)};
    for (const auto& code : overview_rates()) {
      row.push_back(judged(u->values.*(rate_indicator(code).rate), target_for(targets, code, u->unit.level, year)));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

views::Table trend_table(const std::vector<MonthFigures>& months) {
  views::Table t{"theo-thang",
                 "Diễn biến theo tháng",
                 {txt("Tháng"), num("Hồ sơ tiếp nhận"), num("Tỷ lệ trực tuyến"), num("Tỷ lệ đúng hạn"),
                  num("Tỷ lệ số hóa"), num("Quá hạn chưa giải quyết (cuối tháng)")},
                 {}};
  for (const auto& m : months) {
    t.rows.push_back({Cell::of(month_label(m.month)), Cell::integer(m.values.received),
                      Cell::percent(m.values.online_rate.value()), Cell::percent(m.values.on_time_rate.value()),
                      Cell::percent(m.values.digitized_rate.value()), Cell::integer(m.values.overdue_open)});
  }
  return t;
}

nlohmann::json trend_chart(const std::vector<MonthFigures>& months) {
  auto categories = nlohmann::json::array();
  nlohmann::json online = nlohmann::json::array(), on_time = nlohmann::json::array(),
                 digitized = nlohmann::json::array();
  auto v = [](const Rate& r) {
    auto x = r.value();
    return x ? nlohmann::json(*x) : nlohmann::json(nullptr);
  };
  for (const auto& m : months) {
    categories.push_back(month_label(m.month));
    online.push_back(v(m.values.online_rate));
    on_time.push_back(v(m.values.on_time_rate));
    digitized.push_back(v(m.values.digitized_rate));
  }
  return {{"type", "line"},
          {"percent", true},
          {"categories", categories},
          {"series",
           {{{"name", "Tỷ lệ trực tuyến"}, {"data", online}},
            {{"name", "Tỷ lệ đúng hạn"}, {"data", on_time}},
            {{"name", "Tỷ lệ số hóa"}, {"data", digitized}}}}};
}

views::Table breakdown_table(const std::vector<BreakdownRow>& rows, By by) {
  const bool channel = by == By::channel;
  views::Table t{channel ? "theo-kenh" : "theo-thu-tuc",
                 channel ? "Theo kênh tiếp nhận" : "Theo thủ tục hành chính",
                 {txt(channel ? "Kênh" : "Mã thủ tục"), num("Hồ sơ tiếp nhận"), num("Đã giải quyết"), num("Đúng hạn"),
                  num("Tỷ lệ đúng hạn")},
                 {}};
  for (const auto& r : rows) {
    t.rows.push_back({Cell::of(channel ? channel_label_vi(r.key) : r.key), Cell::integer(r.received),
                      Cell::integer(r.finished), Cell::integer(r.finished_on_time),
                      Cell::percent(Rate{r.finished_on_time, r.finished}.value())});
  }
  return t;
}

views::Table overdue_table(const std::vector<Dossier>& rows, Instant now) {
  views::Table t{"qua-han",
                 "Hồ sơ quá hạn đang xử lý",
                 {txt("Mã hồ sơ"), txt("Đơn vị"), txt("Mã thủ tục"), txt("Ngày tiếp nhận"), txt("Hạn giải quyết"),
                  num("Số ngày quá hạn"), txt("Trạng thái")},
                 {}};
  for (const auto& d : rows) {
    auto days = std::chrono::duration_cast<std::chrono::days>(now - d.due_at).count();
    t.rows.push_back({Cell::of(d.id), Cell::of(d.unit_code), Cell::of(d.procedure_code),
                      Cell::of(format_date_vi(local_date(d.received_at))), Cell::of(format_datetime_vi(d.due_at)),
                      Cell::integer(days), Cell::of(d.status == DossierStatus::paused ? "Tạm dừng" : "Đang xử lý")});
  }
  return t;
}

views::Table index766_groups_table(const Index766& s) {
  views::Table t{
      "nhom-766", "Điểm theo nhóm chỉ số", {txt("Nhóm"), num("Điểm"), num("Tối đa"), num("Điểm bị mất")}, {}};
  for (const auto& g : s.groups) {
    t.rows.push_back(
        {Cell::of(g.name_vi), Cell::decimal(g.points, 2), Cell::decimal(g.max, 2), Cell::decimal(g.max - g.points, 2)});
  }
  t.rows.push_back(
      {Cell::of("Tổng điểm"), Cell::decimal(s.total, 2), Cell::decimal(100.0, 2), Cell::decimal(100.0 - s.total, 2)});
  return t;
}

views::Table index766_indicators_table(const Index766& s) {
  views::Table t{"chi-so-766",
                 "Điểm theo chỉ số",
                 {txt("Chỉ số"), txt("Nhóm"), num("Tỷ lệ"), num("Tử số"), num("Mẫu số"), num("Điểm"), num("Tối đa"),
                  num("Điểm bị mất"), txt("Ghi chú")},
                 {}};
  for (const auto& g : s.groups) {
    for (const auto& i : g.indicators) {
      const char* note = i.status == ScoreStatus::manual_missing ? "Chưa nhập số liệu"
                         : i.status == ScoreStatus::no_data      ? "Không có dữ liệu trong kỳ"
                                                                 : "";
      Cell lost = Cell::decimal(i.lost(), 2);
      if (i.lost() > 1e-9) lost.css = "missed";
      t.rows.push_back({Cell::of(i.name_vi + " (" + i.code + ")"), Cell::of(g.name_vi), Cell::percent(i.rate.value()),
                        Cell::integer(i.rate.numerator), Cell::integer(i.rate.denominator), Cell::decimal(i.points, 2),
                        Cell::decimal(i.max, 2), lost, Cell::of(note)});
    }
  }
  return t;
}

views::Table ranking_table(const std::vector<RankingRow>& rows, bool ranked, bool percent) {
  views::Table t{ranked ? "xep-hang" : "chua-du-du-lieu",
                 ranked ? "Xếp hạng" : "Chưa đủ dữ liệu (không xếp hạng)",
                 {txt("Đơn vị"), num("Hạng"), num("Giá trị"), num("Số hồ sơ")},
                 {}};
  for (const auto& r : rows) {
    if (r.ranked.rank.has_value() != ranked) continue;
    Cell name = Cell::of(r.unit.name);
    name.href = "/chi-so/don-vi/" + r.unit.code;
    t.rows.push_back({name, r.ranked.rank ? Cell::integer(*r.ranked.rank) : Cell::of("Chưa đủ dữ liệu"),
                      percent ? Cell::percent(r.ranked.value) : Cell::decimal(r.ranked.value, 2),
                      Cell::integer(r.ranked.sample)});
  }
  t.blank_note = "Ô để trống: ở cột Hạng là chưa đủ dữ liệu để xếp hạng, ở cột Giá trị là chưa có dữ liệu.";
  return t;
}

}  // namespace cchc::indicators
