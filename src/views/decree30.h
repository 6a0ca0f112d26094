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
Issuer issuer_for(const std::string& unit_code, const std::string& unit_name, const std::string& level,
                  const std::string& province_name, const std::string& type);

docx::Table decree30_header(const Issuer& issuer, const std::string& number, const std::string& date,
                            const std::string& subject = {});
docx::Table decree30_footer(const std::vector<std::string>& recipients);

}  // namespace cchc::views
