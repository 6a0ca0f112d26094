#include "documents/store.h"

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/text.h"
#include "directory/storage.h"

namespace cchc::documents {

std::string save_upload(db::Database& db, Upload u, const audit::Entry& who, Instant now) {
  u.id = text::random_hex(16);
  db.write([&](db::Connection& c) {
    directory::make_room(c, who.actor, u.bytes.size());
    c.query(
        "INSERT INTO document_uploads (id, name, content_type, size, content, text, reading, unit_code, uploaded_by, "
        "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {u.id, u.name, u.content_type, std::int64_t(u.bytes.size()), text::base64(u.bytes), u.text, u.reading,
         u.unit_code, who.actor, now});
    audit::record(c, who, "upload", "document_uploads", u.id, std::nullopt,
                  nlohmann::json{{"name", u.name}, {"size", u.bytes.size()}}.dump(), now);
  });
  return u.id;
}

namespace {
Upload upload_of(const db::Row& r, bool with_bytes) {
  Upload u;
  u.id = r.str("id");
  u.name = r.str("name");
  u.content_type = r.str("content_type");
  u.size = r.i64("size");
  if (with_bytes) {
    auto bytes = text::unbase64(r.str("content"));
    if (!bytes) throw Error(ErrorKind::internal, "stored document is not base64");
    u.bytes = std::move(*bytes);
    u.text = r.str("text");
    u.reading = r.str("reading");
  }
  u.unit_code = r.str("unit_code");
  u.uploaded_by = r.str("uploaded_by");
  u.uploaded_at = r.instant("uploaded_at");
  u.library_href = r.str("library_href");
  u.plan_href = r.str("plan_href");
  return u;
}
}  // namespace

std::optional<Upload> find_upload(db::Connection& c, const std::string& id) {
  auto rows = c.query("SELECT * FROM document_uploads WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return upload_of(rows.one(), true);
}

std::vector<Upload> recent_uploads(db::Connection& c, const std::string& unit_code, int limit) {
  std::vector<Upload> out;
  for (const auto& r :
       c.query("SELECT id, name, content_type, size, unit_code, uploaded_by, uploaded_at, library_href, "
               "plan_href FROM document_uploads WHERE unit_code = ? ORDER BY uploaded_at DESC LIMIT ?",
               {unit_code, limit})
           .rows) {
    out.push_back(upload_of(r, false));
  }
  return out;
}

void record_outcome(db::Database& db, const std::string& id, const std::string& what, const std::string& href,
                    const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) {
    c.query(what == "plan" ? "UPDATE document_uploads SET plan_href = ? WHERE id = ?"
                           : "UPDATE document_uploads SET library_href = ? WHERE id = ?",
            {href, id});
    audit::record(c, who, "accept", "document_uploads", id, std::nullopt, nlohmann::json{{what, href}}.dump(), now);
  });
}

}  // namespace cchc::documents
