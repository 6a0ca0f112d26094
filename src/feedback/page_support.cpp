#include "feedback/page_support.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/parse.h"
#include "core/text.h"
#include "directory/read.h"
#include "feedback/rules.h"
#include "feedback/store.h"

namespace cchc::feedback {

using nlohmann::json;

std::string Names::unit(const std::string& code) const {
  auto it = units.find(code);
  return it == units.end() ? "" : it->second;
}

std::string Names::category(std::int64_t id) const {
  auto it = categories.find(id);
  return it == categories.end() ? "" : it->second;
}

Names names_for(db::Connection& c) {
  Names n;
  n.units = directory::unit_names(c);
  for (const auto& cat : feedback::categories(c, false)) n.categories[cat.id] = cat.name;
  return n;
}

json public_status(const Case& k, const Names& names, Instant now) {
  bool paused = !k.pauses.empty() && !k.pauses.back().ended_at && k.state == State::waiting_citizen;
  json out = {{"code", k.code},
              {"category", names.category(k.category_id)},
              {"unit", names.unit(k.unit_code)},
              {"state", label_vi(k.state)},
              {"state_class", code(k.state)},
              {"received", format_datetime_vi(k.received_at)},
              {"channel", label_vi(k.channel)},
              {"open", is_open(k.state)},
              {"due", format_date_vi(local_date(k.due_at))},
              {"late", overdue(k, now)},
              {"paused", paused}};
  if (paused) out["paused_since"] = format_datetime_vi(k.pauses.back().started_at);
  out["has_answered"] = k.answered_at.has_value();
  if (k.answered_at) out["answered"] = format_datetime_vi(*k.answered_at);
  out["has_extension"] = k.extension_days > 0;
  out["extension"] = fmt::format("{} ngày làm việc", k.extension_days);
  out["has_public"] = k.published && k.state == State::answered;
  out["public_href"] = "/phan-anh/da-tra-loi/" + k.code;
  return out;
}

json place_options(const std::vector<directory::Unit>& units, Date day, const std::string& selected) {
  std::vector<const directory::Unit*> places;
  for (const auto& u : units) {
    if (u.level == "commune" && u.valid_on(day)) places.push_back(&u);
  }
  std::sort(places.begin(), places.end(),
            [](const auto* a, const auto* b) { return text::collate_less(a->name, b->name); });
  json out = json::array();
  for (const auto* u : places) out.push_back({{"code", u->code}, {"name", u->name}, {"selected", u->code == selected}});
  return out;
}

int page_number(const http::Request& req) {
  auto n = parse_int<int>(req.query_param("trang").value_or("1"));
  return n && *n >= 1 && *n <= 10000 ? *n : 1;
}

json pages(const std::string& base, const std::string& query, int page, std::int64_t total, int per_page) {
  int count = int(std::max<std::int64_t>(1, (total + per_page - 1) / per_page));
  auto link = [&](int n) { return base + "?" + (query.empty() ? "" : query + "&") + "trang=" + std::to_string(n); };
  return json{{"_template", "portal/pagination.tpl"},
              {"show", count > 1},
              {"label", fmt::format("Trang {} / {}", page, count)},
              {"prev", page > 1 ? link(page - 1) : ""},
              {"has_prev", page > 1},
              {"next", page < count ? link(page + 1) : ""},
              {"has_next", page < count}};
}

}  // namespace cchc::feedback
