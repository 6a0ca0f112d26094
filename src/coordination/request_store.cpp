// Report requests: their SQL (requests.h, "Storage"). Every write runs in
// the caller's transaction with its step in report_request_events and its
// audit entry.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "coordination/notify.h"
#include "coordination/requests.h"
#include "core/lines.h"
#include "core/secrets.h"
#include "core/text.h"
#include "db/columns.h"
#include "directory/storage.h"
#include "plans/rules.h"

namespace cchc::coordination {

using namespace std::chrono;
using nlohmann::json;

namespace {

// A request as `report_requests` holds it; its recipients are read apart
// (with_recipients).
const db::Columns<ReportRequest> kRequestRow{
    {"id", &ReportRequest::id},
    {"kind", &ReportRequest::kind},
    {"title", &ReportRequest::title},
    {"body", &ReportRequest::body},
    {"outline", &ReportRequest::outline, text::nonempty_lines},
    {"figure_unit", &ReportRequest::figure_unit},
    {"due_on", &ReportRequest::due},
    {"issuer_unit", &ReportRequest::issuer_unit},
    {"status", &ReportRequest::status},
    {"created_by", &ReportRequest::created_by},
    {"created_at", &ReportRequest::created_at},
};

// A unit's answer as `report_request_units` holds it; its files are read apart.
const db::Columns<RequestAnswer> kAnswerRow{
    {"request_id", &RequestAnswer::request_id},
    {"unit_code", &RequestAnswer::unit_code},
    {"state", &RequestAnswer::state},
    {"sections", &RequestAnswer::sections,
     [](const std::string& text) { return json::parse(text).get<std::vector<std::string>>(); }},
    {"figure", &RequestAnswer::figure},
    {"review_note", &RequestAnswer::review_note},
    {"submitted_by", &RequestAnswer::submitted_by},
    {"submitted_at", &RequestAnswer::submitted_at},
    {"reviewed_by", &RequestAnswer::reviewed_by},
    {"reviewed_at", &RequestAnswer::reviewed_at},
};

std::int64_t seconds_of(Instant t) { return t.time_since_epoch().count(); }

ReportRequest with_recipients(db::Connection& c, ReportRequest q) {
  for (const auto& u :
       c.query("SELECT unit_code FROM report_request_units WHERE request_id = ? ORDER BY unit_code", {q.id}).rows) {
    q.recipients.push_back(u.str("unit_code"));
  }
  return q;
}

json answer_json(const RequestAnswer& a) {
  return {{"request_id", a.request_id},
          {"unit", a.unit_code},
          {"state", a.state},
          {"sections", a.sections},
          {"figure", a.figure ? json(*a.figure) : json()},
          {"review_note", a.review_note}};
}

void event(db::Connection& c, std::int64_t id, const std::string& unit, const std::string& what,
           const std::string& note, const audit::Entry& who, Instant now) {
  c.query("INSERT INTO report_request_events (request_id, unit_code, event, note, actor, at) VALUES (?, ?, ?, ?, ?, ?)",
          {id, unit, what, note, who.actor, seconds_of(now)});
}

std::optional<RequestAnswer> find_answer(db::Connection& c, std::int64_t id, const std::string& unit) {
  auto rows = c.query(
      fmt::format("SELECT {} FROM report_request_units WHERE request_id = ? AND unit_code = ?", kAnswerRow.list()),
      {id, unit});
  if (rows.empty()) return std::nullopt;
  return kAnswerRow.read(rows.rows[0]);
}

std::string request_href(std::int64_t id) { return fmt::format("/yeu-cau-bao-cao/{}", id); }

}  // namespace

ReportRequest create_request(db::Connection& c, ReportRequest r, const audit::Entry& who, Instant now) {
  r.title = text::nfc(text::trim(r.title));
  r.body = text::nfc(text::trim(r.body));
  r.figure_unit = text::nfc(text::trim(r.figure_unit));
  for (auto& h : r.outline) h = text::nfc(text::trim(h));
  std::erase_if(r.outline, [](const auto& h) { return h.empty(); });
  if (auto errors = check_request(r, local_date(now)); !errors.empty()) throw rejected(errors);
  std::string outline;
  for (const auto& h : r.outline) outline += h + "\n";
  r.id = c.query(
              "INSERT INTO report_requests (kind, title, body, outline, figure_unit, due_on, issuer_unit, status, "
              "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?) RETURNING id",
              {r.kind, r.title, r.body, outline, r.figure_unit, format_iso_date(r.due), r.issuer_unit, who.actor,
               seconds_of(now)})
             .one()
             .i64("id");
  r.status = "open";
  r.created_by = who.actor;
  r.created_at = now;
  for (const auto& unit : r.recipients) {
    c.query("INSERT INTO report_request_units (request_id, unit_code) VALUES (?, ?)", {r.id, unit});
    notify_unit(c, unit, "request", fmt::format("request:{}", r.id),
                fmt::format("Yêu cầu báo cáo: {} (hạn {})", text::cut_utf8(r.title, 200), format_date_vi(r.due)),
                request_href(r.id), now);
  }
  event(c, r.id, "", "sent", fmt::format("{} đơn vị", r.recipients.size()), who, now);
  audit::record(c, who, "create", "report_requests", std::to_string(r.id), std::nullopt,
                json{{"kind", r.kind},
                     {"title", r.title},
                     {"due", format_iso_date(r.due)},
                     {"outline", r.outline},
                     {"recipients", r.recipients}}
                    .dump(),
                now);
  return r;
}

ReportRequest create_request(db::Database& db, ReportRequest r, const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return create_request(c, r, who, now); });
}

std::optional<ReportRequest> find_request(db::Connection& c, std::int64_t id) {
  auto rows = c.query(fmt::format("SELECT {} FROM report_requests WHERE id = ?", kRequestRow.list()), {id});
  if (rows.empty()) return std::nullopt;
  return with_recipients(c, kRequestRow.read(rows.rows[0]));
}

std::vector<ReportRequest> list_requests(db::Connection& c, const std::string& unit) {
  std::vector<ReportRequest> out;
  auto rows = unit.empty()
                  ? c.query(fmt::format("SELECT {} FROM report_requests ORDER BY created_at DESC, id DESC LIMIT 500",
                                        kRequestRow.list()))
                  : c.query(fmt::format("SELECT {} FROM report_requests WHERE id IN (SELECT request_id FROM "
                                        "report_request_units WHERE unit_code = ?) ORDER BY created_at DESC, id DESC "
                                        "LIMIT 500",
                                        kRequestRow.list()),
                            {unit});
  for (const auto& r : rows.rows) out.push_back(with_recipients(c, kRequestRow.read(r)));
  return out;
}

std::vector<RequestAnswer> request_answers(db::Connection& c, std::int64_t request_id) {
  std::vector<RequestAnswer> out;
  for (const auto& r :
       c.query(fmt::format("SELECT {} FROM report_request_units WHERE request_id = ? ORDER BY unit_code",
                           kAnswerRow.list()),
               {request_id})
           .rows) {
    out.push_back(kAnswerRow.read(r));
  }
  for (const auto& f : c.query("SELECT id, unit_code, filename FROM report_request_files WHERE request_id = ? "
                               "ORDER BY id",
                               {request_id})
                           .rows) {
    for (auto& a : out) {
      if (a.unit_code == f.str("unit_code")) a.files.emplace_back(f.i64("id"), f.str("filename"));
    }
  }
  return out;
}

RequestAnswer submit_answer(db::Connection& c, std::int64_t request_id, RequestAnswer a, const audit::Entry& who,
                            Instant now, const EvidenceFile* file) {
  std::optional<plans::CheckedFile> checked;
  if (file) checked = check_evidence_file(*file);
  for (auto& s : a.sections) s = text::nfc(text::trim(s));
  auto request = find_request(c, request_id);
  if (!request) throw not_found("no such request", "Không tìm thấy yêu cầu báo cáo.");
  if (request->status != "open") {
    throw Error(ErrorKind::conflict, "the request is closed", "Yêu cầu báo cáo đã kết thúc, không nhận thêm báo cáo.");
  }
  auto before = find_answer(c, request_id, a.unit_code);
  if (!before) throw not_found("the unit was not asked", "Đơn vị không thuộc danh sách nhận yêu cầu này.");
  a.state = answer_after(before->state, "submit", "");
  if (auto errors = check_answer(*request, a); !errors.empty()) throw rejected(errors);
  a.request_id = request_id;
  a.submitted_by = who.actor;
  a.submitted_at = now;
  a.review_note.clear();
  c.query(
      "UPDATE report_request_units SET state = ?, sections = ?, figure = ?, review_note = '', submitted_by = ?, "
      "submitted_at = ? WHERE request_id = ? AND unit_code = ?",
      {a.state, json(a.sections).dump(), a.figure ? db::Param(*a.figure) : db::Param(nullptr), who.actor,
       seconds_of(now), request_id, a.unit_code});
  if (checked) {
    directory::within_files(
        c.query("SELECT COUNT(*) AS n FROM report_request_files WHERE request_id = ? AND unit_code = ?",
                {request_id, a.unit_code})
            .one()
            .i64("n"),
        kMaxAnswerFiles, "mỗi báo cáo trả lời yêu cầu");
    directory::make_room(c, who.actor, file->content.size());
    auto id = c.query(
                   "INSERT INTO report_request_files (request_id, unit_code, filename, content_type, size, sha256, "
                   "content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   {request_id, a.unit_code, checked->name, checked->content_type, std::int64_t(file->content.size()),
                    sha256_hex(file->content), text::base64(file->content), who.actor, seconds_of(now)})
                  .one()
                  .i64("id");
    a.files.emplace_back(id, checked->name);
  }
  event(c, request_id, a.unit_code, before->state == "returned" ? "resubmitted" : "submitted", "", who, now);
  audit::record(c, who, "update", "report_request_units", fmt::format("{}/{}", request_id, a.unit_code),
                answer_json(*before).dump(), answer_json(a).dump(), now);
  return a;
}

RequestAnswer submit_answer(db::Database& db, std::int64_t request_id, RequestAnswer a, const audit::Entry& who,
                            Instant now, const EvidenceFile* file) {
  return db.write([&](db::Connection& c) { return submit_answer(c, request_id, a, who, now, file); });
}

RequestAnswer review_answer(db::Connection& c, std::int64_t request_id, const std::string& unit,
                            const std::string& action, const std::string& reason, const audit::Entry& who,
                            Instant now) {
  auto note = text::nfc(text::trim(reason));
  auto request = find_request(c, request_id);
  if (!request) throw not_found("no such request", "Không tìm thấy yêu cầu báo cáo.");
  auto before = find_answer(c, request_id, unit);
  if (!before) throw not_found("the unit was not asked", "Đơn vị không thuộc danh sách nhận yêu cầu này.");
  auto after = *before;
  after.state = answer_after(before->state, action, note);
  after.review_note = action == "return" ? note : "";
  after.reviewed_by = who.actor;
  after.reviewed_at = now;
  c.query(
      "UPDATE report_request_units SET state = ?, review_note = ?, reviewed_by = ?, reviewed_at = ? "
      "WHERE request_id = ? AND unit_code = ?",
      {after.state, after.review_note, who.actor, seconds_of(now), request_id, unit});
  event(c, request_id, unit, after.state, after.review_note, who, now);
  if (action == "return") {
    notify_unit(c, unit, "request_returned", fmt::format("request-returned:{}:{}", request_id, seconds_of(now)),
                fmt::format("Báo cáo theo yêu cầu \"{}\" bị trả lại: {}", text::cut_utf8(request->title, 150),
                            text::cut_utf8(note, 300)),
                request_href(request_id), now);
  }
  audit::record(c, who, "update", "report_request_units", fmt::format("{}/{}", request_id, unit),
                answer_json(*before).dump(), answer_json(after).dump(), now);
  return after;
}

RequestAnswer review_answer(db::Database& db, std::int64_t request_id, const std::string& unit,
                            const std::string& action, const std::string& reason, const audit::Entry& who,
                            Instant now) {
  return db.write([&](db::Connection& c) { return review_answer(c, request_id, unit, action, reason, who, now); });
}

void set_request_status(db::Connection& c, std::int64_t id, const std::string& status, const audit::Entry& who,
                        Instant now) {
  if (status != "open" && status != "closed")
    throw invalid_input("status is open or closed", "Trạng thái không hợp lệ.");
  auto request = find_request(c, id);
  if (!request) throw not_found("no such request", "Không tìm thấy yêu cầu báo cáo.");
  c.query("UPDATE report_requests SET status = ? WHERE id = ?", {status, id});
  event(c, id, "", status == "closed" ? "closed" : "reopened", "", who, now);
  audit::record(c, who, "update", "report_requests", std::to_string(id), json{{"status", request->status}}.dump(),
                json{{"status", status}}.dump(), now);
}

void set_request_status(db::Database& db, std::int64_t id, const std::string& status, const audit::Entry& who,
                        Instant now) {
  db.write([&](db::Connection& c) { set_request_status(c, id, status, who, now); });
}

std::optional<StoredFile> find_request_file(db::Connection& c, std::int64_t id) {
  auto rows = c.query(
      "SELECT request_id, unit_code, filename, content_type, content FROM report_request_files WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.rows[0];
  auto bytes = text::unbase64(r.str("content"));
  if (!bytes) throw Error(ErrorKind::internal, "a stored request file is damaged");
  return StoredFile{r.i64("request_id"), r.str("filename"), r.str("content_type"), std::move(*bytes),
                    r.str("unit_code")};
}

std::vector<std::pair<ReportRequest, RequestAnswer>> requests_owed_by(db::Connection& c, const std::string& unit) {
  std::vector<std::pair<ReportRequest, RequestAnswer>> out;
  for (const auto& r : c.query(fmt::format("SELECT {} FROM report_request_units WHERE unit_code = ? AND state IN "
                                           "('none', 'returned') AND request_id IN (SELECT id FROM report_requests "
                                           "WHERE status = 'open')",
                                           kAnswerRow.list()),
                               {unit})
                           .rows) {
    auto a = kAnswerRow.read(r);
    if (auto q = find_request(c, a.request_id)) out.emplace_back(std::move(*q), std::move(a));
  }
  std::sort(out.begin(), out.end(),
            [](const auto& x, const auto& y) { return sys_days{x.first.due} < sys_days{y.first.due}; });
  return out;
}

int answers_waiting(db::Connection& c, const std::optional<std::set<std::string>>& issuers) {
  if (issuers && issuers->empty()) return 0;
  std::vector<db::Param> params;
  std::string sql =
      "SELECT COUNT(*) AS n FROM report_request_units u JOIN report_requests r ON r.id = u.request_id "
      "WHERE u.state = 'submitted' AND r.status = 'open'";
  if (issuers) {
    sql += " AND r.issuer_unit IN (" + db::marks(issuers->size()) + ")";
    params.assign(issuers->begin(), issuers->end());
  }
  return int(c.query(sql, params).one().i64("n"));
}

}  // namespace cchc::coordination
