#pragma once
// Pages and API of reform plans (docs/plans.md, docs/api/openapi.yaml):
//   /ke-hoach                          plans by year
//   /ke-hoach/moi                      create a plan
//   /ke-hoach/tong-hop                 the province view: status, areas, units, overdue, trend (?dinh-dang=xlsx)
//   /ke-hoach/tong-hop/xuat            POST: its workbook as a background job (plans/exports.h)
//   /ke-hoach/{id}                     a plan: its fields, status summary and task matrix (?dinh-dang=xlsx)
//   /ke-hoach/{id}/sua                 edit a plan's fields and status
//   /ke-hoach/{id}/nhap                import its matrix (XLSX or CSV): check, resolve unit names, confirm
//   /ke-hoach/{id}/sua-nhiem-vu        the matrix editor: every row with up, down, edit, delete, cancel;
//   /ke-hoach/{id}/them-nhiem-vu       add a row; /nhiem-vu/{id}/sua|len|xuong|xoa|huy
//   /viec-can-bao-cao                  what a unit owes for a period, "unchanged" in one action
//   /nhiem-vu/{id}                     a task: its leads' state, report history and the report form
//   /minh-chung/{id}                   an evidence file attached to a report
//   /ke-hoach/{id}/muc-tieu, /muc-tieu/{id}/ket-qua|xoa   objectives: add, value by hand, delete
//   /api/v1/plans, /api/v1/plans/{id}, /api/v1/plans/{id}/reports,
//   /api/v1/plans/{id}/tasks/{task}/reports
// The coordinator's pages (review, periods, notifications, requests, the
// register, urging, compiled reports) are coordination's
// (coordination/routes.h).
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "db/database.h"
#include "http/page_cache.h"
#include "http/router.h"
#include "views/layout.h"

namespace cchc::plans {

// Where the progress of an objective linked to an indicator comes from: the
// application wires the indicators capability in (plans never read its
// store). `value` gives the rate (0..1) of `indicator` in `year` over
// `unit`'s subtree, or over the units of `level` in it; nullopt: no data.
struct IndicatorSource {
  std::vector<std::pair<std::string, std::string>> indicators;  // code, Vietnamese name
  std::function<std::optional<double>(const std::string& unit, const std::string& level, int year,
                                      const std::string& indicator)>
      value;
};

// The plans pages and API, and the reform menu: its entries for the
// coordinator's review, periods and notifications name coordination's pages.
// Plans by year, a plan and the province view are kept per session in
// `signed_in` (http/page_cache.h) within the day, until any write.
void add_routes(http::Router& router, views::Layout& layout, db::Database& db, http::PageCache& signed_in,
                IndicatorSource source = {});
// Objectives: adding, values by hand, deleting (src/plans/objective_routes.cpp).
void add_objective_routes(http::Router& router, db::Database& db, const IndicatorSource& source);
// What a unit owes and the task pages with their report form
// (src/plans/report_routes.cpp); add_routes calls it.
void add_report_routes(http::Router& router, views::Layout& layout, db::Database& db);
// The matrix import (src/plans/import_routes.cpp); add_routes calls it.
void add_import_routes(http::Router& router, views::Layout& layout, db::Database& db);
// The matrix editor (src/plans/editor_routes.cpp); add_routes calls it.
void add_editor_routes(http::Router& router, views::Layout& layout, db::Database& db);
// The province view (src/plans/province_routes.cpp); add_routes calls it.
void add_province_routes(http::Router& router, views::Layout& layout, db::Database& db, http::PageCache& signed_in);
// The JSON API (src/plans/api.cpp); add_routes calls it.
void add_api_routes(http::Router& router, db::Database& db);

}  // namespace cchc::plans
