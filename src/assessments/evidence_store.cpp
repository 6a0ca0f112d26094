// Evidence's SQL: files and documents attached to a unit's criteria (store.h).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "assessments/store.h"
#include "assessments/store_support.h"
#include "core/filetype.h"
#include "core/secrets.h"
#include "core/text.h"
#include "db/columns.h"
#include "directory/storage.h"

namespace cchc::assessments {

using nlohmann::json;

namespace {

// An evidence row (e: assessment_evidence) with its file's name and type
// (f: assessment_files, NULL for a reference). Only `id` is in both tables.
const db::Columns<Evidence> kEvidenceRow{
    {"e.id", [](const db::Row& r, Evidence& e) { e.id = r.i64("id"); }},
    {"file_id", &Evidence::file_id},
    {"reference", &Evidence::reference},
    {"title", &Evidence::title},
    {"doc_date", &Evidence::doc_date},
    {"href", &Evidence::href},
    {"filename", &Evidence::filename},
    {"content_type", &Evidence::content_type},
};

const db::Columns<EvidenceFileBytes> kEvidenceFileRow{
    {"round_id", &EvidenceFileBytes::round_id},
    {"unit_code", &EvidenceFileBytes::unit},
    {"filename", &EvidenceFileBytes::filename},
    {"content_type", &EvidenceFileBytes::content_type},
    {"content", &EvidenceFileBytes::content,
     [](const std::string& stored) {
       auto bytes = text::unbase64(stored);
       if (!bytes) throw Error(ErrorKind::internal, "stored evidence file is not base64");
       return std::move(*bytes);
     }},
};

void check_criteria_list(const CriteriaSet& set, const std::vector<std::string>& criteria) {
  if (criteria.empty()) {
    throw invalid_input("evidence must be attached to at least one criterion",
                        "Cần chọn ít nhất một tiêu chí mà minh chứng đáp ứng.");
  }
  for (const auto& code : criteria) {
    if (!find_leaf(set, code)) {
      throw invalid_input(fmt::format("'{}' is not a scored criterion of the set", code),
                          fmt::format("'{}' không phải tiêu chí được chấm điểm.", code));
    }
  }
}

// Stores the evidence row with its criteria; returns it as stored.
Evidence insert_evidence(db::Connection& c, const UnitStep& step, const std::string& unit, const std::string& file_id,
                         const KnownDocument& doc, const std::vector<std::string>& criteria, const audit::Entry& who,
                         Instant now) {
  auto id =
      c.query(
           "INSERT INTO assessment_evidence (round_id, unit_code, file_id, reference, title, doc_date, href, "
           "added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
           {step.round.id, unit, file_id.empty() ? db::Param(nullptr) : db::Param(file_id), doc.reference, doc.title,
            doc.date ? db::Param(format_iso_date(*doc.date)) : db::Param(nullptr), doc.href, who.actor, now})
          .one()
          .i64("id");
  std::set<std::string> unique(criteria.begin(), criteria.end());
  for (const auto& code : unique) {
    c.query("INSERT INTO evidence_criteria (evidence_id, criterion_code) VALUES (?, ?)", {id, code});
  }
  audit::record(c, who, "create", "assessment_evidence", entity_id(step.round, unit) + "/" + std::to_string(id),
                std::nullopt,
                json{{"file_id", file_id},
                     {"reference", doc.reference},
                     {"title", doc.title},
                     {"criteria", std::vector<std::string>(unique.begin(), unique.end())}}
                    .dump(),
                now);
  touch_participant(c, step.round.id, unit, now);
  for (auto& e : unit_evidence(c, step.round.id, unit)) {
    if (e.id == id) return e;
  }
  throw Error(ErrorKind::internal, "evidence vanished");
}

}  // namespace

std::vector<Evidence> unit_evidence(db::Connection& c, std::int64_t round_id, const std::string& unit) {
  auto out = kEvidenceRow.read_all(
      c.query(fmt::format("SELECT {} FROM assessment_evidence e LEFT JOIN assessment_files f ON f.id = e.file_id "
                          "WHERE e.round_id = ? AND e.unit_code = ? ORDER BY e.id",
                          kEvidenceRow.list()),
              {round_id, unit}));
  std::map<std::int64_t, std::size_t> index;
  for (std::size_t i = 0; i < out.size(); ++i) index[out[i].id] = i;
  for (const auto& r : c.query("SELECT ec.evidence_id, ec.criterion_code FROM evidence_criteria ec "
                               "JOIN assessment_evidence e ON e.id = ec.evidence_id "
                               "WHERE e.round_id = ? AND e.unit_code = ? ORDER BY ec.criterion_code",
                               {round_id, unit})
                           .rows) {
    out[index.at(r.i64("evidence_id"))].criteria.push_back(r.str("criterion_code"));
  }
  return out;
}

Evidence add_file_evidence(db::Connection& c, std::int64_t round_id, const std::string& unit,
                           const std::string& filename, const std::string& bytes,
                           const std::vector<std::string>& criteria, const audit::Entry& who, Instant now) {
  auto accepted = filetype::check(filename, bytes, filetype::evidence_kinds(), 10u << 20);
  auto file_id = text::random_hex(16);
  auto step = unit_step(c, round_id, unit);
  require_draft(step);
  check_criteria_list(step.set, criteria);
  directory::within_files(
      c.query("SELECT COUNT(*) AS n FROM assessment_files WHERE round_id = ? AND unit_code = ?", {round_id, unit})
          .one()
          .i64("n"),
      kMaxEvidenceFiles, "mỗi đơn vị trong một kỳ đánh giá");
  directory::make_room(c, who.actor, bytes.size());
  c.query(
      "INSERT INTO assessment_files (id, round_id, unit_code, filename, content_type, size, sha256, content, "
      "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {file_id, round_id, unit, accepted.name, accepted.content_type, std::int64_t(bytes.size()), sha256_hex(bytes),
       text::base64(bytes), who.actor, now});
  return insert_evidence(c, step, unit, file_id, {"", accepted.name, "/danh-gia/tep/" + file_id, std::nullopt},
                         criteria, who, now);
}

Evidence add_document_evidence(db::Connection& c, std::int64_t round_id, const std::string& unit,
                               const KnownDocument& doc, const std::vector<std::string>& criteria,
                               const audit::Entry& who, Instant now) {
  auto step = unit_step(c, round_id, unit);
  require_draft(step);
  check_criteria_list(step.set, criteria);
  if (!doc.date) {
    throw invalid_input(
        fmt::format("document {} has no date to place in the evidence window", doc.reference),
        fmt::format("Văn bản {} chưa có ngày ban hành nên không xác định được thời gian minh chứng.", doc.reference));
  }
  if (*doc.date < step.round.evidence_from || *doc.date > step.round.evidence_to) {
    throw invalid_input(fmt::format("document {} of {} is outside the evidence window {} to {}", doc.reference,
                                    format_iso_date(*doc.date), format_iso_date(step.round.evidence_from),
                                    format_iso_date(step.round.evidence_to)),
                        fmt::format("Văn bản {} ngày {} nằm ngoài thời gian tính minh chứng ({} - {}).", doc.reference,
                                    format_date_vi(*doc.date), format_date_vi(step.round.evidence_from),
                                    format_date_vi(step.round.evidence_to)));
  }
  return insert_evidence(c, step, unit, "", doc, criteria, who, now);
}

Evidence add_document_evidence(db::Database& db, std::int64_t round_id, const std::string& unit,
                               const KnownDocument& doc, const std::vector<std::string>& criteria,
                               const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return add_document_evidence(c, round_id, unit, doc, criteria, who, now); });
}

void remove_evidence(db::Connection& c, std::int64_t round_id, const std::string& unit, std::int64_t evidence_id,
                     const audit::Entry& who, Instant now) {
  auto step = unit_step(c, round_id, unit);
  require_draft(step);
  auto row = c.query("SELECT file_id, title FROM assessment_evidence WHERE id = ? AND round_id = ? AND unit_code = ?",
                     {evidence_id, round_id, unit});
  if (row.empty()) throw not_found("no such evidence", "Không tìm thấy minh chứng.");
  auto file = row.one().opt_str("file_id");
  c.query("DELETE FROM evidence_criteria WHERE evidence_id = ?", {evidence_id});
  c.query("DELETE FROM assessment_evidence WHERE id = ?", {evidence_id});
  if (file) c.query("DELETE FROM assessment_files WHERE id = ?", {*file});
  audit::record(c, who, "delete", "assessment_evidence",
                entity_id(step.round, unit) + "/" + std::to_string(evidence_id),
                json{{"title", row.one().str("title")}}.dump(), std::nullopt, now);
  touch_participant(c, round_id, unit, now);
}

std::optional<EvidenceFileBytes> find_file(db::Connection& c, const std::string& file_id) {
  auto rows = c.query(fmt::format("SELECT {} FROM assessment_files WHERE id = ?", kEvidenceFileRow.list()), {file_id});
  if (rows.empty()) return std::nullopt;
  return kEvidenceFileRow.read(rows.one());
}

}  // namespace cchc::assessments
