// The demo's portal (app/demo.h, load_demo_portal).
#include <nlohmann/json.hpp>

#include "app/demo.h"
#include "core/embedded.h"
#include "core/errors.h"
#include "portal/store.h"

namespace cchc::app {

using namespace std::chrono;

DemoPortal load_demo_portal(db::Database& db, Instant now) {
  DemoPortal out;
  bool has_items = db.read([](db::Connection& c) { return !c.query("SELECT 1 FROM portal_items LIMIT 1").empty(); });
  if (has_items) return out;
  auto data = nlohmann::json::parse(embedded::file("data/demo/portal/portal.json"));
  const audit::Entry board{"demo.banbientap", "demo", "", "", "", {}, {}};
  // Every item with its steps, the views and the documents in one transaction.
  db.write([&](db::Connection& c) {
    std::map<std::tuple<std::string, std::int64_t, std::string>, std::int64_t> views;
    for (const auto& j : data.at("items")) {
      portal::Item item;
      item.unit_code = j.at("unit");
      item.title = j.at("title");
      item.summary = j.at("summary");
      item.body = j.at("body");
      item.tags = j.at("tags").get<std::vector<std::string>>();
      auto cat = portal::find_category(c, j.at("category").get<std::string>());
      if (!cat) throw Error(ErrorKind::internal, "demo category missing: " + j.at("category").get<std::string>());
      item.category_id = cat->id;
      const audit::Entry editor{"demo.ctv." + item.unit_code, "demo", "", "", "", {}, {}};
      auto published = now - days{j.at("days_ago").get<int>()} - hours{2};
      auto state = j.value("state", "published");
      auto id = portal::create_item(c, item, editor, published - days{1} - hours{3});
      ++out.items;
      if (state == "draft") continue;
      portal::act(c, id, portal::Action::submit, portal::Actor::author, "", std::nullopt, editor, published - days{1});
      if (state == "submitted") continue;
      if (state == "returned") {
        portal::act(c, id, portal::Action::send_back, portal::Actor::board,
                    "Đề nghị bổ sung số liệu cụ thể và ảnh minh họa.", std::nullopt, board, published);
        continue;
      }
      portal::act(c, id, portal::Action::approve, portal::Actor::board, "", std::nullopt, board, published);
      if (j.value("featured", false)) {
        auto featured = item;
        featured.featured = true;
        portal::update_item(c, id, featured, portal::Actor::board, "", board, published);
      }
      // Readers in the week after publication, fewer each day.
      for (int d = 0; d < 7; ++d) {
        auto day = format_iso_date(local_date(published + days{d}));
        views[{"item", id, day}] += (40 + (id * 37) % 90) / (d + 1);
      }
    }
    portal::add_views(c, views);
    for (const auto& j : data.at("documents")) {
      portal::Document d;
      d.number_symbol = j.at("number_symbol");
      d.type_code = j.at("type_code");
      if (!j.at("issued_on").is_null()) d.issued_on = parse_iso_date(j.at("issued_on").get<std::string>());
      d.issuer = j.at("issuer");
      d.subject = j.at("subject");
      d.unit_code = "SNV";
      portal::add_document(c, d, std::nullopt, portal::Actor::board, board, now - days{400 - 10 * int(out.documents)});
      ++out.documents;
    }
  });
  return out;
}

}  // namespace cchc::app
