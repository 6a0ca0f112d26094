// `cchc serve`: the web UI and the API, until a signal stops it.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "app/cli_groups.h"
#include "app/daily.h"
#include "app/housekeeping.h"
#include "app/web.h"
#include "core/dates.h"
#include "core/errors.h"
#include "core/parse.h"
#include "feedback/store.h"
#include "http/server.h"
#include "jobs/runner.h"

namespace cchc::app {

namespace {

struct ServeOptions {
  http::ServerConfig server;
  WebConfig web;
  bool no_access_log = false;
  std::string daily = "on";  // on: this process schedules the daily work (app/daily.h)
};

void add_server_options(CLI::App& cmd, http::ServerConfig& server) {
  cmd.add_option("--host", server.host, "Address to listen on")->capture_default_str();
  cmd.add_option("--port", server.port, "Port to listen on (0: any free port)")->capture_default_str();
  cmd.add_option("--threads", server.threads, "I/O threads (0: one per core)")->capture_default_str();
  cmd.add_option("--work-threads", server.work_threads,
                 "Threads for requests that parse files or documents (0: one per core, at least 2)")
      ->capture_default_str();
  cmd.add_option("--max-heavy-per-client", server.max_heavy_per_client,
                 "Most requests with files or documents one user (or address) may have waiting or running at once")
      ->capture_default_str();
}

void add_limit_options(CLI::App& cmd, http::ServerConfig& server) {
  cmd.add_option("--max-header-bytes", server.header_limit, "Largest request header accepted (larger: 431)")
      ->capture_default_str();
  cmd.add_option("--max-body-bytes", server.body_limit, "Largest request body accepted (larger: 413)")
      ->capture_default_str();
  cmd.add_option("--max-connections", server.max_connections,
                 "Most client connections open at once (0: the descriptor limit less a reserve)")
      ->capture_default_str();
  cmd.add_option("--max-connections-per-client", server.max_connections_per_client,
                 "Most connections open at once from one client address (trusted proxies excepted)")
      ->capture_default_str();
  cmd.add_option("--trusted-proxy", server.trusted_proxies,
                 "Address or network (10.0.0.0/8) of a reverse proxy in front of the server (repeatable; "
                 "default: loopback): the client address is read from its X-Forwarded-For, and the per-client "
                 "connection cap does not apply to it")
      ->capture_default_str();
}

// The web settings the environment gives: $CCHC_BASE_URL, $CCHC_SMTP_URL,
// $CCHC_MAIL_FROM, $CCHC_METRICS_TOKEN. Read while the command line is being
// set up (the options override them), so nothing here may refuse: a bad
// value would stop every command, `cchc --version` included.
void read_web_environment(WebConfig& web) {
  web.base_url = std::getenv("CCHC_BASE_URL") ? std::getenv("CCHC_BASE_URL") : "";
  web.smtp_url = std::getenv("CCHC_SMTP_URL") ? std::getenv("CCHC_SMTP_URL") : "";
  if (std::getenv("CCHC_MAIL_FROM")) web.mail_from = std::getenv("CCHC_MAIL_FROM");
  if (const char* token = std::getenv("CCHC_METRICS_TOKEN")) web.metrics_token = token;
}

// $CCHC_FEEDBACK_POW_BITS, read when `serve` runs: 0-24, else invalid_input.
void read_proof_bits(WebConfig& web) {
  if (const char* bits = std::getenv("CCHC_FEEDBACK_POW_BITS")) {
    auto n = parse_int<int>(bits);
    if (!n || *n < 0 || *n > 24) throw invalid_input("CCHC_FEEDBACK_POW_BITS must be a whole number from 0 to 24");
    web.feedback_proof_bits = *n;
  }
}

// Citizens' acknowledgements go out from a thread of their own, never from
// the I/O threads: every five seconds, what the pages queued, until `stop`.
void mail_acknowledgements(std::stop_token stop, db::Database& db, const WebConfig& config, const Web& web) {
  while (!stop.stop_requested()) {
    try {
      feedback::send_acknowledgements(db, config.smtp_url, config.mail_from, web.base_url(), now_seconds());
    } catch (const std::exception& e) {
      spdlog::warn("acknowledgements not sent: {}", e.what());
    }
    for (int i = 0; i < 50 && !stop.stop_requested(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

// This process as the daily runs name their claimant: host and pid.
std::string process_name() {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  return fmt::format("{}:{}", host, ::getpid());
}

int serve(const std::string& db_spec, http::ServerConfig server_config, WebConfig web_config, bool daily) {
  auto db = open_migrated(db_spec);
  Web web(*db, web_config);
  server_config.limits_of = [&web](http::Verb method, std::string_view target) {
    return web.router().limits_of(method, target);
  };
  server_config.client_of = web.client_of();
  http::Server server(server_config, web.app(), web.error_responder(), web.metrics());
  Housekeeper housekeeper(*db, web.sessions(), std::chrono::minutes(10));
  server.listen();
  server.stop_on_signals();
  if (web_config.base_url.empty()) web.set_base_url(fmt::format("http://{}:{}", server_config.host, server.port()));
  spdlog::info("cchc {} serving http://{}:{} with {}", CCHC_VERSION, server_config.host, server.port(), db->describe());
  std::cout << fmt::format("cchc listening on http://{}:{}", server_config.host, server.port()) << std::endl;
  std::jthread mailer;
  if (!web_config.smtp_url.empty()) {
    mailer = std::jthread(mail_acknowledgements, std::ref(*db), std::cref(web_config), std::cref(web));
  }
  std::optional<DailyScheduler> scheduler;
  if (daily) scheduler.emplace(*db, process_name());
  server.run();
  spdlog::info("cchc stopped");
  return 0;
}

std::optional<int> run_serve(ServeOptions& o, const std::string& db_spec) {
  set_access_log(!o.no_access_log);
  o.server.access_log = !o.no_access_log;
  read_proof_bits(o.web);
  return serve(db_spec, o.server, o.web, o.daily == "on");
}

}  // namespace

CommandRun add_serve_command(CLI::App& cmd, DbOption& db) {
  auto o = std::make_shared<ServeOptions>();
  db.add_to(cmd);
  add_server_options(cmd, o->server);
  cmd.add_option("--templates", o->web.templates_dir, "Template directory")->capture_default_str();
  cmd.add_option("--static", o->web.static_dir, "Static file directory")->capture_default_str();
  add_limit_options(cmd, o->server);
  cmd.add_flag("--https", o->web.https, "Served behind HTTPS (a TLS proxy): secure cookies and HSTS");
  read_web_environment(o->web);
  cmd.add_option("--base-url", o->web.base_url,
                 "The site's public address for feeds, the sitemap and Open Graph tags "
                 "(default: $CCHC_BASE_URL, else the address it listens on)");
  cmd.add_flag("--no-access-log", o->no_access_log, "Do not write the access log");
  cmd.add_option("--job-workers", o->web.job_workers,
                 "Threads running background jobs (imports), apart from the I/O and work threads (0: none in this "
                 "process; another process on the database runs them)")
      ->check(CLI::Range(0, jobs::kMaxWorkers))
      ->capture_default_str();
  cmd.add_option("--daily", o->daily,
                 "on: run the day's reminders and digests at the time set on /quan-tri/lich-chay, once a day across "
                 "every process on the database; off: not from this process ($CCHC_DAILY)")
      ->check(CLI::IsMember({"on", "off"}))
      ->envname("CCHC_DAILY")
      ->capture_default_str();
  return [o](const std::string& db_spec) { return run_serve(*o, db_spec); };
}

}  // namespace cchc::app
