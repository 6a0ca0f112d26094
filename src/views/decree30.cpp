#include "views/decree30.h"

#include "core/text.h"

namespace cchc::views {

Issuer issuer_for(const std::string& unit_code, const std::string& unit_name, const std::string& level,
                  const std::string& province_name, const std::string& type, const std::string& parent_body) {
  Issuer out;
  out.place = province_name.rfind("Tỉnh ", 0) == 0 ? province_name.substr(std::string("Tỉnh ").size()) : province_name;
  if (unit_code.empty() || level == "province" || level == "district" || level == "commune") {
    out.body = "ỦY BAN NHÂN DÂN " + text::upper(unit_code.empty() ? province_name : unit_name);
    out.symbol = type + "-UBND";
  } else {
    out.parent = province_name.empty() ? "" : "ỦY BAN NHÂN DÂN " + text::upper(province_name);
    if (level == "division" && !parent_body.empty()) out.parent = parent_body;
    out.body = text::upper(unit_name);
    out.symbol = type + "-" + unit_code;
  }
  return out;
}

Addressee addressee_for(const std::string& unit_name, const std::string& level) {
  std::string name(text::trim(unit_name));
  if (name.empty()) return {};
  static const std::string kCommittee = "Ủy ban nhân dân ";
  auto starts = [&](const std::string& prefix) { return name.rfind(prefix, 0) == 0; };
  if (starts("UBND ")) name = kCommittee + name.substr(5);
  if (starts(kCommittee) || level == "province" || level == "district" || level == "commune") {
    if (!starts(kCommittee)) {
      // The kind of area in lower case after "Ủy ban nhân dân": longest first.
      static const std::pair<const char*, const char*> kAreas[] = {
          {"Thành phố ", "thành phố "}, {"Thị trấn ", "thị trấn "}, {"Đặc khu ", "đặc khu "},
          {"Thị xã ", "thị xã "},       {"Phường ", "phường "},     {"Huyện ", "huyện "},
          {"Quận ", "quận "},           {"Tỉnh ", "tỉnh "},         {"Xã ", "xã "},
      };
      for (const auto& [upper, lower] : kAreas) {
        if (starts(upper)) {
          name = lower + name.substr(std::string(upper).size());
          break;
        }
      }
      name = kCommittee + name;
    }
    return {name, "Chủ tịch " + name};
  }
  // The head's title by the kind of body its name begins with.
  static const std::pair<const char*, const char*> kHeads[] = {
      {"Sở ", "Giám đốc "},
      {"Trung tâm ", "Giám đốc "},
      {"Đài ", "Giám đốc "},
      {"Bệnh viện ", "Giám đốc "},
      {"Công an ", "Giám đốc "},
      {"Kho bạc ", "Giám đốc "},
      {"Bảo hiểm xã hội ", "Giám đốc "},
      {"Chi nhánh ", "Giám đốc "},
      {"Văn phòng ", "Chánh "},
      {"Thanh tra ", "Chánh "},
      {"Ban ", "Trưởng "},
      {"Bộ phận ", "Trưởng "},
      {"Bộ Chỉ huy ", "Chỉ huy trưởng "},
      {"Chi cục ", "Chi cục trưởng "},
      {"Cục ", "Cục trưởng "},
      {"Trường ", "Hiệu trưởng "},
      {"Hội ", "Chủ tịch "},
      {"Liên minh ", "Chủ tịch "},
  };
  for (const auto& [prefix, title] : kHeads) {
    if (starts(prefix)) return {name, title + name};
  }
  if (starts("Phòng ")) return {name, "Trưởng phòng " + name.substr(std::string("Phòng ").size())};
  return {name, "Thủ trưởng " + name};
}

docx::Paragraph decree30_to(const Addressee& to) {
  return docx::para("Kính gửi: " + to.body + ".", docx::Paragraph::Align::center);
}

docx::Table decree30_header(const Issuer& issuer, const std::string& number, const std::string& date,
                            const std::string& subject) {
  using namespace docx;
  using A = Paragraph::Align;
  // Decree 30/2020, appendix I: the issuing body, number and (for letters)
  // subject on the left; the national title and motto, place and date on the right.
  Table top;
  Cell left{40, {}}, right{60, {}};
  if (!issuer.parent.empty()) left.paragraphs.push_back(para(issuer.parent, A::center, false, false, 13));
  Paragraph body_name = para(issuer.body, A::center, true, false, 13);
  body_name.runs[0].underline = true;
  left.paragraphs.push_back(body_name);
  left.paragraphs.push_back(para(number, A::center, false, false, 13));
  if (!subject.empty()) left.paragraphs.push_back(para(subject, A::center, false, false, 12));
  right.paragraphs.push_back(para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", A::center, true, false, 13));
  Paragraph motto = para("Độc lập - Tự do - Hạnh phúc", A::center, true);
  motto.runs[0].underline = true;
  right.paragraphs.push_back(motto);
  right.paragraphs.push_back(para(date, A::center, false, true));
  top.rows.push_back({left, right});
  return top;
}

docx::Table decree30_footer(const std::vector<std::string>& recipients) {
  using namespace docx;
  using A = Paragraph::Align;
  Table bottom;
  Cell to_cell{50, {}}, sign{50, {}};
  Paragraph to = para("Nơi nhận:", A::left, true, true, 12);
  to.space_after_pt = 0;
  to_cell.paragraphs.push_back(to);
  for (const auto& line : recipients) {
    Paragraph p = para(line, A::left, false, false, 11);
    p.space_after_pt = 0;
    to_cell.paragraphs.push_back(p);
  }
  sign.paragraphs.push_back(para("(Chức vụ người ký)", A::center, true));
  sign.paragraphs.push_back(para("(Ký, ghi rõ họ tên)", A::center, false, true));
  bottom.rows.push_back({to_cell, sign});
  return bottom;
}

}  // namespace cchc::views
