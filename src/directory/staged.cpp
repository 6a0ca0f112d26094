#include "directory/staged.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "core/text.h"
#include "db/columns.h"
#include "directory/storage.h"

namespace cchc::directory {

namespace {

const db::Columns<StagedUpload> kStagedRow{
    {"id", &StagedUpload::id},
    {"purpose", &StagedUpload::purpose},
    {"filename", &StagedUpload::filename},
    {"content",
     [](const db::Row& r, StagedUpload& s) {
       auto bytes = text::unbase64(r.str("content"));
       if (!bytes) throw Error(ErrorKind::internal, "a staged upload is not base64");
       s.content = std::move(*bytes);
     }},
    {"unit_code", &StagedUpload::unit_code},
    {"uploaded_by", &StagedUpload::uploaded_by},
    {"uploaded_at", &StagedUpload::uploaded_at},
};

// Every column of kStagedRow but the content.
const db::Columns<StagedUpload> kStagedHead{
    {"id", &StagedUpload::id},
    {"purpose", &StagedUpload::purpose},
    {"filename", &StagedUpload::filename},
    {"unit_code", &StagedUpload::unit_code},
    {"uploaded_by", &StagedUpload::uploaded_by},
    {"uploaded_at", &StagedUpload::uploaded_at},
};

// The staged upload `id` of `actor`, read through `columns`; invalid_input
// with kStagedGoneVi as staged_upload says.
StagedUpload find_staged(db::Connection& c, const db::Columns<StagedUpload>& columns, std::string_view id,
                         const std::string& purpose, const std::string& actor, const std::string& unit_code,
                         Instant now) {
  auto gone = [&] {
    return invalid_input(fmt::format("no staged upload '{}' of {} for {} (imported, expired or another's)",
                                     text::cut_utf8(id, 64), actor, purpose),
                         kStagedGoneVi);
  };
  if (id.size() != 32 || id.find_first_not_of("0123456789abcdef") != std::string_view::npos) throw gone();
  auto rows =
      c.query(fmt::format("SELECT {} FROM staged_uploads "
                          "WHERE id = ? AND uploaded_by = ? AND unit_code = ? AND purpose = ? AND expires_at > ?",
                          columns.list()),
              {id, actor, unit_code, purpose, now});
  if (rows.empty()) throw gone();
  return columns.read(rows.one());
}

}  // namespace

std::string stage_upload(db::Connection& c, const std::string& purpose, const std::string& filename,
                         std::string_view content, const std::string& actor, const std::string& unit_code,
                         Instant now) {
  purge_staged(c, now);
  auto mine =
      c.query("SELECT id FROM staged_uploads WHERE uploaded_by = ? AND purpose = ? ORDER BY uploaded_at DESC, id DESC",
              {actor, purpose});
  for (std::size_t i = kStagedPerPurpose - 1; i < mine.rows.size(); ++i) {
    c.query("DELETE FROM staged_uploads WHERE id = ?", {mine.rows[i].str("id")});
  }
  make_room(c, actor, content.size());
  auto id = text::random_hex(16);
  c.query(
      "INSERT INTO staged_uploads (id, purpose, filename, size, content, unit_code, uploaded_by, uploaded_at, "
      "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {id, purpose, filename, std::int64_t(content.size()), text::base64(content), unit_code, actor, now,
       Instant(now + kStagedLife)});
  return id;
}

StagedUpload staged_upload(db::Connection& c, std::string_view id, const std::string& purpose, const std::string& actor,
                           const std::string& unit_code, Instant now) {
  return find_staged(c, kStagedRow, id, purpose, actor, unit_code, now);
}

StagedUpload staged_upload_head(db::Connection& c, std::string_view id, const std::string& purpose,
                                const std::string& actor, const std::string& unit_code, Instant now) {
  return find_staged(c, kStagedHead, id, purpose, actor, unit_code, now);
}

std::int64_t purge_staged(db::Connection& c, Instant now) {
  return c.query("DELETE FROM staged_uploads WHERE expires_at <= ?", {now}).affected;
}

bool remove_staged(db::Connection& c, std::string_view id) {
  return c.query("DELETE FROM staged_uploads WHERE id = ?", {id}).affected > 0;
}

}  // namespace cchc::directory
