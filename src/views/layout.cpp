#include "views/layout.h"

#include "http/middleware.h"
#include "http/session.h"

namespace cchc::views {

std::string Layout::page(const http::Request& req, const std::string& title, const std::string& page_template,
                         nlohmann::json data) const {
  nlohmann::json nav = nlohmann::json::array();
  for (const auto& item : site_.nav) {
    if (!can_(req, item.permission)) continue;
    bool current = item.href == "/" ? req.path == "/" : req.path.starts_with(item.href);
    nav.push_back({{"label", item.label}, {"href", item.href}, {"current", current}});
  }
  std::string body_class;
  if (req.session) {
    const auto& prefs = req.session->prefs;
    if (prefs.value("text_size", "") == "large") body_class += " text-large";
    if (prefs.value("contrast", "") == "high") body_class += " contrast-high";
  }
  const bool charts = data.value("charts", false);
  const bool pow = data.value("pow", false);
  const int refresh = data.value("refresh_seconds", 0);
  data["_template"] = page_template;
  nlohmann::json user;
  if (req.principal && req.session) {
    user = {{"display_name", req.principal->display_name},
            {"username", req.principal->username},
            {"csrf", req.session->csrf_token}};
  }
  nlohmann::json layout = {
      {"title", title},
      {"province_name", site_.province_name},
      {"system_name", site_.system_name},
      {"nav", nav},
      {"body_class", body_class},
      {"content", std::move(data)},
  };
  if (charts) layout["charts"] = true;
  if (pow) layout["pow"] = true;
  if (refresh > 0) layout["refresh"] = {{"seconds", std::to_string(refresh)}};
  // Open Graph tags and a feed link, for pages that have them.
  if (auto og = layout["content"].find("og"); og != layout["content"].end()) layout["og"] = *og;
  if (auto feed = layout["content"].find("feed"); feed != layout["content"].end())
    layout["feed_link"] = {{"href", *feed}};
  if (!user.is_null())
    layout["user"] = user;
  else
    layout["anonymous"] = true;
  return renderer_.render("layout/page.tpl", layout);
}

std::string Layout::fragment(const std::string& fragment_template, const nlohmann::json& data) const {
  return renderer_.render(fragment_template, data);
}

}  // namespace cchc::views
