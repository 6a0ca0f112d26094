#include "http/static_files.h"

#include <fmt/format.h>

#include <sys/stat.h>

#include <fstream>
#include <mutex>
#include <sstream>

#include "core/errors.h"
#include "http/compression.h"

namespace cchc::http {

namespace fs = std::filesystem;

StaticFiles::StaticFiles(fs::path root, std::string cache_control)
    : root_(std::move(root)), cache_control_(std::move(cache_control)) {}

std::string StaticFiles::content_type_for(std::string_view path) {
  static const std::pair<std::string_view, std::string_view> types[] = {{".css", "text/css; charset=utf-8"},
                                                                        {".js", "text/javascript; charset=utf-8"},
                                                                        {".html", "text/html; charset=utf-8"},
                                                                        {".txt", "text/plain; charset=utf-8"},
                                                                        {".json", "application/json"},
                                                                        {".svg", "image/svg+xml"},
                                                                        {".png", "image/png"},
                                                                        {".ico", "image/x-icon"},
                                                                        {".woff2", "font/woff2"},
                                                                        {".pdf", "application/pdf"}};
  for (auto [ext, type] : types) {
    if (path.ends_with(ext)) return std::string(type);
  }
  return "application/octet-stream";
}

std::shared_ptr<const StaticFiles::Entry> StaticFiles::load(const std::string& rel) {
  // One stat() a request, as nginx does without open_file_cache.
  fs::path file = root_ / rel;
  struct stat st;
  if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) throw not_found("no static file " + rel);
  std::int64_t mtime_ns = std::int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  {
    std::shared_lock lock(mutex_);
    auto it = cache_.find(rel);
    if (it != cache_.end() && it->second->mtime_ns == mtime_ns && it->second->size == st.st_size) {
      return it->second;
    }
  }
  auto entry = std::make_shared<Entry>();
  std::ifstream in(file, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  entry->body = std::make_shared<const std::string>(buf.str());
  entry->mtime_ns = mtime_ns;
  entry->size = st.st_size;
  entry->type = content_type_for(rel);
  entry->etag = fmt::format("\"{:x}-{:x}\"", st.st_size, mtime_ns);
  if (is_compressible(entry->type) && entry->body->size() > 256) {
    entry->gzipped = std::make_shared<const std::string>(gzip(*entry->body));
  }
  std::unique_lock lock(mutex_);
  cache_[rel] = entry;
  return entry;
}

Response StaticFiles::serve(const Request& req, std::string_view relative_path) {
  std::string rel(relative_path);
  size_t start = 0;
  while (start <= rel.size()) {
    size_t end = rel.find('/', start);
    std::string_view seg =
        std::string_view(rel).substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (seg.empty() || seg.front() == '.') throw not_found("hidden or empty path segment");
    if (end == std::string::npos) break;
    start = end + 1;
  }
  auto entry = load(rel);
  Response res{Status::ok, req.version};
  res.set(field::etag, entry->etag);
  res.set(field::cache_control, cache_control_);
  res.set(field::vary, "Accept-Encoding");
  if (etag_listed(req.header(field::if_none_match), entry->etag)) {
    res.result(Status::not_modified);
    return res;
  }
  res.set(field::content_type, entry->type);
  if (entry->gzipped && accepts_gzip(req.header(field::accept_encoding))) {
    res.set(field::content_encoding, "gzip");
    res.share_body(entry->gzipped);
  } else {
    res.share_body(entry->body);
  }
  res.prepare_payload();
  return res;
}

}  // namespace cchc::http
