// Urging pages (urging.h): /don-doc lists the units and the letters sent;
// /don-doc/{unit} shows what the unit owes now and the letters it
// received, and lets the coordinator send one; the letter as DOCX.
#include <fmt/format.h>

#include <memory>

#include "coordination/route_support.h"
#include "coordination/routes.h"
#include "coordination/urging.h"
#include "core/calendar.h"
#include "core/errors.h"
#include "core/text.h"
#include "http/middleware.h"
#include "http/refusal.h"

namespace cchc::coordination {

using nlohmann::json;

namespace urging_pages {
namespace {

// The urging pages' context: where shortfalls come from besides plans.
struct UrgingPages {
  db::Database& db;
  views::Layout& layout;
  std::vector<ShortfallSource> sources;
};

Date today() { return local_date(now_seconds()); }

// Every open unit the user coordinates but its own, with the letters it
// received.
http::Response units_index(UrgingPages& x, http::Request& req) {
  json rows = json::array();
  x.db.read([&](db::Connection& c) {
    auto sent = letters_by_unit(c);
    for (const auto& u : units_of_user(plans::unit_rows(c), *req.principal, "plans.review")) {
      if (!u.open || u.code == req.principal->unit_code) continue;
      auto it = sent.find(u.code);
      rows.push_back({{"unit", u.name},
                      {"href", "/don-doc/" + http::url_encode(u.code)},
                      {"letters", it == sent.end() ? "0" : text::format_int(it->second.count)},
                      {"last", it == sent.end() ? "—" : format_date_vi(it->second.last)}});
    }
  });
  return http::html(req, x.layout.page(req, "Đôn đốc", "plans/urging_index.tpl", {{"rows", rows}}));
}

// The shortfalls by kind, in the letter's order.
json shortfall_groups(const std::vector<Shortfall>& items) {
  json groups = json::array();
  for (const auto& kind : shortfall_kinds()) {
    json list = json::array();
    for (const auto& s : items) {
      if (s.kind == kind) list.push_back({{"what", s.what}, {"due", s.due ? format_date_vi(*s.due) : "—"}});
    }
    if (!list.empty()) groups.push_back({{"label", shortfall_kind_label_vi(kind)}, {"items", list}});
  }
  return groups;
}

json letter_rows(const std::vector<UrgingLetter>& letters, const std::string& unit) {
  json sent = json::array();
  for (const auto& l : letters) {
    sent.push_back({{"number", l.number.empty() ? "(chưa ghi số)" : l.number},
                    {"sent_on", format_date_vi(l.sent_on)},
                    {"reply_by", format_date_vi(l.reply_by)},
                    {"items", text::format_int(std::int64_t(l.items.size()))},
                    {"notified", text::format_int(l.notified)},
                    {"href", fmt::format("/don-doc/{}/van-ban/{}", http::url_encode(unit), l.id)}});
  }
  return sent;
}

// A unit's page: to the coordinator, and to the unit's own officers; `error`
// is a refusal's.
http::Response unit_page(UrgingPages& x, http::Request& req, const json& error) {
  const auto& unit = req.params.at("unit");
  bool coordinator = may(x.db, req, "plans.review", unit);
  if (!coordinator) require(x.db, req, "plans.report", unit);
  Date day = today();
  std::vector<Shortfall> items;
  std::vector<UrgingLetter> letters;
  std::vector<UnitRow> units;
  x.db.read([&](db::Connection& c) {
    units = plans::unit_rows(c);
    items = shortfalls_of(c, unit, day, x.sources);
    letters = letters_to(c, unit);
  });
  auto names = names_of(units);
  if (!names.count(unit)) throw not_found("no such unit", "Không tìm thấy đơn vị.");
  json groups = shortfall_groups(items);
  json sent = letter_rows(letters, unit);
  json data = {{"csrf", csrf_token(req)},
               {"unit", names[unit]},
               {"unit_code", unit},
               {"groups", groups},
               {"none", groups.empty()},
               {"count", text::format_int(std::int64_t(items.size()))},
               {"letters", sent},
               {"no_letters", sent.empty()},
               {"can_send", coordinator && !items.empty() && unit != req.principal->unit_code},
               {"today", format_date_vi(day)}};
  if (!error.is_null()) data["error"] = error;
  return http::html(req, x.layout.page(req, "Đôn đốc: " + names[unit], "plans/urging.tpl", data));
}

http::Response show(UrgingPages& x, http::Request& req) { return unit_page(x, req, nullptr); }

// The coordinator sends a letter listing what the unit owes now, with a
// reply due in "so_ngay" working days (10 by default).
http::Response send_letter(UrgingPages& x, http::Request& req) {
  const auto& unit = req.params.at("unit");
  Date day = today();
  return http::refusing(
      [&] {
        UrgingLetter l;
        l.unit_code = unit;
        l.issuer_unit = req.principal->unit_code;
        l.number = req.form_param("so").value_or("");
        l.sent_on = day;
        int days = reply_days(req.form_param("so_ngay").value_or("10"));
        l.reply_by = reply_due(day, days, days, WorkCalendar::vietnam());
        l.items = x.db.read([&](db::Connection& c) { return shortfalls_of(c, unit, day, x.sources); });
        auto stored = record_urging(x.db, l, directory::actor(req), now_seconds());
        return http::redirect(req, fmt::format("/don-doc/{}?da-gui={}#van-ban", http::url_encode(unit), stored.id));
      },
      [&](const http::Refusal& r) { return unit_page(x, req, r.json()); });
}

http::Response letter(UrgingPages& x, http::Request& req) {
  const auto& unit = req.params.at("unit");
  if (!may(x.db, req, "plans.review", unit)) require(x.db, req, "plans.report", unit);
  std::optional<UrgingLetter> found;
  std::vector<UnitRow> units;
  x.db.read([&](db::Connection& c) {
    found = find_letter(c, req.int_param());
    units = plans::unit_rows(c);
  });
  if (!found || found->unit_code != unit) throw not_found("no such letter", "Không tìm thấy văn bản đôn đốc.");
  return http::attachment(req, http::kDocxType,
                          urging_docx(addressee_of(unit, units), found->items, found->number, found->sent_on,
                                      found->reply_by, issuer_of(found->issuer_unit, units)),
                          fmt::format("don-doc-{}-{}.docx", text::slug(unit), found->id));
}

void add(http::Router& router, std::shared_ptr<UrgingPages> pages) {
  const http::RouteTo<UrgingPages> routes[] = {
      {http::Verb::get, "/don-doc", "plans.review", units_index},
      {http::Verb::get, "/don-doc/{unit}", "plans.report", show},
      {http::Verb::post, "/don-doc/{unit}", "plans.review", send_letter},
      {http::Verb::get, "/don-doc/{unit}/van-ban/{id}", "plans.report", letter},
  };
  http::add_routes(router, std::move(pages), routes);
}

}  // namespace
}  // namespace urging_pages

void add_urging_routes(http::Router& router, views::Layout& layout, db::Database& db,
                       std::vector<ShortfallSource> sources) {
  layout.add_nav({"Đôn đốc", "/don-doc", "plans.review"});
  using urging_pages::UrgingPages;
  urging_pages::add(router, std::make_shared<UrgingPages>(UrgingPages{db, layout, std::move(sources)}));
}

}  // namespace cchc::coordination
