#pragma once
// The blocks of Decree 30/2020/NĐ-CP (appendix I) every Word draft shares:
// the header table (issuing body, number, and a letter's "V/v …" subject on
// the left; national title, motto, place and date on the right) and the
// footer (recipients, and the signature left to fill).
#include <string>
#include <vector>

#include "views/docx.h"

namespace cchc::views {

struct Issuer {
  std::string parent;  // "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI", or "" for the province itself
  std::string body;    // "SỞ NỘI VỤ" / "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI"
  std::string symbol;  // the number's symbol part: "BC-UBND", "BC-SNV"
  std::string place;   // "Đồng Nai"
};

// The issuing body's lines as Decree 30 writes them for a document of
// `type` ("BC", "QĐ"): a People's Committee (a unit of level province,
// district or commune) on one line, symbol "<type>-UBND"; any other unit
// under the province's committee, symbol "<type>-<unit code>". An empty
// unit code: the province's committee. The place is the province's name
// without "Tỉnh ".
// A division (level "division") stands under its parent's body line
// (`parent_body`, e.g. "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH"), not the province's.
Issuer issuer_for(const std::string& unit_code, const std::string& unit_name, const std::string& level,
                  const std::string& province_name, const std::string& type, const std::string& parent_body = "");

// How a letter names a unit and its head, from the unit's name and level:
//   body  the "Kính gửi:" line and "Nơi nhận:" entry: a People's Committee
//         (a unit of level province, district or commune, or one named
//         "Ủy ban nhân dân …"/"UBND …") as "Ủy ban nhân dân " + its name with
//         the kind of area in lower case ("Phường Trảng Dài" → "Ủy ban nhân
//         dân phường Trảng Dài", "Tỉnh Đồng Nai" → "Ủy ban nhân dân tỉnh Đồng
//         Nai"); any other unit by its own name ("Sở Nội vụ").
//   head  the title of the person who answers for it: "Chủ tịch " + a
//         committee's body; otherwise by the first words of the name:
//         "Sở …", "Trung tâm …", "Đài …", "Bệnh viện …", "Công an …",
//         "Kho bạc …", "Bảo hiểm xã hội …", "Chi nhánh …" → "Giám đốc …";
//         "Văn phòng …", "Thanh tra …" → "Chánh …"; "Ban …", "Bộ phận …" →
//         "Trưởng …"; "Phòng Nội vụ" → "Trưởng phòng Nội vụ"; "Bộ Chỉ huy …"
//         → "Chỉ huy trưởng …"; "Chi cục …" → "Chi cục trưởng …"; "Cục …" →
//         "Cục trưởng …"; "Trường …" → "Hiệu trưởng …"; "Hội …", "Liên
//         minh …" → "Chủ tịch …"; anything else "Thủ trưởng …" (the head of
//         an agency, as letters say when no title fits).
struct Addressee {
  std::string body;  // "Ủy ban nhân dân phường Trảng Dài", "Sở Nội vụ"
  std::string head;  // "Chủ tịch Ủy ban nhân dân phường Trảng Dài", "Giám đốc Sở Nội vụ"
};
Addressee addressee_for(const std::string& unit_name, const std::string& level);
// "Kính gửi: <body>." centred under the header, as Decree 30 writes a
// letter's recipient. A document whose recipients end "- Như trên;" must
// have it; a document without one (a report, a notice) names its
// recipients in "Nơi nhận:" instead.
docx::Paragraph decree30_to(const Addressee& to);

docx::Table decree30_header(const Issuer& issuer, const std::string& number, const std::string& date,
                            const std::string& subject = {});
docx::Table decree30_footer(const std::vector<std::string>& recipients);

}  // namespace cchc::views
