#include "portal/review.h"

#include <fmt/format.h>

#include "core/lines.h"
#include "core/text.h"
#include "views/docx.h"

namespace cchc::portal {

namespace {

std::string name_of(const std::map<std::string, std::string>& names, const std::string& code) {
  auto it = names.find(code);
  return it == names.end() ? code : it->second;
}

std::optional<double> share(int part, int whole) {
  return whole == 0 ? std::nullopt : std::optional(double(part) / double(whole));
}

std::string days_vi(const std::optional<double>& d) { return d ? text::format_decimal(*d, 1) : "—"; }

std::vector<views::Cell> row_of(const std::string& label, const ReviewRow& r) {
  using views::Cell;
  return {Cell::of(label),
          Cell::integer(r.submitted),
          Cell::integer(r.published),
          Cell::integer(r.returned),
          Cell::percent(share(r.published, r.submitted)),
          Cell::decimal(r.median_days, 1),
          Cell::integer(r.documents),
          Cell::integer(r.views)};
}

}  // namespace

views::Table review_table(const Review& r, const std::map<std::string, std::string>& unit_names,
                          const std::string& period_vi) {
  views::Table t;
  t.id = "so-ket-cong-thong-tin";
  t.caption = "Kết quả cung cấp thông tin cho Trang thông tin cải cách hành chính, " + period_vi;
  t.columns = {{"Đơn vị", "", false},         {"Tin bài gửi", "", true},
               {"Được đăng", "", true},       {"Bị trả lại", "", true},
               {"Tỷ lệ được đăng", "", true}, {"Số ngày từ gửi đến đăng (trung vị)", "", true},
               {"Văn bản đăng", "", true},    {"Lượt xem", "", true}};
  for (const auto& u : r.units) t.rows.push_back(row_of(name_of(unit_names, u.unit_code), u));
  t.rows.push_back(row_of("Toàn tỉnh", r.total));
  return t;
}

std::string review_docx(const Review& r, const std::map<std::string, std::string>& unit_names,
                        const std::string& period_vi, const views::Issuer& issuer, const ReviewAccounts& accounts) {
  using namespace views::docx;
  using A = Paragraph::Align;
  views::docx::Document d;
  d.add(views::decree30_header(issuer, "", ""));
  d.add(para("BÁO CÁO", A::center, true));
  d.add(para("Sơ kết hoạt động Trang thông tin điện tử cải cách hành chính " + period_vi, A::center, true));
  d.add(para("I. KẾT QUẢ CUNG CẤP, ĐĂNG TẢI THÔNG TIN", A::left, true));
  auto indent = [](Paragraph p) {
    p.indent_first_cm10 = 10;
    return p;
  };
  auto pct = share(r.total.published, r.total.submitted);
  d.add(indent(para(fmt::format(
      "Trong kỳ, các cơ quan, đơn vị đã gửi {} tin bài, trong đó {} tin bài được đăng ({}), {} tin bài bị trả lại "
      "để bổ sung, chỉnh sửa; thời gian trung vị từ khi gửi đến khi đăng là {} ngày; {} văn bản được đăng tải; "
      "các tin bài có {} lượt xem.",
      text::format_int(r.total.submitted), text::format_int(r.total.published),
      pct ? text::format_percent(*pct * 100.0) : "—", text::format_int(r.total.returned), days_vi(r.total.median_days),
      text::format_int(r.total.documents), text::format_int(r.total.views)))));
  views::docx::Table t;
  t.borders = true;
  auto cell = [](std::string s, int width, bool bold = false, A align = A::center) {
    Paragraph p = para(std::move(s), align, bold, false, 11);
    p.space_after_pt = 0;
    return views::docx::Cell{width, {p}};
  };
  static const int kWidths[] = {28, 10, 10, 10, 10, 12, 10, 10};
  static const char* kHeads[] = {"Đơn vị",          "Tin bài gửi",          "Được đăng",    "Bị trả lại",
                                 "Tỷ lệ được đăng", "Số ngày gửi đến đăng", "Văn bản đăng", "Lượt xem"};
  std::vector<views::docx::Cell> head;
  for (int i = 0; i < 8; ++i) head.push_back(cell(kHeads[i], kWidths[i], true));
  t.rows.push_back(head);
  auto row = [&](const std::string& label, const ReviewRow& u, bool bold) {
    auto p = share(u.published, u.submitted);
    t.rows.push_back(
        {cell(label, kWidths[0], bold, A::left), cell(text::format_int(u.submitted), kWidths[1], bold),
         cell(text::format_int(u.published), kWidths[2], bold), cell(text::format_int(u.returned), kWidths[3], bold),
         cell(p ? text::format_percent(*p * 100.0) : "—", kWidths[4], bold),
         cell(days_vi(u.median_days), kWidths[5], bold), cell(text::format_int(u.documents), kWidths[6], bold),
         cell(text::format_int(u.views), kWidths[7], bold)});
  };
  for (const auto& u : r.units) row(name_of(unit_names, u.unit_code), u, false);
  row("Toàn tỉnh", r.total, true);
  d.add(t);

  d.add(para("II. KẾT QUẢ CỦA TỪNG CƠ QUAN, ĐƠN VỊ", A::left, true));
  int n = 0;
  for (const auto& u : r.units) {
    d.add(para(fmt::format("{}. {}", ++n, name_of(unit_names, u.unit_code)), A::left, true));
    d.add(indent(
        para(fmt::format("Gửi {} tin bài, được đăng {}, bị trả lại {}; đăng {} văn bản; {} lượt xem.",
                         text::format_int(u.submitted), text::format_int(u.published), text::format_int(u.returned),
                         text::format_int(u.documents), text::format_int(u.views)))));
    auto account = accounts.by_unit.find(u.unit_code);
    if (account == accounts.by_unit.end()) {
      d.add(
          indent(para("Đánh giá của đơn vị (việc sử dụng Trang thông tin, báo cáo, kế hoạch đã đăng tải): "
                      "…………………………………………………………………………………………",
                      A::both, false, true)));
      continue;
    }
    // The unit's own account, as it sent it, under each heading it wrote.
    if (account->second.pending) d.add(indent(para("(Báo cáo của đơn vị, chưa duyệt)", A::left, false, true)));
    for (const auto& [heading, body] : account->second.sections) {
      if (text::trim(body).empty()) continue;
      d.add(indent(para(heading + ":", A::left, false, true)));
      for (const auto& line : text::nonempty_lines(body)) d.add(indent(para(std::string(text::trim(line)), A::both)));
    }
  }
  d.add(para("III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", A::left, true));
  d.add(indent(para("…………………………………………………………………………………………", A::both)));
  d.add(para("IV. ĐỀ XUẤT, KIẾN NGHỊ", A::left, true));
  d.add(indent(para("…………………………………………………………………………………………", A::both)));
  d.add(views::decree30_footer({"- ……………;", "- Lưu: VT."}));
  return write(d);
}

}  // namespace cchc::portal
