#pragma once
// The plans' background jobs (jobs/model.h). The province view's workbook
// (/ke-hoach/tong-hop?dinh-dang=xlsx) grows with the year's tasks (its
// overdue sheet lists every overdue assignment), so the page also offers
// it as a job of kind kProvinceExportJob (POST /ke-hoach/tong-hop/xuat,
// the page's filters as fields, "plans.read"): the job makes the workbook
// the request would have made for the same filters on the day it was
// asked, and keeps it as its result (jobs/runner.h: JobContext::result).
// Making it twice gives the same file, so a worker dying before the job
// settles is harmless.
#include "db/database.h"
#include "jobs/runner.h"

namespace cchc::plans {

inline constexpr const char* kProvinceExportJob = "exports.plans_province";

// Adds the plans' job handlers (kProvinceExportJob) over `db`.
void add_jobs(jobs::Handlers& handlers, db::Database& db);

}  // namespace cchc::plans
