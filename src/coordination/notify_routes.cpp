// The signed-in user's notifications (reminders, escalations, hand-overs;
// notify.h) and marking them read.
#include <memory>

#include "coordination/notify.h"
#include "coordination/route_support.h"
#include "coordination/routes.h"
#include "core/text.h"

namespace cchc::coordination {

using nlohmann::json;

namespace notify_pages {
namespace {

http::Response notifications(Pages& x, http::Request& req) {
  auto list = x.db.read([&](db::Connection& c) { return user_notifications(c, req.principal->id); });
  json rows = json::array();
  int unread = 0;
  for (const auto& n : list) {
    unread += n.read ? 0 : 1;
    rows.push_back(
        {{"message", n.message}, {"href", n.href}, {"at", format_datetime_vi(n.created_at)}, {"unread", !n.read}});
  }
  json data = {{"csrf", csrf_token(req)},
               {"rows", rows},
               {"none", rows.empty()},
               {"unread", text::format_int(unread)},
               {"any_unread", unread > 0}};
  return http::html(req, x.layout.page(req, "Thông báo", "plans/notifications.tpl", data));
}

http::Response mark_read(Pages& x, http::Request& req) {
  x.db.write([&](db::Connection& c) { mark_all_read(c, req.principal->id, now_seconds()); });
  return http::redirect(req, "/thong-bao");
}

void add(http::Router& router, std::shared_ptr<Pages> pages) {
  const http::RouteTo<Pages> routes[] = {
      {http::Verb::get, "/thong-bao", "signed_in", notifications},
      {http::Verb::post, "/thong-bao/da-doc", "signed_in", mark_read},
  };
  http::add_routes(router, std::move(pages), routes);
}

}  // namespace
}  // namespace notify_pages

void add_notify_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  notify_pages::add(router, std::make_shared<Pages>(Pages{db, layout}));
}

}  // namespace cchc::coordination
