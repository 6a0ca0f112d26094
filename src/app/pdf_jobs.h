#pragma once
// Every Word document a page answers with is also offered as PDF
// (docs/ARCHITECTURE.md, "PDF"): the same URL with ?pdf=1. The route runs
// as it would for the DOCX, its own permission checks included. A GET
// never queues work: it leads to the PDF made before, or to the job still
// making it, or else to a page whose button (a POST, CSRF-checked) hands
// the DOCX to a background job ("exports.pdf", jobs/model.h) that
// LibreOffice converts on a job worker; the person then follows the job's
// page, which offers the PDF once made. One job per document and person:
// the same document asked for again is the job made before (while it is
// kept, jobs::kFinishedLife) or the one still running.
//
//   GET  /ke-hoach/…/bao-cao-ky?dinh-dang=docx&pdf=1
//     → 303 /cong-viec/{id}/ket-qua    (made before: the PDF itself)
//     → 303 /cong-viec/{id}            (being made: its progress)
//     → 200 the page with the button
//   POST /cong-viec/tao-pdf  nguon=/ke-hoach/…/bao-cao-ky?dinh-dang=docx
//     → 303 /cong-viec/{id}
//
// Refused: LibreOffice missing (503), a DOCX over kMaxPdfSource (413), a
// `nguon` that is not a page of this site (400) or gives no DOCX (400; the
// route's own refusal as it is), a sixth PDF waiting for one person (429),
// an API token's request (400: the DOCX is what it gets).
#include <cstddef>
#include <string_view>

#include "db/database.h"
#include "http/router.h"
#include "http/server.h"
#include "jobs/runner.h"
#include "views/layout.h"
#include "views/pdf.h"

namespace cchc::app {

inline constexpr std::string_view kPdfJob = "exports.pdf";
// The largest DOCX converted: it travels in the job's params as base64.
inline constexpr std::size_t kMaxPdfSource = 8u << 20;
// The most PDFs one person may have waiting to be made: one more is
// refused (busy, 429) until one is made.
inline constexpr int kMaxPdfPerPerson = 5;

// The job's handler: the DOCX of its params to PDF, left for download.
void add_pdf_jobs(jobs::Handlers& handlers, views::PdfConverter& converter);

// What the PDF variant works with. `app` is the whole request pipeline
// (Web::app): the POST runs the document's GET through it, as its sender.
struct PdfPages {
  db::Database& db;
  views::Layout& layout;
  const views::PdfConverter& converter;
  http::App app;
};

// POST /cong-viec/tao-pdf ("signed_in").
void add_pdf_routes(http::Router& router, std::shared_ptr<PdfPages> pages);
// The middleware that answers ?pdf=1 on a GET whose route gives a DOCX;
// any other request passes through untouched.
http::Middleware pdf_variant(std::shared_ptr<PdfPages> pages);

}  // namespace cchc::app
