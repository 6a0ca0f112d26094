#pragma once
// The composition root of the web side: opens nothing itself, but wires the
// database, templates, middleware, the error mapper and every capability's
// routes into one App for http::Server.
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "db/database.h"
#include "feedback/routes.h"
#include "http/error_mapper.h"
#include "http/metrics.h"
#include "http/page_cache.h"
#include "http/router.h"
#include "http/server.h"
#include "http/session.h"
#include "jobs/runner.h"
#include "portal/routes.h"
#include "portal/view_counter.h"
#include "views/layout.h"
#include "views/pdf.h"
#include "views/renderer.h"

namespace cchc::app {

struct WebConfig {
  std::filesystem::path templates_dir = "templates";
  std::filesystem::path static_dir = "static";
  bool https = false;  // served behind HTTPS: secure cookies and HSTS
  // The site's public address for feeds, the sitemap and Open Graph tags;
  // empty: the address the server listens on (set_base_url).
  std::string base_url;
  // Where citizens' acknowledgements are mailed from (core/mail.h); empty:
  // none is queued ($CCHC_SMTP_URL, $CCHC_MAIL_FROM).
  std::string smtp_url;
  std::string mail_from = "cchc@localhost";
  // The public feedback form's proof of work in zero bits, 0-24
  // ($CCHC_FEEDBACK_POW_BITS); 0: none, the form works without JavaScript.
  int feedback_proof_bits = 0;
  // A bearer token that may read /metrics from anywhere ($CCHC_METRICS_TOKEN);
  // empty: only from this machine.
  std::string metrics_token;
  // Worker threads for background jobs (jobs/runner.h), 0 to
  // jobs::kMaxWorkers; 0: this process runs none (another process on the
  // database does), its pages still enqueue and show them.
  int job_workers = 1;
};

class Web {
 public:
  Web(db::Database& db, WebConfig config);

  // The request pipeline for the server.
  http::App app();
  http::ErrorResponder error_responder();
  // Whose share of the server's heavy work a request is
  // (ServerConfig::client_of): the signed-in user, whichever session; an API
  // token; else the client address.
  std::function<std::string(const http::Request&)> client_of();
  std::shared_ptr<http::Metrics> metrics() const { return metrics_; }
  const http::Router& router() const { return router_; }
  const views::Layout& layout() const { return *layout_; }
  http::SessionStore& sessions() { return *sessions_; }
  db::Database& db() { return db_; }
  // The portal's public address, once known ("http://127.0.0.1:8080"). Set
  // before the server runs; a job worker (started earlier) reads it through
  // base_url_copy, under the same lock.
  void set_base_url(std::string url) {
    std::lock_guard lock(base_url_mutex_);
    *base_url_ = std::move(url);
  }
  const std::string& base_url() const { return *base_url_; }
  std::string base_url_copy() const {
    std::lock_guard lock(base_url_mutex_);
    return *base_url_;
  }
  // Public pages served from memory (http/page_cache.h).
  http::PageCache& pages() { return *pages_; }
  // Signed-in pages served from memory, per session (http/page_cache.h):
  // the work list, the indicator dashboards, plans and the province view.
  http::PageCache& signed_in_pages() { return *signed_in_pages_; }

 private:
  http::Response dispatch(http::Request& req);

  db::Database& db_;
  WebConfig config_;
  std::shared_ptr<http::Metrics> metrics_;
  std::unique_ptr<views::CtemplateRenderer> renderer_;
  std::unique_ptr<views::Layout> layout_;
  std::unique_ptr<http::SessionStore> sessions_;
  std::unique_ptr<http::ErrorMapper> errors_;
  std::shared_ptr<std::string> base_url_;
  mutable std::mutex base_url_mutex_;
  std::unique_ptr<http::PageCache> pages_;
  std::unique_ptr<http::PageCache> signed_in_pages_;
  std::unique_ptr<portal::ViewCounter> views_;
  std::unique_ptr<portal::Portal> portal_;
  std::unique_ptr<feedback::Module> feedback_;
  std::unique_ptr<views::PdfConverter> pdf_;  // the PDF of any DOCX a page offers (app/pdf_jobs.h)
  http::Router router_;
  http::Next pipeline_;
  // Last, so that it stops first: its handlers use what is above.
  std::unique_ptr<jobs::Runner> jobs_;
};

// The province's display name from the settings table (a default when unset).
std::string province_name(db::Database& db);

}  // namespace cchc::app
