// /quan-tri/lich-chay (app/daily.h): when the day's work runs, and what the
// latest runs did. For the administrator (settings.manage).
#include <fmt/format.h>

#include <memory>

#include "app/daily.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "http/refusal.h"
#include "http/session.h"

namespace cchc::app {

using nlohmann::json;

namespace daily_pages {
namespace {

struct Pages {
  db::Database& db;
  views::Layout& layout;
};

// The page; `typed` is the time as posted, `error` a refusal's.
http::Response page(Pages& x, http::Request& req, const std::string& typed, const json& error) {
  int at = 0;
  std::vector<DailyRun> runs;
  x.db.read([&](db::Connection& c) {
    at = daily_at(c);
    runs = recent_daily_runs(c, 30);
  });
  json rows = json::array();
  for (const auto& r : runs) {
    std::string state = r.finished_at      ? "Đã xong"
                        : !r.error.empty() ? "Lỗi: " + text::cut_utf8(r.error, 300)
                                           : "Đang chạy hoặc chờ chạy";
    rows.push_back({{"day", format_date_vi(r.day)},
                    {"started", format_datetime_vi(r.claimed_at)},
                    {"finished", r.finished_at ? format_datetime_vi(*r.finished_at) : "—"},
                    {"state", state},
                    {"summary", r.summary ? r.summary->text_vi() : ""},
                    {"job", r.job_id.empty() ? json(false) : json{{"href", "/cong-viec/" + r.job_id}}}});
  }
  json data = {{"csrf", req.session ? req.session->csrf_token : ""},
               {"daily_at", typed.empty() ? format_daily_at(at) : typed},
               {"rows", rows},
               {"none", rows.empty()},
               {"any", !rows.empty()},
               {"saved", req.query_param("da-luu").has_value()}};
  if (!error.is_null()) data["error"] = error;
  return http::html(req, x.layout.page(req, "Lịch chạy hằng ngày", "app/daily.tpl", data));
}

http::Response show(Pages& x, http::Request& req) { return page(x, req, "", nullptr); }

http::Response save(Pages& x, http::Request& req) {
  auto typed = req.form_param("gio").value_or("");
  return http::refusing(
      [&] {
        x.db.write([&](db::Connection& c) { set_daily_at(c, typed, directory::actor(req), now_seconds()); });
        return http::redirect(req, "/quan-tri/lich-chay?da-luu=1");
      },
      [&](const http::Refusal& r) { return page(x, req, typed, r.json()); });
}

}  // namespace
}  // namespace daily_pages

void add_daily_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  layout.add_nav({"Lịch chạy hằng ngày", "/quan-tri/lich-chay", "settings.manage"});
  const http::RouteTo<daily_pages::Pages> routes[] = {
      {http::Verb::get, "/quan-tri/lich-chay", "settings.manage", daily_pages::show},
      {http::Verb::post, "/quan-tri/lich-chay", "settings.manage", daily_pages::save},
  };
  http::add_routes(router, std::make_shared<daily_pages::Pages>(daily_pages::Pages{db, layout}), routes);
}

}  // namespace cchc::app
