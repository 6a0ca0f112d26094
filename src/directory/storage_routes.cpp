// The admin page of stored files: each unit's files and bytes against its
// quota (directory/storage.h), fullest first.
#include <nlohmann/json.hpp>

#include <map>

#include "core/text.h"
#include "directory/read.h"
#include "directory/routes.h"
#include "directory/storage.h"

namespace cchc::directory {

namespace {

using nlohmann::json;

struct StoragePage {
  views::Layout& layout;
  db::Database& db;
};

http::Response storage_page(StoragePage& x, http::Request& req) {
  std::map<std::string, std::string> names;
  for (const auto& u : load_units(x.db)) names[u.code] = u.name;
  auto [use, quota] = x.db.read([](db::Connection& c) { return std::pair{storage_by_unit(c), storage_quota(c)}; });
  json rows = json::array();
  std::int64_t bytes = 0, files = 0;
  for (const auto& u : use) {
    auto name = names.find(u.unit_code);
    rows.push_back({{"unit", name == names.end() ? u.unit_code : name->second},
                    {"href", "/don-vi/" + u.unit_code},
                    {"files", text::format_int(u.files)},
                    {"size", format_size(u.bytes)},
                    {"share", text::format_percent(100.0 * double(u.bytes) / double(quota))},
                    {"full", u.bytes * 10 >= quota * 9}});
    bytes += u.bytes;
    files += u.files;
  }
  json data{{"rows", rows},
            {"any", !rows.empty()},
            {"none", rows.empty()},
            {"quota", format_size(quota)},
            {"total_size", format_size(bytes)},
            {"total_files", text::format_int(files)}};
  return http::html(req, x.layout.page(req, "Dung lượng tệp", "directory/storage.tpl", data));
}

}  // namespace

void add_storage_routes(http::Router& router, views::Layout& layout, db::Database& db) {
  const http::RouteTo<StoragePage> routes[] = {
      {http::Verb::get, "/quan-tri/dung-luong", "units.manage", storage_page},
  };
  http::add_routes(router, std::make_shared<StoragePage>(StoragePage{layout, db}), routes);
}

}  // namespace cchc::directory
