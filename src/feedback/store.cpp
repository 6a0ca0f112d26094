#include "feedback/store.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "core/csv.h"
#include "core/errors.h"
#include "core/filetype.h"
#include "core/mail.h"
#include "core/secrets.h"
#include "core/text.h"
#include "db/columns.h"
#include "directory/read.h"

namespace cchc::feedback {

namespace {

using nlohmann::json;

const db::Columns<Category> kCategoryRow{
    {"id", &Category::id},
    {"code", &Category::code},
    {"name", &Category::name},
    {"description", &Category::description},
    {"deadline_days", &Category::deadline_days},
    {"extension_days", &Category::extension_days},
    {"legal_source", &Category::legal_source},
    {"route_by_place", &Category::route_by_place},
    {"unit_code", &Category::unit_code},
    {"position", &Category::position},
    {"active", &Category::active},
};

const db::Columns<Case> kCaseRow{
    {"id", &Case::id},
    {"code", &Case::code},
    {"channel", &Case::channel, parse_channel},
    {"external_id", &Case::external_id},
    {"category_id", &Case::category_id},
    {"place_code", &Case::place_code},
    {"address", &Case::address},
    {"lat", &Case::lat},
    {"lon", &Case::lon},
    {"unit_code", &Case::unit_code},
    {"content", &Case::content},
    {"name", &Case::name},
    {"email", &Case::email},
    {"phone", &Case::phone},
    {"consent", &Case::consent},
    {"publish_allowed", &Case::publish_allowed},
    {"state", &Case::state, parse_state},
    {"received_at", &Case::received_at},
    {"clock_start", &Case::clock_start},
    {"deadline_days", &Case::deadline_days},
    {"extension_days", &Case::extension_days},
    {"extension_reason", &Case::extension_reason},
    {"due_at", &Case::due_at},
    {"assignee", &Case::assignee},
    {"answer", &Case::answer},
    {"answered_at", &Case::answered_at},
    {"answered_by", &Case::answered_by},
    {"published", &Case::published},
    {"public_content", &Case::public_content},
    {"public_answer", &Case::public_answer},
    {"rating",
     [](const db::Row& r, Case& k) {
       if (auto rating = r.opt_str("rating")) k.rating = parse_rating(*rating);
     }},
    {"rated_at", &Case::rated_at},
    {"reopened_at", &Case::reopened_at},
    {"refusal_reason", &Case::refusal_reason},
    {"merged_into", &Case::merged_into},
    {"updated_at", &Case::updated_at},
};

const db::Columns<Pause> kPauseRow{
    {"started_at", &Pause::started_at}, {"ended_at", &Pause::ended_at}, {"question", &Pause::question},
    {"reply", &Pause::reply},           {"asked_by", &Pause::asked_by},
};

const db::Columns<Event> kEventRow{
    {"action", &Event::action},     {"actor", &Event::actor}, {"from_state", &Event::from_state},
    {"to_state", &Event::to_state}, {"note", &Event::note},   {"at", &Event::at},
};

const db::Columns<File> kFileRow{
    {"id", &File::id},     {"filename", &File::filename},     {"content_type", &File::content_type},
    {"size", &File::size}, {"checked_by", &File::checked_by}, {"uploaded_at", &File::uploaded_at},
};

void load_pauses(db::Connection& c, Case& k) {
  k.pauses = kPauseRow.read_all(
      c.query(fmt::format("SELECT {} FROM feedback_pauses WHERE case_id = ? ORDER BY started_at, id", kPauseRow.list()),
              {k.id}));
}

std::optional<Case> one_case(db::Connection& c, std::string_view where, const db::Param& key) {
  auto rows = c.query(fmt::format("SELECT {} FROM feedback_cases WHERE {} = ?", kCaseRow.list(), where), {key});
  if (rows.empty()) return std::nullopt;
  Case k = kCaseRow.read(rows.rows.front());
  load_pauses(c, k);
  return k;
}

// What the audit log keeps of a case: its workflow, never its personal data.
json audit_json(const Case& k) {
  return {{"code", k.code},           {"state", code(k.state)},
          {"unit_code", k.unit_code}, {"category_id", k.category_id},
          {"assignee", k.assignee},   {"due_at", format_rfc3339_vn(k.due_at)},
          {"published", k.published}};
}

// The published text as the search reads it: " word word … ", so that
// "% word%" finds a word's start.
std::string search_text(const Case& k, const Category& cat) {
  std::string out(1, ' ');
  out += folded_words(cat.name + " " + k.public_content + " " + k.public_answer);
  out += ' ';
  return out;
}

std::string digest(std::string_view kind, std::string_view value) {
  return value.empty() ? "" : sha256_hex(std::string(kind) + ":" + std::string(value));
}

std::string contact_key(const Submission& s) { return !s.phone.empty() ? s.phone : text::fold(s.email); }

void add_event(db::Connection& c, std::int64_t case_id, Action action, const std::string& actor, State from, State to,
               const std::string& note, Instant at) {
  c.query(
      "INSERT INTO feedback_events (case_id, action, actor, from_state, to_state, note, at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)",
      {case_id, code(action), actor, code(from), code(to), note, at});
}

void write_case(db::Connection& c, const Case& k, const Category& cat, Instant now) {
  c.query(
      "UPDATE feedback_cases SET unit_code = ?, state = ?, clock_start = ?, extension_days = ?,"
      " extension_reason = ?, due_at = ?, assignee = ?, answer = ?, answered_at = ?, answered_by = ?,"
      " published = ?, public_content = ?, public_answer = ?, search_text = ?, rating = ?, rated_at = ?,"
      " reopened_at = ?, refusal_reason = ?, merged_into = ?, updated_at = ? WHERE id = ?",
      {k.unit_code,
       code(k.state),
       k.clock_start,
       k.extension_days,
       k.extension_reason,
       k.due_at,
       k.assignee,
       k.answer,
       k.answered_at,
       k.answered_by,
       k.published,
       k.public_content,
       k.public_answer,
       k.published ? search_text(k, cat) : std::string(),
       k.rating ? db::Param(code(*k.rating)) : db::Param(nullptr),
       k.rated_at,
       k.reopened_at,
       k.refusal_reason,
       k.merged_into,
       now,
       k.id});
}

void require_text(const std::string& value, std::size_t max, const char* en, const char* vi) {
  auto n = text::code_points(text::trim(value));
  if (n == 0) throw invalid_input(fmt::format("{} is required", en), fmt::format("Xin vui lòng nhập {}.", vi));
  if (n > max) {
    throw invalid_input(fmt::format("{} must have at most {} characters", en, max),
                        fmt::format("{} tối đa {} ký tự.", vi, text::format_int(std::int64_t(max))));
  }
}

const directory::Unit* unit_of(const std::vector<directory::Unit>& units, const std::string& code) {
  for (const auto& u : units) {
    if (u.code == code) return &u;
  }
  return nullptr;
}

}  // namespace

// ---- Categories ----

std::vector<Category> categories(db::Connection& c, bool active_only) {
  return kCategoryRow.read_all(c.query(fmt::format("SELECT {} FROM feedback_categories{} ORDER BY position, id",
                                                   kCategoryRow.list(), active_only ? " WHERE active = 1" : "")));
}

std::optional<Category> find_category(db::Connection& c, std::int64_t id) {
  auto rows = c.query(fmt::format("SELECT {} FROM feedback_categories WHERE id = ?", kCategoryRow.list()), {id});
  if (rows.empty()) return std::nullopt;
  return kCategoryRow.read(rows.rows.front());
}

std::optional<Category> find_category(db::Connection& c, std::string_view code) {
  auto rows = c.query(fmt::format("SELECT {} FROM feedback_categories WHERE code = ?", kCategoryRow.list()), {code});
  if (rows.empty()) return std::nullopt;
  return kCategoryRow.read(rows.rows.front());
}

Category save_category(db::Connection& c, Category cat, const audit::Entry& who, Instant now) {
  cat.code = std::string(text::trim(cat.code));
  cat.name = text::nfc(text::trim(cat.name));
  bool code_ok = cat.code.size() >= 2 && cat.code.size() <= 50 &&
                 std::all_of(cat.code.begin(), cat.code.end(),
                             [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'; });
  if (!code_ok) {
    throw invalid_input("category code must be 2-50 of a-z, 0-9 and '-'",
                        "Mã lĩnh vực gồm 2–50 ký tự a–z, 0–9 và dấu '-'.");
  }
  auto n = text::code_points(cat.name);
  if (n < 2 || n > 200) throw invalid_input("category name must have 2-200 characters", "Tên lĩnh vực 2–200 ký tự.");
  if (cat.deadline_days < 1 || cat.deadline_days > 60) {
    throw invalid_input("deadline_days must be 1-60", "Thời hạn giải quyết từ 1 đến 60 ngày làm việc.");
  }
  if (cat.extension_days < 0 || cat.extension_days > 60) {
    throw invalid_input("extension_days must be 0-60", "Thời gian gia hạn từ 0 đến 60 ngày làm việc.");
  }
  require_text(cat.legal_source, 500, "legal_source", "căn cứ pháp lý");
  require_text(cat.description.empty() ? std::string("-") : cat.description, 1000, "description", "Mô tả");
  if (!directory::unit_exists(c, cat.unit_code)) {
    throw not_found(fmt::format("unit '{}' does not exist", cat.unit_code), "Không tìm thấy đơn vị.");
  }
  auto clash = c.query("SELECT id FROM feedback_categories WHERE code = ? AND id <> ?", {cat.code, cat.id});
  if (!clash.empty()) throw Error(ErrorKind::conflict, "category code in use", "Mã lĩnh vực đã được dùng.");
  std::optional<std::string> before;
  if (cat.id == 0) {
    auto rows = c.query(
        "INSERT INTO feedback_categories (code, name, description, deadline_days, extension_days, legal_source,"
        " route_by_place, unit_code, position, active, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " RETURNING id",
        {cat.code, cat.name, cat.description, cat.deadline_days, cat.extension_days, cat.legal_source,
         cat.route_by_place, cat.unit_code, cat.position, cat.active, now});
    cat.id = rows.one().i64("id");
  } else {
    auto old = find_category(c, cat.id);
    if (!old) throw not_found("no such category", "Không tìm thấy lĩnh vực.");
    before = json{{"code", old->code}, {"name", old->name}, {"deadline_days", old->deadline_days}}.dump();
    c.query(
        "UPDATE feedback_categories SET code = ?, name = ?, description = ?, deadline_days = ?,"
        " extension_days = ?, legal_source = ?, route_by_place = ?, unit_code = ?, position = ?, active = ?,"
        " updated_at = ? WHERE id = ?",
        {cat.code, cat.name, cat.description, cat.deadline_days, cat.extension_days, cat.legal_source,
         cat.route_by_place, cat.unit_code, cat.position, cat.active, now, cat.id});
  }
  audit::record(c, who, cat.id && before ? "update" : "create", "feedback_category", std::to_string(cat.id), before,
                json{{"code", cat.code}, {"name", cat.name}, {"deadline_days", cat.deadline_days}}.dump(), now);
  return cat;
}

// ---- Receipt ----

std::optional<std::string> over_limit(db::Connection& c, const Intake& in, Instant now) {
  auto ip = digest("ip", in.ip);
  if (!ip.empty()) {
    auto n = c.query("SELECT COUNT(*) AS n FROM feedback_cases WHERE ip_hash = ? AND received_at > ?",
                     {ip, now - std::chrono::hours{1}})
                 .one()
                 .i64("n");
    if (n >= kPerAddressPerHour) {
      return fmt::format("Đã có {} phản ánh gửi từ địa chỉ mạng này trong một giờ qua. Xin vui lòng thử lại sau.",
                         kPerAddressPerHour);
    }
  }
  auto contact = digest("contact", contact_key(in.submission));
  if (!contact.empty()) {
    auto n = c.query("SELECT COUNT(*) AS n FROM feedback_cases WHERE contact_hash = ? AND received_at > ?",
                     {contact, now - std::chrono::hours{24}})
                 .one()
                 .i64("n");
    if (n >= kPerContactPerDay) {
      return fmt::format(
          "Đã có {} phản ánh của cùng thư điện tử hoặc số điện thoại trong 24 giờ qua. Xin vui lòng thử lại vào "
          "ngày mai, hoặc gọi Tổng đài 1022.",
          kPerContactPerDay);
    }
  }
  return std::nullopt;
}

Receipt receive(db::Connection& c, const Intake& in, const std::vector<directory::Unit>& units, const WorkCalendar& cal,
                const Sinks& sinks, const audit::Entry& who, Instant now) {
  Submission s = check_submission(in.submission);
  Instant received = in.received_at.value_or(now);
  if (received > now) throw invalid_input("received_at is in the future", "Thời điểm tiếp nhận không thể ở tương lai.");
  if (in.channel == Channel::national_portal && text::trim(in.external_id).empty()) {
    throw invalid_input("the national portal's id is required", "Cần mã phản ánh trên Cổng Dịch vụ công quốc gia.");
  }
  if (in.external_id.size() > 100) throw invalid_input("external id too long", "Mã phản ánh tối đa 100 ký tự.");
  if (!s.place_code.empty()) {
    // A place that has since merged is still a place: routing follows it
    // to the unit that answers for it now.
    const auto* place = unit_of(units, s.place_code);
    if (!place || place->level != "commune") {
      throw invalid_input(fmt::format("unknown place '{}'", s.place_code), "Địa bàn không có trong danh sách.");
    }
  }
  if (in.files.size() > kMaxFiles) {
    throw invalid_input(fmt::format("at most {} files", kMaxFiles), fmt::format("Đính kèm tối đa {} tệp.", kMaxFiles));
  }
  std::vector<filetype::Accepted> accepted;
  for (const auto& f : in.files)
    accepted.push_back(filetype::check(f.filename, f.bytes, attachment_kinds(), kMaxFileBytes));

  auto cat = find_category(c, s.category_code);
  if (!cat || !cat->active) throw invalid_input("unknown category", "Xin vui lòng chọn lĩnh vực phản ánh.");
  if (!in.external_id.empty() &&
      !c.query("SELECT 1 FROM feedback_cases WHERE channel = ? AND external_id = ?", {code(in.channel), in.external_id})
           .empty()) {
    throw Error(ErrorKind::conflict, "a case with this external id was already received",
                "Phản ánh này đã được tiếp nhận trước đó.");
  }
  Case k = new_case(s);
  k.channel = in.channel;
  k.external_id = std::string(text::trim(in.external_id));
  k.category_id = cat->id;
  k.lat = in.lat;
  k.lon = in.lon;
  k.unit_code = route(*cat, s.place_code, units, local_date(received));
  k.received_at = k.clock_start = received;
  k.deadline_days = cat->deadline_days;
  k.due_at = due_at(cal, k, now);
  k.updated_at = now;
  std::string secret = random_token();
  for (int attempt = 0;; ++attempt) {
    k.code = new_tracking_code();
    if (c.query("SELECT 1 FROM feedback_cases WHERE code = ?", {k.code}).empty()) break;
    if (attempt == 20) throw Error(ErrorKind::internal, "no free tracking code", "Lỗi hệ thống.");
  }
  auto rows = c.query(
      "INSERT INTO feedback_cases (code, token_hash, channel, external_id, category_id, place_code, address, lat,"
      " lon, unit_code, content, name, email, phone, consent, publish_allowed, state, received_at, clock_start,"
      " deadline_days, due_at, ip_hash, contact_hash, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {k.code,
       sha256_hex(secret),
       code(k.channel),
       k.external_id.empty() ? db::Param(nullptr) : db::Param(k.external_id),
       k.category_id,
       k.place_code.empty() ? db::Param(nullptr) : db::Param(k.place_code),
       k.address,
       k.lat,
       k.lon,
       k.unit_code,
       k.content,
       k.name,
       k.email,
       k.phone,
       k.consent,
       k.publish_allowed,
       code(k.state),
       k.received_at,
       k.clock_start,
       k.deadline_days,
       k.due_at,
       digest("ip", in.ip),
       digest("contact", contact_key(s)),
       now});
  k.id = rows.one().i64("id");
  for (std::size_t i = 0; i < in.files.size(); ++i) {
    c.query(
        "INSERT INTO feedback_files (case_id, filename, content_type, size, sha256, content, uploaded_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        {k.id, accepted[i].name, accepted[i].content_type, std::int64_t(in.files[i].bytes.size()),
         sha256_hex(in.files[i].bytes), text::base64(in.files[i].bytes), now});
  }
  c.query(
      "INSERT INTO feedback_events (case_id, action, actor, from_state, to_state, note, at)"
      " VALUES (?, 'receive', ?, ?, ?, ?, ?)",
      {k.id, who.actor, code(k.state), code(k.state), "Tiếp nhận qua " + label_vi(k.channel), now});
  audit::record(c, who, "receive", "feedback_case", std::to_string(k.id), std::nullopt, audit_json(k).dump(), now);
  if (sinks.figure) sinks.figure(c, figure(k));
  return Receipt{k, secret};
}

Receipt receive(db::Database& db, const Intake& in, const std::vector<directory::Unit>& units, const WorkCalendar& cal,
                const Sinks& sinks, const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return receive(c, in, units, cal, sinks, who, now); });
}

// ---- Imports ----

ImportResult import_cases(db::Connection& c, std::string_view csv_text, Channel channel,
                          const std::vector<directory::Unit>& units, const WorkCalendar& cal, const Sinks& sinks,
                          const audit::Entry& who, Instant now) {
  static const std::vector<std::string> kHeader = {"external_id", "received_at", "category", "place",  "content",
                                                   "name",        "email",       "phone",    "publish"};
  ImportResult out;
  std::vector<csv::Record> records;
  try {
    records = csv::parse(csv_text);
  } catch (const Error& e) {
    out.errors.push_back({0, e.what(), e.message_vi()});
    return out;
  }
  if (records.empty() || records.front().fields != kHeader) {
    out.errors.push_back({1, "line 1: the header must be " + fmt::format("{}", fmt::join(kHeader, ",")),
                          "Dòng 1: dòng tiêu đề phải là " + fmt::format("{}", fmt::join(kHeader, ","))});
    return out;
  }
  constexpr std::size_t kMaxRows = 10000;
  if (records.size() - 1 > kMaxRows) {
    out.errors.push_back({0, fmt::format("at most {} cases per file", kMaxRows),
                          fmt::format("Mỗi tệp tối đa {} phản ánh.", text::format_int(kMaxRows))});
    return out;
  }
  std::vector<std::pair<int, Intake>> intakes;
  std::set<std::string> seen;
  auto categories_now = categories(c, false);
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& r = records[i];
    auto bad = [&](const std::string& en, const std::string& vi) {
      out.errors.push_back({r.line, fmt::format("line {}: {}", r.line, en), fmt::format("Dòng {}: {}", r.line, vi)});
    };
    if (r.fields.size() != kHeader.size()) {
      bad(fmt::format("{} fields, expected {}", r.fields.size(), kHeader.size()),
          fmt::format("có {} cột, cần {}", r.fields.size(), kHeader.size()));
      continue;
    }
    Intake in;
    in.channel = channel;
    in.external_id = r.fields[0];
    auto& s = in.submission;
    s.category_code = r.fields[2];
    s.place_code = r.fields[3];
    s.content = r.fields[4];
    s.name = r.fields[5];
    s.email = r.fields[6];
    s.phone = r.fields[7];
    s.consent = true;
    s.publish_allowed = r.fields[8] == "1";
    s.contact_required = false;
    try {
      if (in.external_id.empty() || in.external_id.size() > 100) {
        throw invalid_input("external_id must have 1-100 characters", "mã phản ánh cần từ 1 đến 100 ký tự");
      }
      if (!seen.insert(in.external_id).second) {
        throw invalid_input("external_id repeats an earlier line", "mã phản ánh trùng với một dòng trước");
      }
      if (r.fields[8] != "0" && r.fields[8] != "1")
        throw invalid_input("publish must be 0 or 1", "cột publish là 0 hoặc 1");
      in.received_at = parse_rfc3339(r.fields[1]);
      if (*in.received_at > now) throw invalid_input("received_at is in the future", "thời điểm tiếp nhận ở tương lai");
      if (std::none_of(categories_now.begin(), categories_now.end(),
                       [&](const Category& cat) { return cat.code == s.category_code && cat.active; })) {
        throw invalid_input(fmt::format("unknown category '{}'", s.category_code),
                            fmt::format("không có lĩnh vực '{}'", s.category_code));
      }
      if (!s.place_code.empty()) {
        const auto* place = unit_of(units, s.place_code);
        if (!place || place->level != "commune") {
          throw invalid_input(fmt::format("unknown place '{}'", s.place_code),
                              fmt::format("không có xã, phường '{}'", s.place_code));
        }
      }
      s = check_submission(s);
      intakes.emplace_back(r.line, std::move(in));
    } catch (const Error& e) {
      std::string vi = e.message_vi();
      if (!vi.empty() && vi.back() == '.') vi.pop_back();
      bad(e.what(), vi.empty() ? e.what() : vi);
    }
  }
  if (!out.ok()) return out;
  for (const auto& [line, in] : intakes) {
    if (!c.query("SELECT 1 FROM feedback_cases WHERE channel = ? AND external_id = ?",
                 {code(in.channel), in.external_id})
             .empty()) {
      ++out.unchanged;
      continue;
    }
    receive(c, in, units, cal, sinks, who, now);
    ++out.inserted;
  }
  return out;
}

ImportResult import_cases(db::Database& db, std::string_view csv_text, Channel channel,
                          const std::vector<directory::Unit>& units, const WorkCalendar& cal, const Sinks& sinks,
                          const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return import_cases(c, csv_text, channel, units, cal, sinks, who, now); });
}

// ---- Acknowledgements ----

void queue_acknowledgement(db::Connection& c, const Case& k, const std::string& link_path, const std::string& province,
                           Instant now) {
  if (k.email.empty()) return;
  auto units = directory::unit_names(c);
  auto cat = find_category(c, k.category_id);
  auto subject = fmt::format("Đã tiếp nhận phản ánh {}", k.code);
  auto body = fmt::format(
      "Kính gửi ông (bà) {},\n\n{} đã tiếp nhận phản ánh, kiến nghị của ông (bà) lúc {}.\n\n"
      "Mã tra cứu: {}\nLĩnh vực: {}\nCơ quan xử lý: {}\nHạn trả lời: {}\n\n"
      "Ông (bà) theo dõi, bổ sung thông tin khi được đề nghị và đánh giá câu trả lời tại đường dẫn riêng "
      "dưới đây (xin không chia sẻ đường dẫn này):\n{{link}}\n\n"
      "Thư này được gửi tự động, xin không trả lời thư.",
      k.name, province, format_datetime_vi(k.received_at), k.code, cat ? cat->name : "", units[k.unit_code],
      format_date_vi(local_date(k.due_at)));
  c.query(
      "INSERT INTO feedback_outbox (case_id, to_address, subject, body, link_path, created_at)"
      " VALUES (?, ?, ?, ?, ?, ?)",
      {k.id, k.email, subject, body, link_path, now});
}

void queue_update(db::Connection& c, const Case& k, const std::string& province, Instant now) {
  if (k.email.empty()) return;
  std::string subject, what;
  if (k.state == State::waiting_citizen && !k.pauses.empty()) {
    subject = fmt::format("Đề nghị bổ sung thông tin cho phản ánh {}", k.code);
    what = fmt::format(
        "Để giải quyết phản ánh, cơ quan xử lý đề nghị ông (bà) cho biết thêm:\n\n{}\n\n"
        "Xin trả lời qua đường dẫn riêng trong thư tiếp nhận. Thời hạn giải quyết tạm dừng cho đến khi có trả lời.",
        k.pauses.back().question);
  } else if (k.state == State::answered) {
    subject = fmt::format("Trả lời phản ánh {}", k.code);
    what = fmt::format(
        "Cơ quan xử lý đã trả lời phản ánh của ông (bà):\n\n{}\n\n"
        "Ông (bà) có thể đánh giá câu trả lời, hoặc đề nghị xem xét lại một lần, qua đường dẫn riêng trong thư "
        "tiếp nhận.",
        k.answer);
  } else if (k.state == State::refused) {
    subject = fmt::format("Thông báo về phản ánh {}", k.code);
    what = fmt::format("Phản ánh của ông (bà) không thuộc thẩm quyền giải quyết của cơ quan nhận:\n\n{}",
                       k.refusal_reason);
  } else {
    return;
  }
  auto body = fmt::format(
      "Kính gửi ông (bà) {},\n\n{}\n\nMã tra cứu: {}\n{}\n\nThư này được gửi tự động, xin "
      "không trả lời thư.",
      k.name, what, k.code, province);
  c.query(
      "INSERT INTO feedback_outbox (case_id, to_address, subject, body, link_path, created_at)"
      " VALUES (?, ?, ?, ?, '', ?)",
      {k.id, k.email, subject, body, now});
}

int send_acknowledgements(db::Database& db, const std::string& smtp_url, const std::string& from,
                          const std::string& base_url, Instant now, int limit) {
  // `now` moves on with the clock while the mails go out (each may take
  // 30 s): every claim is made, and every other claim judged, at its time.
  const auto started = std::chrono::steady_clock::now();
  auto clock = [&] {
    return Instant(now + std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started));
  };
  auto pending = db.read([&](db::Connection& c) {
    return c.query(
        "SELECT id, to_address, subject, body, link_path FROM feedback_outbox"
        " WHERE sent_at IS NULL AND attempts < ? AND (sending_until IS NULL OR sending_until < ?) ORDER BY id LIMIT ?",
        {kMailAttempts, now, limit});
  });
  int sent = 0;
  for (const auto& r : pending.rows) {
    // Claimed first, in a transaction of its own: another sender that read
    // the same row meanwhile finds it taken and leaves it.
    const Instant claimed_at = clock();
    const bool mine = db.write([&](db::Connection& c) {
      return c.query(
                  "UPDATE feedback_outbox SET sending_until = ?, attempts = attempts + 1 WHERE id = ? AND "
                  "sent_at IS NULL AND attempts < ? AND (sending_until IS NULL OR sending_until < ?)",
                  {Instant(claimed_at + kMailClaim), r.i64("id"), kMailAttempts, claimed_at})
                 .affected == 1;
    });
    if (!mine) continue;
    std::string body = r.str("body");
    if (auto at = body.find("{link}"); at != std::string::npos) body.replace(at, 6, base_url + r.str("link_path"));
    try {
      mail::send(smtp_url, {from, r.str("to_address"), r.str("subject"), body}, now);
      db.write([&](db::Connection& c) {
        c.query("UPDATE feedback_outbox SET sent_at = ?, link_path = '', sending_until = NULL WHERE id = ?",
                {clock(), r.i64("id")});
      });
      ++sent;
    } catch (const Error& e) {
      db.write([&](db::Connection& c) {
        c.query("UPDATE feedback_outbox SET sending_until = NULL, last_error = ? WHERE id = ?",
                {std::string(e.what()).substr(0, 500), r.i64("id")});
      });
    }
  }
  return sent;
}

// ---- Reading cases ----

std::optional<Case> find_case(db::Connection& c, std::int64_t id) { return one_case(c, "id", id); }
std::optional<Case> find_by_code(db::Connection& c, std::string_view code) { return one_case(c, "code", code); }
std::optional<Case> find_by_secret(db::Connection& c, std::string_view secret) {
  if (secret.empty() || secret.size() > 100) return std::nullopt;
  return one_case(c, "token_hash", sha256_hex(secret));
}

std::vector<Event> history(db::Connection& c, std::int64_t case_id) {
  return kEventRow.read_all(c.query(
      fmt::format("SELECT {} FROM feedback_events WHERE case_id = ? ORDER BY at, id", kEventRow.list()), {case_id}));
}

std::vector<File> files(db::Connection& c, std::int64_t case_id) {
  return kFileRow.read_all(
      c.query(fmt::format("SELECT {} FROM feedback_files WHERE case_id = ? ORDER BY id", kFileRow.list()), {case_id}));
}

std::optional<FileContent> file(db::Connection& c, std::int64_t case_id, std::int64_t file_id) {
  auto rows =
      c.query(fmt::format("SELECT {}, content FROM feedback_files WHERE case_id = ? AND id = ?", kFileRow.list()),
              {case_id, file_id});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.rows.front();
  auto bytes = text::unbase64(r.str("content"));
  if (!bytes) throw Error(ErrorKind::internal, "stored attachment is not base64", "Lỗi hệ thống.");
  return FileContent{kFileRow.read(r), std::move(*bytes)};
}

void mark_checked(db::Connection& c, std::int64_t case_id, std::int64_t file_id, const audit::Entry& who, Instant now) {
  auto n = c.query(
      "UPDATE feedback_files SET checked_by = ?, checked_at = ? WHERE case_id = ? AND id = ? AND checked_by = ''",
      {who.actor, now, case_id, file_id});
  if (n.affected == 0 &&
      c.query("SELECT 1 FROM feedback_files WHERE case_id = ? AND id = ?", {case_id, file_id}).empty()) {
    throw not_found("no such attachment", "Không tìm thấy tệp đính kèm.");
  }
  audit::record(c, who, "check", "feedback_file", std::to_string(file_id), std::nullopt, std::nullopt, now);
}

QueuePage queue(db::Connection& c, const QueueFilter& f, int offset, int limit) {
  QueuePage out;
  if (f.units.empty()) return out;
  std::string where = "unit_code IN (" + db::marks(f.units.size()) + ")";
  std::vector<db::Param> params(f.units.begin(), f.units.end());
  if (f.state) {
    where += " AND state = ?";
    params.emplace_back(code(*f.state));
  } else if (!f.include_closed) {
    where += " AND state NOT IN ('answered', 'refused', 'merged')";
  }
  out.total = c.query("SELECT COUNT(*) AS n FROM feedback_cases WHERE " + where, params).one().i64("n");
  params.emplace_back(limit);
  params.emplace_back(offset);
  out.cases = kCaseRow.read_all(
      c.query(fmt::format("SELECT {} FROM feedback_cases WHERE {} ORDER BY due_at, id LIMIT ? OFFSET ?",
                          kCaseRow.list(), where),
              params));
  return out;
}

// ---- Workflow ----

Case act(db::Connection& c, std::int64_t case_id, const Step& step, const std::vector<directory::Unit>& units,
         const WorkCalendar& cal, const Sinks& sinks, const audit::Entry& who, Instant now) {
  auto found = find_case(c, case_id);
  if (!found) throw not_found("no such case", "Không tìm thấy phản ánh.");
  Case k = *found;
  auto next = transition(k.state, step.action, step.actor);
  if (!next) {
    throw forbidden(fmt::format("{} is not allowed in state {}", code(step.action), code(k.state)),
                    fmt::format("Không thể thực hiện “{}” khi phản ánh ở trạng thái “{}”.", label_vi(step.action),
                                label_vi(k.state)));
  }
  if (auto reason = refusal(k, step.action, now)) throw invalid_input("refused: " + code(step.action), *reason);
  auto cat = find_category(c, k.category_id);
  if (!cat) throw Error(ErrorKind::internal, "case without category", "Lỗi hệ thống.");
  auto before = audit_json(k);
  State from = k.state;
  std::string note = std::string(text::trim(step.note));
  if (!text::is_valid_utf8(note)) throw invalid_input("note is not UTF-8", "Nội dung có ký tự không hợp lệ.");
  note = text::nfc(note);
  if (text::code_points(note) > kMaxNote) {
    throw invalid_input("note too long", fmt::format("Nội dung tối đa {} ký tự.", text::format_int(kMaxNote)));
  }
  auto open_pause = [&]() -> bool { return !k.pauses.empty() && !k.pauses.back().ended_at; };
  switch (step.action) {
    case Action::assign:
      if (text::trim(step.assignee).empty()) {
        throw invalid_input("assignee is required", "Xin vui lòng chọn cán bộ xử lý.");
      }
      k.assignee = std::string(text::trim(step.assignee));
      if (note.empty()) note = "Giao cho " + k.assignee;
      break;
    case Action::transfer: {
      require_text(note, kMaxNote, "reason", "lý do chuyển");
      const auto* to = unit_of(units, step.unit);
      if (!to || !to->valid_on(local_date(now))) {
        throw invalid_input("unknown receiving unit", "Xin vui lòng chọn đơn vị nhận.");
      }
      if (to->code == k.unit_code) throw invalid_input("same unit", "Đơn vị nhận phải khác đơn vị hiện tại.");
      k.unit_code = to->code;
      k.assignee.clear();
      break;
    }
    case Action::refuse:
      require_text(note, kMaxNote, "legal reason", "căn cứ từ chối");
      k.refusal_reason = note;
      k.answered_at = now;
      k.answered_by = who.actor;
      break;
    case Action::ask_clarification:
      require_text(note, kMaxNote, "question", "nội dung cần bổ sung");
      c.query("INSERT INTO feedback_pauses (case_id, started_at, question, asked_by) VALUES (?, ?, ?, ?)",
              {k.id, now, note, who.actor});
      k.pauses.push_back({now, std::nullopt, note, "", who.actor});
      break;
    case Action::citizen_reply:
    case Action::resume:
      if (step.action == Action::citizen_reply) require_text(note, kMaxNote, "reply", "nội dung bổ sung");
      if (open_pause()) {
        c.query("UPDATE feedback_pauses SET ended_at = ?, reply = ? WHERE case_id = ? AND ended_at IS NULL",
                {now, note, k.id});
        k.pauses.back().ended_at = now;
        k.pauses.back().reply = note;
      }
      break;
    case Action::draft: {
      std::string answer = std::string(text::trim(step.answer));
      if (!text::is_valid_utf8(answer)) throw invalid_input("answer is not UTF-8", "Nội dung có ký tự không hợp lệ.");
      answer = text::nfc(answer);
      require_text(answer, kMaxAnswer, "answer", "nội dung trả lời");
      k.answer = answer;
      if (k.assignee.empty()) k.assignee = who.actor;
      break;
    }
    case Action::return_draft: require_text(note, kMaxNote, "reason", "lý do trả lại"); break;
    case Action::approve:
      k.answered_at = now;
      k.answered_by = who.actor;
      k.published = step.publish && k.publish_allowed;
      if (k.published) {
        k.public_content = redact(k.content, {k.name});
        k.public_answer = redact(k.answer, {k.name});
      }
      break;
    case Action::extend:
      require_text(note, kMaxNote, "reason", "lý do gia hạn");
      if (step.extension_days < 1 || step.extension_days > cat->extension_days) {
        throw invalid_input(fmt::format("extension must be 1-{} working days", cat->extension_days),
                            fmt::format("Gia hạn từ 1 đến {} ngày làm việc.", cat->extension_days));
      }
      k.extension_days = step.extension_days;
      k.extension_reason = note;
      if (note.find("ngày") == std::string::npos) note = fmt::format("{} ngày làm việc: {}", k.extension_days, note);
      break;
    case Action::merge: {
      if (step.merge_into == k.id) throw invalid_input("cannot merge into itself", "Không thể gộp vào chính nó.");
      auto other = find_case(c, step.merge_into);
      if (!other || !is_open(other->state) || other->unit_code != k.unit_code) {
        throw invalid_input("merge target must be an open case of the same unit",
                            "Chỉ gộp vào một phản ánh đang xử lý của cùng đơn vị.");
      }
      k.merged_into = other->id;
      if (note.empty()) note = "Gộp vào " + other->code;
      break;
    }
    case Action::rate:
      if (!step.rating) throw invalid_input("rating is required", "Xin vui lòng chọn mức đánh giá.");
      k.rating = step.rating;
      k.rated_at = now;
      note = label_vi(*step.rating) + (note.empty() ? "" : ": " + note);
      break;
    case Action::reopen:
      require_text(note, kMaxNote, "reason", "lý do đề nghị xem xét lại");
      k.reopened_at = now;
      k.clock_start = now;
      k.extension_days = 0;
      k.extension_reason.clear();
      k.answered_at.reset();
      k.answered_by.clear();
      k.rating.reset();
      k.rated_at.reset();
      break;
    case Action::comment: require_text(note, kMaxNote, "note", "ghi chú"); break;
  }
  k.state = *next;
  if (is_open(k.state)) k.due_at = due_at(cal, k, now);
  write_case(c, k, *cat, now);
  add_event(c, k.id, step.action, step.actor == Actor::citizen ? "citizen" : who.actor, from, k.state, note, now);
  audit::record(c, who, code(step.action), "feedback_case", std::to_string(k.id), before.dump(), audit_json(k).dump(),
                now);
  if (sinks.figure) sinks.figure(c, figure(k));
  return k;
}

Case act(db::Database& db, std::int64_t case_id, const Step& step, const std::vector<directory::Unit>& units,
         const WorkCalendar& cal, const Sinks& sinks, const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return act(c, case_id, step, units, cal, sinks, who, now); });
}

// ---- Published answers ----

PublicPage published(db::Connection& c, const PublicFilter& f, int offset, int limit) {
  std::string where = "published = 1 AND state = 'answered'";
  std::vector<db::Param> params;
  // Each folded word must appear in the folded public text; only a-z and
  // 0-9 survive, so no LIKE wildcard can be typed.
  std::string words = folded_words(f.query);
  int n = 0;
  for (std::size_t i = 0; i < words.size() && n < 12;) {
    auto j = words.find(' ', i);
    if (j == std::string::npos) j = words.size();
    if (j > i) {
      where += " AND search_text LIKE ?";
      params.emplace_back("% " + words.substr(i, std::min<std::size_t>(j - i, 40)) + "%");
      ++n;
    }
    i = j + 1;
  }
  if (f.category_id) {
    where += " AND category_id = ?";
    params.emplace_back(f.category_id);
  }
  if (!f.unit_code.empty()) {
    where += " AND unit_code = ?";
    params.emplace_back(f.unit_code);
  }
  if (f.from) {
    where += " AND answered_at >= ?";
    params.emplace_back(start_of_day(*f.from));
  }
  if (f.to) {
    where += " AND answered_at < ?";
    params.emplace_back(start_of_day(Date{std::chrono::sys_days{*f.to} + std::chrono::days{1}}));
  }
  PublicPage out;
  out.total = c.query("SELECT COUNT(*) AS n FROM feedback_cases WHERE " + where, params).one().i64("n");
  params.emplace_back(limit);
  params.emplace_back(offset);
  out.cases =
      kCaseRow.read_all(c.query(fmt::format("SELECT {} FROM feedback_cases WHERE {} ORDER BY answered_at DESC, id DESC"
                                            " LIMIT ? OFFSET ?",
                                            kCaseRow.list(), where),
                                params));
  return out;
}

std::vector<std::string> publishing_units(db::Connection& c) {
  std::vector<std::string> out;
  for (const auto& r : c.query("SELECT DISTINCT unit_code FROM feedback_cases WHERE published = 1").rows) {
    out.push_back(r.str("unit_code"));
  }
  return out;
}

std::vector<Case> requests(db::Connection& c, const RequestFilter& f) {
  std::string where = "received_at >= ? AND received_at < ?";
  std::vector<db::Param> params{f.from, f.to};
  if (!f.categories.empty()) {
    where += " AND category_id IN (" + db::marks(f.categories.size()) + ")";
    for (auto id : f.categories) params.emplace_back(id);
  }
  if (f.open) {
    where += *f.open ? " AND state NOT IN ('answered', 'refused', 'merged')"
                     : " AND state IN ('answered', 'refused', 'merged')";
  }
  params.emplace_back(f.limit);
  return kCaseRow.read_all(
      c.query(fmt::format("SELECT {} FROM feedback_cases WHERE {} ORDER BY received_at DESC, id DESC LIMIT ?",
                          kCaseRow.list(), where),
              params));
}

int raise_reminders(db::Connection& c, const WorkCalendar& cal, const Sinks& sinks, const audit::Entry& who,
                    Instant now) {
  std::vector<Case> open =
      kCaseRow.read_all(c.query(fmt::format("SELECT {} FROM feedback_cases WHERE state NOT IN ('answered', "
                                            "'refused', 'merged') ORDER BY id",
                                            kCaseRow.list())));
  Date today = local_date(now);
  std::string day = format_iso_date(today);
  int notified = 0;
  for (auto& k : open) {
    if (k.state == State::waiting_citizen) {
      load_pauses(c, k);
      auto due = due_at(cal, k, now);
      if (due != k.due_at) {
        k.due_at = due;
        c.query("UPDATE feedback_cases SET due_at = ? WHERE id = ?", {due, k.id});
        if (sinks.figure) sinks.figure(c, figure(k));
      }
      continue;  // the clock stands still: nothing to remind
    }
    if (!sinks.notify) continue;
    auto href = fmt::format("/xu-ly-phan-anh/{}", k.id);
    auto due_day = local_date(k.due_at);
    auto raise = [&](Notice::Audience audience, const char* kind, std::string message) {
      Notice n{audience, k.unit_code, kind, fmt::format("{}:{}:{}", kind, k.code, day), std::move(message), href};
      notified += sinks.notify(c, n);
    };
    if (overdue(k, now)) {
      int late = cal.working_days_between(due_day, today);
      raise(Notice::Audience::handlers, "feedback_overdue",
            fmt::format("Phản ánh {} đã quá hạn trả lời {} ngày làm việc (hạn {}).", k.code, std::max(late, 1),
                        format_date_vi(due_day)));
      if (late > kEscalateDays) {
        raise(Notice::Audience::coordinator, "feedback_escalated",
              fmt::format("Phản ánh {} quá hạn {} ngày làm việc (hạn {}), cần đôn đốc.", k.code, late,
                          format_date_vi(due_day)));
      }
    } else if (due_soon(cal, k, now, kDueSoonDays)) {
      raise(Notice::Audience::handlers, "feedback_due_soon",
            fmt::format("Phản ánh {} sắp đến hạn trả lời ({}).", k.code, format_date_vi(due_day)));
    }
  }
  audit::Entry e = who;
  e.action = "remind";
  e.entity = "feedback_cases";
  e.entity_id = day;
  e.after_json = json{{"open", open.size()}, {"notifications", notified}}.dump();
  audit::append(c, e, now);
  return notified;
}

std::vector<Case> cases_of_period(db::Connection& c, const std::vector<std::string>& units, Instant begin,
                                  Instant end) {
  if (units.empty()) return {};
  std::vector<db::Param> params(units.begin(), units.end());
  params.emplace_back(end);
  params.emplace_back(begin);
  return kCaseRow.read_all(
      c.query(fmt::format("SELECT {} FROM feedback_cases WHERE unit_code IN ({}) AND received_at < ?"
                          " AND (answered_at IS NULL OR answered_at >= ?) ORDER BY id",
                          kCaseRow.list(), db::marks(units.size())),
              params));
}

std::vector<Figure> figures(db::Connection& c) {
  std::vector<Figure> out;
  for (const auto& r : c.query(fmt::format("SELECT {} FROM feedback_cases ORDER BY id", kCaseRow.list())).rows) {
    out.push_back(figure(kCaseRow.read(r)));
  }
  return out;
}

}  // namespace cchc::feedback
