#include "views/pdf.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

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
}

PdfConverter::~PdfConverter() {
  std::error_code ec;
  fs::remove_all(profile_, ec);
}

std::string PdfConverter::convert(const std::string& docx) {
  if (!available()) return "";
  const std::lock_guard one_at_a_time(converting_);
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
