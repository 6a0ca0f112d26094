#pragma once
// PDF of the Word documents cchc writes (docs/ARCHITECTURE.md, "PDF"):
// converted by LibreOffice headless (Debian's libreoffice-writer-nogui) on
// one background thread, never on a request's thread. A request asks for
// the PDF of a DOCX and gets it when converted (cached by the DOCX's
// SHA-256), or learns it is being made (ask again) or that the queue is
// full. Bounded: at most kQueued waiting, kCached kept (and kCachedBytes),
// kTimeout per conversion (then the process is killed).
#include <chrono>
#include <condition_variable>
#include <deque>
#include <list>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace cchc::views {

class PdfConverter {
 public:
  static constexpr std::size_t kQueued = 8, kCached = 32, kCachedBytes = 128u << 20;
  static constexpr std::chrono::seconds kTimeout{120};

  // `soffice`: the LibreOffice binary; "" finds it in the usual places.
  explicit PdfConverter(std::string soffice = "");
  ~PdfConverter();
  PdfConverter(const PdfConverter&) = delete;
  PdfConverter& operator=(const PdfConverter&) = delete;

  bool available() const { return !soffice_.empty(); }

  enum class State { ready, pending, busy, failed, unavailable };
  struct Result {
    State state;
    std::string pdf;  // ready
  };
  // The PDF of `docx`: ready from the cache, else queued (pending), or busy
  // when the queue is full; failed when this document's conversion failed
  // (it is tried again on a later request).
  Result request(const std::string& docx);

  // Converts in the calling thread (for the worker, and for tests): the PDF
  // bytes, or "" on failure or timeout.
  std::string convert(const std::string& docx) const;

 private:
  void work(std::stop_token stop);

  std::string soffice_, profile_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::deque<std::pair<std::string, std::string>> queue_;  // key, docx
  std::map<std::string, bool> pending_;                    // key → queued or converting
  std::map<std::string, bool> failed_;
  std::list<std::pair<std::string, std::string>> cache_;  // key, pdf; most recent first
  std::size_t cached_bytes_ = 0;
  std::jthread worker_;
};

}  // namespace cchc::views
