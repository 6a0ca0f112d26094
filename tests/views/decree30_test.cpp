// How letters name a unit and its head (views/decree30.h addressee_for), as
// a table over the kinds of units the directory holds: People's Committees
// of every level, departments and the other provincial bodies, divisions.
#include "views/decree30.h"

#include <gtest/gtest.h>

namespace cchc::views {
namespace {

TEST(Decree30, AddresseeAndHeadByKindOfUnit) {
  struct Case {
    const char* name;
    const char* level;
    const char* body;
    const char* head;
  } cases[] = {
      {"Phường Trảng Dài", "commune", "Ủy ban nhân dân phường Trảng Dài", "Chủ tịch Ủy ban nhân dân phường Trảng Dài"},
      {"Xã Phú Hữu", "commune", "Ủy ban nhân dân xã Phú Hữu", "Chủ tịch Ủy ban nhân dân xã Phú Hữu"},
      {"Thị trấn Vĩnh An", "commune", "Ủy ban nhân dân thị trấn Vĩnh An", "Chủ tịch Ủy ban nhân dân thị trấn Vĩnh An"},
      {"Đặc khu Côn Đảo", "commune", "Ủy ban nhân dân đặc khu Côn Đảo", "Chủ tịch Ủy ban nhân dân đặc khu Côn Đảo"},
      {"Huyện Nhơn Trạch", "district", "Ủy ban nhân dân huyện Nhơn Trạch", "Chủ tịch Ủy ban nhân dân huyện Nhơn Trạch"},
      {"Thành phố Biên Hòa", "district", "Ủy ban nhân dân thành phố Biên Hòa",
       "Chủ tịch Ủy ban nhân dân thành phố Biên Hòa"},
      {"Thị xã Long Khánh", "district", "Ủy ban nhân dân thị xã Long Khánh",
       "Chủ tịch Ủy ban nhân dân thị xã Long Khánh"},
      {"Tỉnh Đồng Nai", "province", "Ủy ban nhân dân tỉnh Đồng Nai", "Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai"},
      {"Ủy ban nhân dân xã Một", "commune", "Ủy ban nhân dân xã Một", "Chủ tịch Ủy ban nhân dân xã Một"},
      {"UBND xã Hai", "ward", "Ủy ban nhân dân xã Hai", "Chủ tịch Ủy ban nhân dân xã Hai"},
      {"Sở Nội vụ", "department", "Sở Nội vụ", "Giám đốc Sở Nội vụ"},
      {"Sở Văn hóa, Thể thao và Du lịch", "department", "Sở Văn hóa, Thể thao và Du lịch",
       "Giám đốc Sở Văn hóa, Thể thao và Du lịch"},
      {"Văn phòng Ủy ban nhân dân tỉnh", "department", "Văn phòng Ủy ban nhân dân tỉnh",
       "Chánh Văn phòng Ủy ban nhân dân tỉnh"},
      {"Thanh tra tỉnh", "department", "Thanh tra tỉnh", "Chánh Thanh tra tỉnh"},
      {"Ban Quản lý các Khu công nghiệp Đồng Nai", "department", "Ban Quản lý các Khu công nghiệp Đồng Nai",
       "Trưởng Ban Quản lý các Khu công nghiệp Đồng Nai"},
      {"Trung tâm Phục vụ hành chính công tỉnh", "department", "Trung tâm Phục vụ hành chính công tỉnh",
       "Giám đốc Trung tâm Phục vụ hành chính công tỉnh"},
      {"Phòng Nội vụ", "division", "Phòng Nội vụ", "Trưởng phòng Nội vụ"},
      {"Chi cục Văn thư - Lưu trữ", "division", "Chi cục Văn thư - Lưu trữ",
       "Chi cục trưởng Chi cục Văn thư - Lưu trữ"},
      {"Bộ phận Một cửa", "division", "Bộ phận Một cửa", "Trưởng Bộ phận Một cửa"},
      {"Hội Liên hiệp Phụ nữ tỉnh", "department", "Hội Liên hiệp Phụ nữ tỉnh", "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh"},
      {"Kho bạc Nhà nước Đồng Nai", "department", "Kho bạc Nhà nước Đồng Nai", "Giám đốc Kho bạc Nhà nước Đồng Nai"},
      {"Đơn vị thử nghiệm", "department", "Đơn vị thử nghiệm", "Thủ trưởng Đơn vị thử nghiệm"},
      {"", "commune", "", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.name) + " / " + c.level);
    auto a = addressee_for(c.name, c.level);
    EXPECT_EQ(a.body, c.body);
    EXPECT_EQ(a.head, c.head);
  }
}

TEST(Decree30, TheRecipientLine) {
  auto p = decree30_to(addressee_for("Phường Trảng Dài", "commune"));
  ASSERT_EQ(p.runs.size(), 1u);
  EXPECT_EQ(p.runs[0].text, "Kính gửi: Ủy ban nhân dân phường Trảng Dài.");
  EXPECT_EQ(p.align, docx::Paragraph::Align::center);
}

TEST(Decree30, TheIssuingBodyByLevel) {
  struct Case {
    const char *code, *name, *level, *parent_body;
    const char *parent, *body, *symbol;
  } cases[] = {
      {"DNI", "Tỉnh Đồng Nai", "province", "", "", "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI", "BC-UBND"},
      {"P-TD", "Phường Trảng Dài", "commune", "", "", "ỦY BAN NHÂN DÂN PHƯỜNG TRẢNG DÀI", "BC-UBND"},
      {"SNV", "Sở Nội vụ", "department", "", "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI", "SỞ NỘI VỤ", "BC-SNV"},
      // A division writes under its parent's body, with its own symbol.
      {"VP-HCTC", "Phòng Hành chính – Tổ chức", "division", "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH",
       "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH", "PHÒNG HÀNH CHÍNH – TỔ CHỨC", "BC-VP-HCTC"},
      {"X-VH", "Phòng Văn hóa – Xã hội", "division", "ỦY BAN NHÂN DÂN XÃ AN PHƯỚC", "ỦY BAN NHÂN DÂN XÃ AN PHƯỚC",
       "PHÒNG VĂN HÓA – XÃ HỘI", "BC-X-VH"},
      // A division whose parent is unknown: under the province's committee.
      {"D", "Phòng D", "division", "", "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI", "PHÒNG D", "BC-D"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.code);
    auto i = issuer_for(c.code, c.name, c.level, "Tỉnh Đồng Nai", "BC", c.parent_body);
    EXPECT_EQ(i.parent, c.parent);
    EXPECT_EQ(i.body, c.body);
    EXPECT_EQ(i.symbol, c.symbol);
    EXPECT_EQ(i.place, "Đồng Nai");
  }
}

}  // namespace
}  // namespace cchc::views
