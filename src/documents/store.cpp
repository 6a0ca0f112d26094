#include "documents/store.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/text.h"
#include "db/columns.h"
#include "directory/storage.h"

namespace cchc::documents {

namespace {

// An upload without its bytes, text and reading (find_upload reads those).
const db::Columns<Upload> kUploadRow{
    {"id", &Upload::id},
    {"name", &Upload::name},
    {"content_type", &Upload::content_type},
    {"size", &Upload::size},
    {"unit_code", &Upload::unit_code},
    {"uploaded_by", &Upload::uploaded_by},
    {"uploaded_at", &Upload::uploaded_at},
    {"library_href", &Upload::library_href},
    {"plan_href", &Upload::plan_href},
};

}  // namespace

std::string save_upload(db::Connection& c, Upload u, const audit::Entry& who, Instant now) {
  u.id = text::random_hex(16);
  directory::make_room(c, who.actor, u.bytes.size());
  c.query(
      "INSERT INTO document_uploads (id, name, content_type, size, content, text, reading, unit_code, uploaded_by, "
      "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {u.id, u.name, u.content_type, std::int64_t(u.bytes.size()), text::base64(u.bytes), u.text, u.reading,
       u.unit_code, who.actor, now});
  audit::record(c, who, "upload", "document_uploads", u.id, std::nullopt,
                nlohmann::json{{"name", u.name}, {"size", u.bytes.size()}}.dump(), now);
  return u.id;
}

bool save_reading(db::Connection& c, const std::string& id, const std::string& text, const std::string& reading,
                  const audit::Entry& who, Instant now) {
  auto changed =
      c.query("UPDATE document_uploads SET text = ?, reading = ? WHERE id = ? AND reading = ''", {text, reading, id});
  if (changed.affected == 0) return false;
  audit::record(c, who, "read", "document_uploads", id, std::nullopt,
                nlohmann::json{{"characters", text.size()}}.dump(), now);
  return true;
}

std::optional<Upload> find_upload(db::Connection& c, const std::string& id) {
  auto rows = c.query(
      fmt::format("SELECT {}, content, text, reading FROM document_uploads WHERE id = ?", kUploadRow.list()), {id});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.one();
  auto u = kUploadRow.read(r);
  auto bytes = text::unbase64(r.str("content"));
  if (!bytes) throw Error(ErrorKind::internal, "stored document is not base64");
  u.bytes = std::move(*bytes);
  u.text = r.str("text");
  u.reading = r.str("reading");
  return u;
}

std::vector<Upload> recent_uploads(db::Connection& c, const std::string& unit_code, int limit) {
  return kUploadRow.read_all(
      c.query(fmt::format("SELECT {} FROM document_uploads WHERE unit_code = ? ORDER BY uploaded_at DESC LIMIT ?",
                          kUploadRow.list()),
              {unit_code, limit}));
}

void record_outcome(db::Connection& c, const std::string& id, const std::string& what, const std::string& href,
                    const audit::Entry& who, Instant now) {
  c.query(what == "plan" ? "UPDATE document_uploads SET plan_href = ? WHERE id = ?"
                         : "UPDATE document_uploads SET library_href = ? WHERE id = ?",
          {href, id});
  audit::record(c, who, "accept", "document_uploads", id, std::nullopt, nlohmann::json{{what, href}}.dump(), now);
}

void record_outcome(db::Database& db, const std::string& id, const std::string& what, const std::string& href,
                    const audit::Entry& who, Instant now) {
  db.write([&](db::Connection& c) { record_outcome(c, id, what, href, who, now); });
}

}  // namespace cchc::documents
