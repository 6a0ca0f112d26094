#include "app/cli_support.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/dates.h"
#include "core/errors.h"
#include "db/migrate.h"
#include "portal/store.h"

namespace cchc::app {

std::string DbOption::default_spec() {
  const char* env = std::getenv("CCHC_DB");
  return env && *env ? env : "var/cchc.db";
}

void DbOption::add_to(CLI::App& cmd) {
  cmd.add_option("--db", spec,
                 "SQLite file path, or postgresql://user:pass@host:port/dbname "
                 "(default: $CCHC_DB or var/cchc.db)");
}

void setup_logging() {
  if (!spdlog::get("access")) {
    auto access = spdlog::stdout_logger_mt("access");
    access->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %v");
  }
  set_access_log(true);
  spdlog::set_default_logger(spdlog::stderr_logger_mt("cchc"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e%z [%l] %v");
}

void set_access_log(bool on) { spdlog::get("access")->set_level(on ? spdlog::level::info : spdlog::level::off); }

void refresh_derived(db::Database& db) {
  auto n = db.write([](db::Connection& c) { return portal::refresh_search_index(c, now_seconds()); });
  if (n > 0) spdlog::info("indexed {} portal item(s) again for search", n);
}

std::unique_ptr<db::Database> open_migrated(const std::string& spec) {
  auto db = db::open(spec);
  auto applied = db::migrate(*db);
  for (int v : applied) spdlog::info("applied migration {}", v);
  refresh_derived(*db);
  return db;
}

audit::Entry cli_actor() {
  const char* user = std::getenv("USER");
  return audit::Entry{std::string("cli:") + (user && *user ? user : "unknown"), "cli", "", "", "", {}, {}};
}

std::string read_file(const std::string& path) {
  std::error_code ignored;
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path, ignored)) throw invalid_input("cannot read " + path);
  // A regular file is read straight into one string of its size: a
  // stream's buffer doubling and its final copy touched three times a large
  // import's bytes in fresh memory. Anything else (a pipe) goes through a
  // stream.
  if (std::filesystem::is_regular_file(path, ignored) && in.seekg(0, std::ios::end)) {
    const std::streamoff size = in.tellg();
    std::string text(static_cast<std::size_t>(std::max<std::streamoff>(size, 0)), '\0');
    if (!in.seekg(0) || !in.read(text.data(), size)) throw invalid_input("cannot read " + path);
    return text;
  }
  in.clear();
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace cchc::app
