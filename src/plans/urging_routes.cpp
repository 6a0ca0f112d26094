// Urging pages (urging.h): /don-doc lists the units and the letters sent;
// /don-doc/{unit} shows what the unit owes now and the letters it
// received, and lets the coordinator send one; the letter as DOCX.
#include <fmt/format.h>

#include "core/calendar.h"
#include "core/errors.h"
#include "core/parse.h"
#include "core/text.h"
#include "http/middleware.h"
#include "http/session.h"
#include "plans/route_support.h"
#include "plans/routes.h"
#include "plans/urging.h"

namespace cchc::plans {

using nlohmann::json;

void add_urging_routes(http::Router& router, views::Layout& layout, db::Database& db,
                       std::vector<ShortfallSource> sources) {
  layout.add_nav({"Đôn đốc", "/don-doc", "plans.review"});
  router.add(http::Verb::get, "/don-doc", "plans.review", [&db, &layout](http::Request& req) {
    json rows = json::array();
    db.read([&](db::Connection& c) {
      std::map<std::string, std::pair<int, std::string>> sent;  // unit → letters, last day
      for (const auto& r : c.query("SELECT unit_code, COUNT(*) AS n, MAX(sent_on) AS last FROM urging_letters "
                                   "GROUP BY unit_code")
                               .rows) {
        sent[r.str("unit_code")] = {int(r.i64("n")), format_date_vi(parse_iso_date(r.str("last")))};
      }
      for (const auto& u : unit_rows(c)) {
        if (!u.open || u.code == req.principal->unit_code) continue;
        auto it = sent.find(u.code);
        rows.push_back({{"unit", u.name},
                        {"href", "/don-doc/" + http::url_encode(u.code)},
                        {"letters", it == sent.end() ? "0" : text::format_int(it->second.first)},
                        {"last", it == sent.end() ? "—" : it->second.second}});
      }
    });
    return http::html(req, layout.page(req, "Đôn đốc", "plans/urging_index.tpl", {{"rows", rows}}));
  });

  auto page = [&db, &layout, sources](http::Request& req, json error, http::Status status) {
    const auto& unit = req.params.at("unit");
    bool coordinator = directory::holds(*req.principal, "plans.review");
    if (!coordinator) require(db, req, "plans.report", unit);
    Date today = local_date(now_seconds());
    std::vector<Shortfall> items;
    std::vector<UrgingLetter> letters;
    std::vector<UnitRow> units;
    db.read([&](db::Connection& c) {
      units = unit_rows(c);
      items = shortfalls_of(c, unit, today, sources);
      letters = letters_to(c, unit);
    });
    auto names = names_of(units);
    if (!names.count(unit)) throw not_found("no such unit", "Không tìm thấy đơn vị.");
    json groups = json::array();
    for (const auto& kind : shortfall_kinds()) {
      json list = json::array();
      for (const auto& s : items) {
        if (s.kind == kind) list.push_back({{"what", s.what}, {"due", s.due ? format_date_vi(*s.due) : "—"}});
      }
      if (!list.empty()) groups.push_back({{"label", shortfall_kind_label_vi(kind)}, {"items", list}});
    }
    json sent = json::array();
    for (const auto& l : letters) {
      sent.push_back({{"number", l.number.empty() ? "(chưa ghi số)" : l.number},
                      {"sent_on", format_date_vi(l.sent_on)},
                      {"reply_by", format_date_vi(l.reply_by)},
                      {"items", text::format_int(std::int64_t(l.items.size()))},
                      {"notified", text::format_int(l.notified)},
                      {"href", fmt::format("/don-doc/{}/van-ban/{}", http::url_encode(unit), l.id)}});
    }
    json data = {{"csrf", req.session ? req.session->csrf_token : ""},
                 {"unit", names[unit]},
                 {"unit_code", unit},
                 {"groups", groups},
                 {"none", groups.empty()},
                 {"count", text::format_int(std::int64_t(items.size()))},
                 {"letters", sent},
                 {"no_letters", sent.empty()},
                 {"can_send", coordinator && !items.empty() && unit != req.principal->unit_code},
                 {"today", format_date_vi(today)}};
    if (!error.is_null()) data["error"] = error;
    return http::html(req, layout.page(req, "Đôn đốc: " + names[unit], "plans/urging.tpl", data), status);
  };
  router.add(http::Verb::get, "/don-doc/{unit}", "plans.report",
             [page](http::Request& req) { return page(req, nullptr, http::Status::ok); });
  router.add(http::Verb::post, "/don-doc/{unit}", "plans.review", [&db, page, sources](http::Request& req) {
    const auto& unit = req.params.at("unit");
    Date today = local_date(now_seconds());
    const auto& cal = WorkCalendar::vietnam();
    try {
      UrgingLetter l;
      l.unit_code = unit;
      l.issuer_unit = req.principal->unit_code;
      l.number = req.form_param("so").value_or("");
      l.sent_on = today;
      int days = parse_int<int>(text::trim(req.form_param("so_ngay").value_or("10"))).value_or(0);
      if (days < 1 || days > 60)
        throw invalid_input("reply within 1-60 working days", "Thời hạn báo cáo từ 1 đến 60 ngày làm việc.");
      l.reply_by = cal.covers(today) ? cal.add_working_days(today, days)
                                     : Date{std::chrono::sys_days{today} + std::chrono::days{std::int64_t(days)}};
      l.items = db.read([&](db::Connection& c) { return shortfalls_of(c, unit, today, sources); });
      auto stored = record_urging(db, l, directory::actor(req), now_seconds());
      return http::redirect(req, fmt::format("/don-doc/{}?da-gui={}#van-ban", http::url_encode(unit), stored.id));
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::invalid_input) throw;
      return page(req, {{"message", e.message_vi()}}, http::Status::unprocessable_entity);
    }
  });
  router.add(http::Verb::get, "/don-doc/{unit}/van-ban/{id}", "plans.report", [&db](http::Request& req) {
    const auto& unit = req.params.at("unit");
    if (!directory::holds(*req.principal, "plans.review")) require(db, req, "plans.report", unit);
    std::optional<UrgingLetter> letter;
    std::vector<UnitRow> units;
    db.read([&](db::Connection& c) {
      letter = find_letter(c, req.int_param());
      units = unit_rows(c);
    });
    if (!letter || letter->unit_code != unit) throw not_found("no such letter", "Không tìm thấy văn bản đôn đốc.");
    return http::attachment(req, http::kDocxType,
                            urging_docx(addressee_of(unit, units), letter->items, letter->number, letter->sent_on,
                                        letter->reply_by, issuer_of(letter->issuer_unit, units)),
                            fmt::format("don-doc-{}-{}.docx", text::slug(unit), letter->id));
  });
}

}  // namespace cchc::plans
