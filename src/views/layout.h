#pragma once
// The one page layout: province name, navigation by capability, the signed-in
// user, display preferences, skip link, footer. Every page and error page is
// rendered through it.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/message.h"
#include "views/renderer.h"

namespace cchc::views {

struct NavItem {
  std::string label;  // Vietnamese, sentence case
  std::string href;
};

struct Site {
  std::string province_name;  // "Tỉnh Đồng Nai"
  std::string system_name;    // "Hệ thống quản lý cải cách hành chính"
  std::vector<NavItem> nav;
};

class Layout {
 public:
  Layout(const Renderer& renderer, Site site) : renderer_(renderer), site_(std::move(site)) {}
  const Site& site() const { return site_; }
  void add_nav(NavItem item) { site_.nav.push_back(std::move(item)); }

  // Renders `page_template` with `data` inside the layout. `title` is the
  // page's own title (the browser title adds the system name).
  std::string page(const http::Request& req, const std::string& title,
                   const std::string& page_template, nlohmann::json data) const;

 private:
  const Renderer& renderer_;
  Site site_;
};

}  // namespace cchc::views
