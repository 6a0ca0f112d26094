#pragma once
// The pages of background jobs (docs/ARCHITECTURE.md, "Background jobs"):
//   /cong-viec                  the signed-in user's recent jobs
//   /cong-viec/{id}             a job's progress page: its state, a bar,
//                               what it is doing; while it waits or runs, it
//                               polls its fragment every second with htmx,
//                               and refreshes itself every 2 s without
//                               JavaScript; once done, its result to download
//                               and the link back to where it came from
//   /cong-viec/{id}/tien-do     the fragment htmx polls (a finished job
//                               answers HX-Refresh, so the whole page shows
//                               its outcome)
//   /cong-viec/{id}/ket-qua     the result file of a done job
//   /cong-viec/{id}/huy         POST: cancel, once its box is ticked
// Every signed-in user has them ("signed_in"), for their own jobs only: a
// job of someone else is 404, unless `sees_all` holds for the user (the
// administrator, "jobs.all").
#include <functional>

#include "db/database.h"
#include "http/router.h"
#include "views/layout.h"

namespace cchc::jobs {

using SeesAll = std::function<bool(const http::Principal&)>;

void add_routes(http::Router& router, views::Layout& layout, db::Database& db, SeesAll sees_all);

}  // namespace cchc::jobs
