#pragma once
// Pages of the coordinator's loop (docs/plans.md):
//   /ke-hoach/{id}/bao-cao-ky          the compiled report of a period (?ky=): page, XLSX, DOCX (Decree 30)
//   /ke-hoach/don-doc/{unit}           the urging letter (DOCX) listing a unit's overdue tasks of a year
//   /nhiem-vu/{id}/duyet               the coordinator accepts or returns a report, answers its difficulties
//   /duyet-bao-cao                     reports waiting for the coordinator's review, oldest first
//   /ky-bao-cao                        a year's reporting periods and their due days (the coordinator sets them)
//   /thong-bao                         the signed-in user's reminders and escalations; mark all read
//   /yeu-cau-bao-cao[/moi]             report requests: the list; a new one (coordinator)
//   /yeu-cau-bao-cao/{id}              a request: its text, every unit's answer (coordinator) or the unit's form;
//                                      /tra-loi (answer), /duyet (accept, return), /trang-thai (close, reopen),
//                                      /tong-hop (compiled, ?dinh-dang=docx); /yeu-cau-bao-cao/tep/{id} a file
//   /ke-hoach/{id}/so-theo-doi         the register of plans owed: which units must issue theirs, by when, who did
//   /don-doc, /don-doc/{unit}          urging: what a unit owes now, the letters it received; send one (coordinator);
//                                      /don-doc/{unit}/van-ban/{id} the letter (DOCX)
// The plans pages (plans/routes.h) are registered first; their menu lists
// the review, periods and notifications pages too.
#include <vector>

#include "coordination/urging.h"
#include "db/database.h"
#include "http/router.h"
#include "views/layout.h"

namespace cchc::coordination {

// Every page of the loop; `shortfalls`: what the urging letters list besides
// plans' own (app/sources.cpp).
void add_routes(http::Router& router, views::Layout& layout, db::Database& db,
                std::vector<ShortfallSource> shortfalls = {});
// The compiled period report and the overdue tasks' letter (compiled_routes.cpp).
void add_compiled_routes(http::Router& router, views::Layout& layout, db::Database& db);
// The review of a report and the queue (review_routes.cpp).
void add_review_routes(http::Router& router, views::Layout& layout, db::Database& db);
// The reporting periods and their due days (period_routes.cpp).
void add_period_routes(http::Router& router, views::Layout& layout, db::Database& db);
// The signed-in user's notifications (notify_routes.cpp).
void add_notify_routes(http::Router& router, views::Layout& layout, db::Database& db);
void add_request_routes(http::Router& router, views::Layout& layout, db::Database& db);
void add_register_routes(http::Router& router, views::Layout& layout, db::Database& db);
void add_urging_routes(http::Router& router, views::Layout& layout, db::Database& db,
                       std::vector<ShortfallSource> sources);

}  // namespace cchc::coordination
