#include "coordination/routes.h"

namespace cchc::coordination {

void add_routes(http::Router& router, views::Layout& layout, db::Database& db,
                std::vector<ShortfallSource> shortfalls) {
  add_compiled_routes(router, layout, db);
  add_notify_routes(router, layout, db);
  add_period_routes(router, layout, db);
  add_review_routes(router, layout, db);
  add_request_routes(router, layout, db);
  add_register_routes(router, layout, db);
  add_urging_routes(router, layout, db, std::move(shortfalls));
}

}  // namespace cchc::coordination
