#pragma once
// Pages and API of the indicators capability (paths in docs/indicators.md
// and docs/api/openapi.yaml):
//   /chi-so                      the province overview: a level's units against targets
//   /chi-so/don-vi/{unit}        a unit: indicators, monthly trend, channels, procedures, overdue dossiers
//   /chi-so/766/{unit}           the 766 scorecard, with the values entered by hand
//   /chi-so/xep-hang             rankings
//   /chi-so/chi-tieu             targets
//   /chi-so/nhap                 upload a batch: preview, validation report, import
//   /cong-khai/chi-so            the public headline figures
//   /du-lieu-mo/chi-so.csv|.json open data
//   /quan-tri/ma-truy-cap        API tokens
//   /api/v1/indicators, /api/v1/rankings, /api/v1/index766, /api/v1/dossiers, /api/v1/feedback
// Every page's tables export to XLSX with ?dinh-dang=xlsx.
#include "db/database.h"
#include "http/page_cache.h"
#include "http/router.h"
#include "views/layout.h"

namespace cchc::indicators {

// The overview, the 766 scorecard and rankings are kept per session in
// `signed_in` (http/page_cache.h) within the day, until any write.
void add_routes(http::Router& router, views::Layout& layout, db::Database& db, http::PageCache& signed_in);
// The upload, targets and API token pages (src/indicators/admin_routes.cpp);
// add_routes calls it.
void add_admin_routes(http::Router& router, views::Layout& layout, db::Database& db);
// The public page, open data and the API (src/indicators/api.cpp); the
// page, open data and the API's reads are served from `pages` under the
// "indicators" and "units" data stamps.
void add_public_routes(http::Router& router, views::Layout& layout, db::Database& db, http::PageCache& pages);

}  // namespace cchc::indicators
