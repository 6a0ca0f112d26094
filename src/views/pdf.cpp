#include "views/pdf.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/secrets.h"
#include "core/text.h"

extern char** environ;

namespace cchc::views {

namespace fs = std::filesystem;

namespace {

std::string find_soffice() {
  for (const char* p : {"/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice", "/usr/local/bin/soffice"}) {
    if (::access(p, X_OK) == 0) return p;
  }
  return "";
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

PdfConverter::PdfConverter(std::string soffice) : soffice_(soffice.empty() ? find_soffice() : std::move(soffice)) {
  // Its own LibreOffice profile, so a desktop session's never locks it.
  profile_ = (fs::temp_directory_path() / ("cchc-lo-" + text::random_hex(8))).string();
  if (available()) worker_ = std::jthread([this](std::stop_token stop) { work(stop); });
}

PdfConverter::~PdfConverter() {
  if (worker_.joinable()) {
    worker_.request_stop();
    wake_.notify_all();
    worker_.join();
  }
  std::error_code ec;
  fs::remove_all(profile_, ec);
}

PdfConverter::Result PdfConverter::request(const std::string& docx) {
  if (!available()) return {State::unavailable, {}};
  auto key = sha256_hex(docx);
  std::lock_guard lock(mutex_);
  for (auto it = cache_.begin(); it != cache_.end(); ++it) {
    if (it->first == key) {
      cache_.splice(cache_.begin(), cache_, it);  // most recent first
      return {State::ready, cache_.front().second};
    }
  }
  if (pending_.count(key)) return {State::pending, {}};
  if (failed_.erase(key)) return {State::failed, {}};
  if (queue_.size() >= kQueued) return {State::busy, {}};
  queue_.emplace_back(key, docx);
  pending_[key] = true;
  wake_.notify_one();
  return {State::pending, {}};
}

void PdfConverter::work(std::stop_token stop) {
  while (!stop.stop_requested()) {
    std::pair<std::string, std::string> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, stop, [this] { return !queue_.empty(); });
      if (stop.stop_requested()) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    auto pdf = convert(job.second);
    std::lock_guard lock(mutex_);
    pending_.erase(job.first);
    if (pdf.empty()) {
      if (failed_.size() > 64) failed_.clear();
      failed_[job.first] = true;
      continue;
    }
    cached_bytes_ += pdf.size();
    cache_.emplace_front(job.first, std::move(pdf));
    while (!cache_.empty() && (cache_.size() > kCached || cached_bytes_ > kCachedBytes)) {
      cached_bytes_ -= cache_.back().second.size();
      cache_.pop_back();
    }
  }
}

std::string PdfConverter::convert(const std::string& docx) const {
  if (!available()) return "";
  std::error_code ec;
  fs::path dir = fs::temp_directory_path() / ("cchc-pdf-" + text::random_hex(8));
  fs::create_directories(dir, ec);
  if (ec) return "";
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      std::error_code e;
      fs::remove_all(dir, e);
    }
  } cleanup{dir};
  {
    std::ofstream out(dir / "in.docx", std::ios::binary);
    out.write(docx.data(), std::streamsize(docx.size()));
    if (!out) return "";
  }
  std::vector<std::string> args = {soffice_,
                                   "-env:UserInstallation=file://" + profile_,
                                   "--headless",
                                   "--norestore",
                                   "--nolockcheck",
                                   "--nologo",
                                   "--convert-to",
                                   "pdf:writer_pdf_Export",
                                   "--outdir",
                                   dir.string(),
                                   (dir / "in.docx").string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, soffice_.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return "";
  auto deadline = std::chrono::steady_clock::now() + kTimeout;
  int status = 0;
  while (true) {
    pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 || std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return "";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return "";
  auto pdf = read_file(dir / "in.pdf");
  return pdf.starts_with("%PDF-") ? pdf : "";
}

}  // namespace cchc::views
