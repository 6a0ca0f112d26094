#pragma once
// PDF of the Word documents cchc writes (docs/ARCHITECTURE.md, "PDF"):
// converted by LibreOffice headless (Debian's libreoffice-writer-nogui) in
// the calling thread, a background job's (app/pdf_jobs.h), never a
// request's. One conversion at a time per converter (they share its
// LibreOffice profile); kTimeout each, then the process is killed.
#include <chrono>
#include <mutex>
#include <string>

namespace cchc::views {

class PdfConverter {
 public:
  static constexpr std::chrono::seconds kTimeout{120};

  // `soffice`: the LibreOffice binary; "" finds it in the usual places.
  explicit PdfConverter(std::string soffice = "");
  ~PdfConverter();
  PdfConverter(const PdfConverter&) = delete;
  PdfConverter& operator=(const PdfConverter&) = delete;

  bool available() const { return !soffice_.empty(); }

  // The PDF bytes of `docx`, or "" when LibreOffice is missing, failed or
  // ran out of time. Waits for a conversion already running.
  std::string convert(const std::string& docx);

 private:
  std::string soffice_, profile_;
  std::mutex converting_;
};

}  // namespace cchc::views
