#pragma once
// The portal review (sơ kết) as the province files it: the figures per unit
// as a table (page and XLSX) and a Word draft of the consolidated report in
// the Decree 30 layout, with room for each unit's own account.
#include <map>
#include <string>
#include <utility>

#include "portal/store.h"
#include "views/decree30.h"
#include "views/table.h"

namespace cchc::portal {

// Columns: Đơn vị, Tin bài gửi, Được đăng, Bị trả lại, Tỷ lệ được đăng,
// Số ngày từ gửi đến đăng (trung vị), Văn bản đăng, Lượt xem; the province
// total last.
views::Table review_table(const Review& r, const std::map<std::string, std::string>& unit_names,
                          const std::string& period_vi);

// A unit's account in the review request the report draws on (a request
// of kind "review", coordination/requests.h): its text under each of the
// request's headings.
struct UnitAccount {
  std::vector<std::pair<std::string, std::string>> sections;  // heading, text
  bool pending = false;                                       // sent, not yet accepted by the coordinator
};
// The accounts of one review request, by unit code; a unit that sent none
// (or whose answer was returned) is absent.
struct ReviewAccounts {
  std::string request_title;  // "" when no request is drawn on
  std::map<std::string, UnitAccount> by_unit;
};

// The draft report: Decree 30 header of `issuer`, title, I. figures (the
// table), II. each unit's paragraph with its figures, then its account
// from `accounts` under each heading it wrote under ("chưa duyệt" while
// pending), or a line to write it on when it sent none, III. shortcomings,
// IV. proposals (to write), footer.
std::string review_docx(const Review& r, const std::map<std::string, std::string>& unit_names,
                        const std::string& period_vi, const views::Issuer& issuer, const ReviewAccounts& accounts = {});

}  // namespace cchc::portal
