#pragma once
// Files under one root directory, served with a strong ETag (size and
// modification time), 304 for a matching If-None-Match, Cache-Control, and a
// gzip copy made once per file version for clients that accept it. Files
// are cached in memory, sent from that memory without a copy
// (Response::share_body), and re-read when their size or time changes.
// Paths with "..", hidden segments or no file behind them are 404.
#include <filesystem>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "http/message.h"

namespace cchc::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root, std::string cache_control = "public, max-age=3600");
  // Throws not_found.
  Response serve(const Request& req, std::string_view relative_path);
  static std::string content_type_for(std::string_view path);

 private:
  struct Entry {
    std::int64_t mtime_ns;
    std::int64_t size;
    std::shared_ptr<const std::string> body, gzipped;  // gzipped: null when not worth it
    std::string etag, type;
  };
  std::shared_ptr<const Entry> load(const std::string& rel);

  std::filesystem::path root_;
  std::string cache_control_;
  std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Entry>> cache_;
};

}  // namespace cchc::http
