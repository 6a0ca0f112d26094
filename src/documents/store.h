#pragma once
// Documents read through the review page: the original kept, the text and
// reading stored, what was made of them (docs/documents.md). Every write is
// audited as `who` and runs in the caller's transaction; record_outcome has
// a db::Database& form that opens one.
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "db/database.h"

namespace cchc::documents {

struct Upload {
  std::string id;  // random, 32 hex
  std::string name, content_type;
  std::int64_t size = 0;
  std::string bytes;          // the original
  std::string text, reading;  // the text read; the reading as JSON ("" until read)
  std::string unit_code, uploaded_by;
  Instant uploaded_at{};
  std::string library_href, plan_href;
};

// Keeps an upload (its id made here) against the uploader's unit's quota.
std::string save_upload(db::Connection& c, Upload u, const audit::Entry& who, Instant now);
// Stores the text and reading of an upload kept unread (a scan read by a
// background job, documents/reading.h); false when it has one already.
bool save_reading(db::Connection& c, const std::string& id, const std::string& text, const std::string& reading,
                  const audit::Entry& who, Instant now);
std::optional<Upload> find_upload(db::Connection& c, const std::string& id);
// The newest of these units' uploads, without their bytes, text and reading.
std::vector<Upload> recent_uploads(db::Connection& c, const std::string& unit_code, int limit);
// Records what was made of an upload: "library" or "plan" and its link.
void record_outcome(db::Connection& c, const std::string& id, const std::string& what, const std::string& href,
                    const audit::Entry& who, Instant now);
void record_outcome(db::Database& db, const std::string& id, const std::string& what, const std::string& href,
                    const audit::Entry& who, Instant now);

}  // namespace cchc::documents
