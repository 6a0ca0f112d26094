#pragma once
// Reading an uploaded document in a background job ("documents.read",
// docs/documents.md, "Scans and photos"): a PDF or an image is kept unread
// by the page (store.h: save_upload, its text and reading empty) and a job
// enqueued in the same transaction; a job worker gets its text
// (ocr.h: text_with_ocr, a page at a time, progress per page), reads it
// against today's units and stores the reading (save_reading). A second
// run after a worker died finds the reading stored and stops.
#include <string>
#include <vector>

#include "db/database.h"
#include "documents/reader.h"
#include "documents/store.h"
#include "jobs/model.h"
#include "jobs/runner.h"

namespace cchc::documents {

inline constexpr const char* kReadJob = "documents.read";
// The most documents one person may have waiting to be read: one more is
// refused (busy, 429) until one is read, so no one fills the queue.
inline constexpr int kMaxReadingPerPerson = 5;

// The units a reading matches names against: every open unit.
std::vector<KnownUnit> open_known_units(db::Database& db);

// The job that reads upload `id` (named `name`) for `username`; its key is
// the upload, so one job reads it.
jobs::NewJob read_job(const std::string& id, const std::string& name, const std::string& username,
                      const std::string& unit_code, const std::string& address);
// The key of an upload's reading job (jobs::NewJob::dedupe_key).
std::string read_job_key(const std::string& id);

void add_jobs(jobs::Handlers& handlers, db::Database& db);

}  // namespace cchc::documents
