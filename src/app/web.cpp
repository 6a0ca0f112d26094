#include "app/web.h"

#include <algorithm>

#include "app/daily.h"
#include "app/pdf_jobs.h"
#include "app/platform_routes.h"
#include "app/sources.h"
#include "assessments/routes.h"
#include "assessments/work.h"
#include "coordination/routes.h"
#include "coordination/work.h"
#include "core/period.h"
#include "directory/accounts.h"
#include "directory/permissions.h"
#include "directory/routes.h"
#include "directory/tokens.h"
#include "documents/reading.h"
#include "feedback/open311.h"
#include "feedback/work.h"
#include "home/routes.h"
#include "home/work.h"
#include "http/middleware.h"
#include "indicators/dashboard.h"
#include "indicators/routes.h"
#include "indicators/store.h"
#include "indicators/targets.h"
#include "indicators/upload.h"
#include "inspections/routes.h"
#include "inspections/work.h"
#include "jobs/routes.h"
#include "plans/exports.h"
#include "plans/routes.h"
#include "plans/work.h"
#include "portal/work.h"

namespace cchc::app {

std::string province_name(db::Database& db) {
  auto rows =
      db.read([](db::Connection& c) { return c.query("SELECT value FROM settings WHERE key = 'province_name'"); });
  return rows.empty() ? "Tỉnh (chưa đặt tên)" : rows.one().str("value");
}

Web::Web(db::Database& db, WebConfig config)
    : db_(db), config_(std::move(config)), metrics_(std::make_shared<http::Metrics>()) {
  renderer_ = std::make_unique<views::CtemplateRenderer>(config_.templates_dir);
  layout_ = std::make_unique<views::Layout>(*renderer_,
                                            views::Site{province_name(db_), "Hệ thống quản lý cải cách hành chính", {}},
                                            [](const http::Request& req, const std::string& permission) {
                                              if (permission == http::kPublic) return true;
                                              if (!req.principal) return false;
                                              for (const auto& r : req.principal->roles) {
                                                if (directory::role_has(r, permission)) return true;
                                              }
                                              return false;
                                            });
  http::SessionPolicy policy;
  policy.secure_cookie = config_.https;
  sessions_ = std::make_unique<http::SessionStore>(db_, policy);
  errors_ = std::make_unique<http::ErrorMapper>([this](const http::Request& req, const http::ErrorView& view) {
    return layout_->page(req, view.title_vi, "errors/error.tpl",
                         {{"heading", view.title_vi},
                          {"message", view.message_vi},
                          {"status", std::to_string(int(view.status))},
                          {"request_id", req.request_id}});
  });

  pages_ = std::make_unique<http::PageCache>(db_);
  // A page per session and target: more entries than the public pages, and
  // half their bytes.
  signed_in_pages_ =
      std::make_unique<http::PageCache>(db_, http::PageCache::Options{.entries = 4000, .bytes = std::size_t{32} << 20});
  home::add_routes(router_, *layout_, *sessions_, *pages_);
  home::add_work_routes(router_, *layout_, db_, *signed_in_pages_,
                        {plans::work_items, coordination::work_items, assessments::work_items, portal::work_items,
                         feedback::work_items, inspections::work_items});
  directory::add_routes(router_, *layout_, *sessions_, db_);
  indicators::add_routes(router_, *layout_, db_, *signed_in_pages_);
  plans::add_routes(router_, *layout_, db_, *signed_in_pages_, objective_progress(db_));
  coordination::add_routes(router_, *layout_, db_, urging_sources());
  assessments::add_routes(router_, *layout_, db_, assessment_sources(db_), *pages_);
  inspections::add_routes(router_, *layout_, db_, inspection_sources());
  indicators::add_public_routes(router_, *layout_, db_, *pages_);
  base_url_ = std::make_shared<std::string>(config_.base_url);
  while (!base_url_->empty() && base_url_->back() == '/') base_url_->pop_back();
  views_ = std::make_unique<portal::ViewCounter>(db_);
  portal_ =
      std::make_unique<portal::Portal>(portal::Portal{db_, *layout_, *pages_, *views_, portal_sources(db_), base_url_});
  portal::add_public_routes(router_, *portal_);
  portal::add_editor_routes(router_, *portal_);
  documents::add_routes(router_, *layout_, db_, document_sinks(db_));
  feedback_ = std::make_unique<feedback::Module>(
      feedback::Module{db_, *layout_, *sessions_, feedback_sinks(), {}, {}, base_url_});
  feedback_->proof_bits = std::clamp(config_.feedback_proof_bits, 0, feedback::kMaxProofBits);
  if (!config_.smtp_url.empty()) {
    feedback_->acknowledge = [this](const feedback::Case& k, const std::string& secret) {
      db_.write([&](db::Connection& c) {
        feedback::queue_acknowledgement(c, k, "/phan-anh/theo-doi/" + secret, layout_->site().province_name,
                                        now_seconds());
      });
    };
    feedback_->tell_citizen = [this](const feedback::Case& k) {
      db_.write([&](db::Connection& c) { feedback::queue_update(c, k, layout_->site().province_name, now_seconds()); });
    };
  }
  feedback::add_public_routes(router_, *feedback_);
  feedback::add_desk_routes(router_, *feedback_);
  feedback::open311::add_routes(router_, *feedback_);
  add_platform_routes(router_, db_, *metrics_, config_.static_dir, config_.metrics_token);
  add_daily_routes(router_, *layout_, db_);
  jobs::add_routes(router_, *layout_, db_, [](const http::Principal& p) { return directory::holds(p, "jobs.all"); });
  pdf_ = std::make_unique<views::PdfConverter>();
  // app() calls pipeline_, made below: it is read only once requests come.
  auto pdf_pages = std::make_shared<PdfPages>(PdfPages{db_, *layout_, *pdf_, app()});
  add_pdf_routes(router_, pdf_pages);
  if (config_.job_workers > 0) {
    jobs::Handlers handlers;
    indicators::add_jobs(handlers, db_);
    plans::add_jobs(handlers, db_);
    documents::add_jobs(handlers, db_);
    add_pdf_jobs(handlers, *pdf_);
    add_daily_job(handlers, db_, [this] { return MailSettings{config_.smtp_url, config_.mail_from, base_url_copy()}; });
    jobs_ =
        std::make_unique<jobs::Runner>(db_, std::move(handlers), jobs::RunnerOptions{.workers = config_.job_workers});
  }

  auto catch_errors = [this](http::Request& req, const http::Next& next) {
    try {
      return next(req);
    } catch (...) {
      return errors_->map_current(req);
    }
  };
  // Static files, health, metrics and Open311 (whose POST authenticates by
  // its api_key, and whose answers are the same for everyone) need no session.
  auto stateless = [](const http::Request& req) {
    return req.route.starts_with("/static/") || req.route == "/healthz" || req.route == "/metrics" ||
           req.route.starts_with("/open311/");
  };
  auto session_mw = http::sessions(*sessions_, [this](http::Request& req) { directory::load_principal(db_, req); });
  pipeline_ =
      http::chain({http::security_headers(config_.https), catch_errors, directory::bearer_tokens(db_),
                   [stateless, session_mw](http::Request& req, const http::Next& next) {
                     return stateless(req) || req.bearer ? next(req) : session_mw(req, next);
                   },
                   http::csrf(*sessions_, [](const http::Request& req) { return req.route.starts_with("/open311/"); }),
                   http::permission(directory::authorizer(db_)), pdf_variant(pdf_pages)},
                  [this](http::Request& req) { return dispatch(req); });
}

http::Response Web::dispatch(http::Request& req) {
  if (!req.matched) {
    if (!req.allow.empty()) {
      auto res = errors_->respond(req, http::Status::method_not_allowed, "method not allowed; allowed: " + req.allow);
      res.set(http::field::allow, req.allow);
      return res;
    }
    return errors_->respond(req, http::Status::not_found, "no such resource: " + req.path);
  }
  return req.matched->handler(req);
}

std::function<std::string(const http::Request&)> Web::client_of() {
  return [this](const http::Request& req) -> std::string {
    auto authorization = req.header(http::field::authorization);
    if (authorization.starts_with("Bearer ")) {
      return "token " + std::to_string(std::hash<std::string_view>{}(authorization));
    }
    if (auto s = sessions_->find(req, now_seconds()); s && s->user_id) return "user " + std::to_string(*s->user_id);
    return "address " + req.client_address;
  };
}

http::App Web::app() {
  return [this](http::Request& req) {
    auto m = router_.match(req.method, req.path);
    if (m.route) {
      req.matched = m.route;
      req.route = m.route->pattern;
      req.params = std::move(m.params);
    }
    req.allow = std::move(m.allow);
    return pipeline_(req);
  };
}

http::ErrorResponder Web::error_responder() {
  return [this](http::Request& req, http::Status status) {
    return errors_->respond(req, status, std::string(http::reason(status)));
  };
}

}  // namespace cchc::app
