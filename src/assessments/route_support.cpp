#include "assessments/route_support.h"

#include "core/errors.h"
#include "directory/permissions.h"
#include "directory/read.h"

namespace cchc::assessments {

Round need_round(db::Database& db, const std::string& code) {
  auto r = db.read([&](db::Connection& c) { return find_round(c, code); });
  if (!r) throw not_found("no such round", "Không tìm thấy đợt đánh giá.");
  return *r;
}

bool runs_rounds(db::Database& db, const http::Request& req) {
  return req.principal && directory::may_act_on_province(db, *req.principal, "assessments.manage");
}

void require_runs_rounds(db::Database& db, const http::Request& req) {
  directory::require_province(db, req, "assessments.manage");
}

bool results_visible(db::Database& db, const http::Request& req, const Round& r) {
  return r.status == "published" || (req.principal && directory::province_wide(*req.principal)) || runs_rounds(db, req);
}

void require_results_visible(db::Database& db, const http::Request& req, const Round& r) {
  if (!results_visible(db, req, r)) {
    throw forbidden("the round's results are not published", "Kết quả của đợt đánh giá chưa được công bố.");
  }
}

Names names_for(db::Connection& c) {
  Names n;
  n.units = directory::unit_names(c);
  for (const auto& [code, name] : level_names(c)) n.levels[code] = name;
  return n;
}

std::vector<std::pair<std::string, std::string>> level_names(db::Connection& c) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& l : directory::load_levels(c)) out.emplace_back(l.code, l.name);
  return out;
}

std::string round_status_vi(const Round& r) {
  if (r.status == "published") {
    return r.published_at ? "Đã công bố ngày " + format_date_vi(local_date(*r.published_at)) : "Đã công bố";
  }
  return "Đang thực hiện";
}

std::string province_name(db::Connection& c) {
  auto rows = c.query("SELECT value FROM settings WHERE key = 'province_name'");
  return rows.empty() ? "" : rows.one().str("value");
}

}  // namespace cchc::assessments
