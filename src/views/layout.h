#pragma once
// The one page layout: province name, navigation by capability, the signed-in
// user, display preferences, skip link, footer. Every page and error page is
// rendered through it.
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/message.h"
#include "views/renderer.h"

namespace cchc::views {

struct NavItem {
  std::string label;  // Vietnamese, sentence case
  std::string href;
  std::string permission;  // shown only to those who hold it
};

struct Site {
  std::string province_name;  // "Tỉnh Đồng Nai"
  std::string system_name;    // "Hệ thống quản lý cải cách hành chính"
  std::vector<NavItem> nav;
};

class Layout {
 public:
  // `can` tells whether the request's user holds a permission (for the
  // navigation).
  using Can = std::function<bool(const http::Request&, const std::string& permission)>;
  Layout(const Renderer& renderer, Site site, Can can)
      : renderer_(renderer), site_(std::move(site)), can_(std::move(can)) {}
  const Site& site() const { return site_; }
  void add_nav(NavItem item) { site_.nav.push_back(std::move(item)); }

  // Renders `page_template` with `data` inside the layout. `title` is the
  // page's own title (the browser title adds the system name). A page whose
  // data has "charts": true loads ECharts and static/js/charts.js; "og"
  // ({title, description, url, type}) gives Open Graph tags and a canonical
  // link; "feed" (a path) an Atom feed link; "refresh_seconds" (a number
  // from 1) reloads the page that often when JavaScript is off (a
  // <noscript> meta refresh; with JavaScript the page polls with htmx).
  std::string page(const http::Request& req, const std::string& title, const std::string& page_template,
                   nlohmann::json data) const;
  // Renders a template alone, without the layout (an htmx fragment).
  std::string fragment(const std::string& fragment_template, const nlohmann::json& data) const;

 private:
  const Renderer& renderer_;
  Site site_;
  Can can_;
};

}  // namespace cchc::views
