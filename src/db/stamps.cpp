#include "db/stamps.h"

#include <fmt/format.h>

#include <algorithm>
#include <random>

#include "core/errors.h"

namespace cchc::db {

namespace {

std::int64_t fresh_stamp() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  return std::int64_t(random() >> 1);
}

}  // namespace

std::int64_t stamp(Connection& c, std::string_view kind) {
  auto rows = c.query("SELECT stamp FROM data_stamps WHERE kind = ?", {kind});
  if (rows.empty()) throw Error(ErrorKind::internal, fmt::format("no data stamp for '{}'", kind));
  return rows.one().i64("stamp");
}

void touch(Connection& c, std::string_view kind) {
  if (c.query("UPDATE data_stamps SET stamp = ? WHERE kind = ?", {fresh_stamp(), kind}).affected != 1) {
    throw Error(ErrorKind::internal, fmt::format("no data stamp for '{}'", kind));
  }
}

std::vector<std::int64_t> stamps(Connection& c, const std::vector<std::string>& kinds) {
  if (kinds.empty()) return {};
  std::string sql = "SELECT kind, stamp FROM data_stamps WHERE kind IN (?";
  std::vector<Param> params;
  params.reserve(kinds.size());
  for (const auto& kind : kinds) {
    if (!params.empty()) sql += ", ?";
    params.emplace_back(kind);
  }
  sql += ')';
  auto rows = c.query(sql, params).rows;
  std::vector<std::int64_t> out;
  out.reserve(kinds.size());
  for (const auto& kind : kinds) {
    auto row = std::find_if(rows.begin(), rows.end(), [&](const Row& r) { return r.str("kind") == kind; });
    if (row == rows.end()) throw Error(ErrorKind::internal, fmt::format("no data stamp for '{}'", kind));
    out.push_back(row->i64("stamp"));
  }
  return out;
}

std::string stamps_key(Connection& c, const std::vector<std::string>& kinds) {
  std::string key;
  for (auto s : stamps(c, kinds)) {
    if (!key.empty()) key += ':';
    key += std::to_string(s);
  }
  return key;
}

}  // namespace cchc::db
