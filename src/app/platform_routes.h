#pragma once
// Routes of the platform itself: health, metrics, static files, and the
// API over the core vocabulary (periods, the working-day calendar).
#include <filesystem>
#include <string>

#include "db/database.h"
#include "http/metrics.h"
#include "http/router.h"

namespace cchc::app {

// GET /metrics answers a client on this machine (its client address is a
// loopback one: not a request that came through the proxy from outside), or
// one sending `Authorization: Bearer <metrics_token>` when that is set;
// anyone else gets 404, as if there were nothing there.
void add_platform_routes(http::Router& router, db::Database& db, http::Metrics& metrics,
                         const std::filesystem::path& static_dir, std::string metrics_token);

}  // namespace cchc::app
