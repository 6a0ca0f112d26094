#pragma once
// The portal review (sơ kết) as the province files it: the figures per unit
// as a table (page and XLSX) and a Word draft of the consolidated report in
// the Decree 30 layout, with room for each unit's own account.
#include <map>
#include <string>

#include "portal/store.h"
#include "views/decree30.h"
#include "views/table.h"

namespace cchc::portal {

// Columns: Đơn vị, Tin bài gửi, Được đăng, Bị trả lại, Tỷ lệ được đăng,
// Số ngày từ gửi đến đăng (trung vị), Văn bản đăng, Lượt xem; the province
// total last.
views::Table review_table(const Review& r, const std::map<std::string, std::string>& unit_names,
                          const std::string& period_vi);

// The draft report: Decree 30 header of `issuer`, title, I. figures (the
// table), II. each unit's paragraph with its figures and a line to write
// its account on, III. shortcomings, IV. proposals (to write), footer.
std::string review_docx(const Review& r, const std::map<std::string, std::string>& unit_names,
                        const std::string& period_vi, const views::Issuer& issuer);

}  // namespace cchc::portal
