#pragma once
// Routes of the platform itself: health, metrics, static files, and the
// API over the core vocabulary (periods, the working-day calendar).
#include <filesystem>

#include "db/database.h"
#include "http/metrics.h"
#include "http/router.h"

namespace cchc::app {

void add_platform_routes(http::Router& router, db::Database& db, http::Metrics& metrics,
                         const std::filesystem::path& static_dir);

}  // namespace cchc::app
