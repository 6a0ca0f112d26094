// Urging for every shortfall: the kinds, the letter, and what a unit owes
// (urging.h).
#include "coordination/urging.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "coordination/notify.h"
#include "coordination/register.h"
#include "coordination/requests.h"
#include "coordination/review.h"
#include "coordination/work.h"
#include "core/calendar.h"
#include "core/parse.h"
#include "core/text.h"
#include "db/columns.h"
#include "plans/periods.h"
#include "plans/store.h"
#include "views/docx.h"

namespace cchc::coordination {

using namespace std::chrono;
using nlohmann::json;

const std::vector<std::string>& shortfall_kinds() {
  static const std::vector<std::string> kinds = {"task_overdue",       "report_missing",   "report_returned",
                                                 "request_unanswered", "request_returned", "plan_missing",
                                                 "target_missed",      "self_assessment",  "recommendation_overdue"};
  return kinds;
}

std::string shortfall_kind_label_vi(std::string_view kind) {
  if (kind == "task_overdue") return "Nhiệm vụ đã quá hạn chưa hoàn thành";
  if (kind == "report_missing") return "Báo cáo tiến độ nhiệm vụ chưa gửi";
  if (kind == "report_returned") return "Báo cáo tiến độ bị trả lại chưa gửi lại";
  if (kind == "request_unanswered") return "Yêu cầu báo cáo chưa trả lời";
  if (kind == "request_returned") return "Báo cáo theo yêu cầu bị trả lại chưa gửi lại";
  if (kind == "plan_missing") return "Kế hoạch chưa ban hành";
  if (kind == "target_missed") return "Chỉ tiêu phục vụ người dân, doanh nghiệp chưa đạt";
  if (kind == "self_assessment") return "Tự đánh giá chưa nộp";
  if (kind == "recommendation_overdue") return "Kiến nghị sau kiểm tra quá hạn chưa khắc phục";
  return std::string(kind);
}

bool shortfall_due(const Shortfall& s, Date today) { return !s.due || sys_days{*s.due} < sys_days{today}; }

std::vector<Shortfall> shortfalls_of(db::Connection& c, const std::string& unit, Date today,
                                     const std::vector<ShortfallSource>& sources) {
  std::vector<Shortfall> out;
  const auto& cal = WorkCalendar::vietnam();
  int year = int(today.year());
  auto config = plans::load_report_periods(c);
  std::map<std::int64_t, std::string> numbers;
  for (const auto& p : plans::list_plans(c, year)) numbers[p.id] = p.number;
  for (const auto& s : plans::states_as_of(plans::year_tasks(c, year), today)) {
    for (const auto& a : s.leads) {
      if (a.unit_code != unit || a.status != TaskStatus::overdue) continue;
      std::string late = s.task.deadline.due
                             ? fmt::format("; quá hạn {} ngày làm việc",
                                           text::format_int(working_days_overdue(cal, *s.task.deadline.due, today)))
                             : "";
      out.push_back({"task_overdue",
                     fmt::format("{} (Kế hoạch số {}; thời hạn: {}{}; đã thực hiện {} %)", s.task.description,
                                 numbers[s.task.plan_id], format_deadline(s.task.deadline), late, a.percent),
                     s.task.deadline.due});
    }
  }
  for (const auto& period : plans::periods_in_play(config, today, cal)) {
    if (sys_days{today} <= sys_days{period.due}) continue;
    int missing = plans::count_owed(plans::owed_by(c, unit, period, today)).missing();
    if (missing > 0) {
      out.push_back({"report_missing",
                     fmt::format("Báo cáo {} nhiệm vụ kỳ {} (hạn {})", text::format_int(missing),
                                 plans::period_in_sentence(period.label), format_date_vi(period.due)),
                     period.due});
    }
  }
  for (const auto& r : returned_to(c, unit)) {
    auto p = plans::period_of_key(config, r.report.period, cal);
    out.push_back(
        {"report_returned",
         fmt::format("{} — kỳ {}: {}", r.task.description, plans::period_in_sentence(p.label), r.report.review_note),
         returned_due(p.due, r.report.reviewed_at, cal)});
  }
  for (const auto& [request, answer] : requests_owed_by(c, unit)) {
    if (answer.state == "returned") {
      out.push_back({"request_returned", fmt::format("{}: {}", request.title, answer.review_note),
                     returned_due(request.due, answer.reviewed_at, cal)});
    } else if (sys_days{today} > sys_days{request.due}) {
      out.push_back(
          {"request_unanswered", fmt::format("{} (hạn {})", request.title, format_date_vi(request.due)), request.due});
    }
  }
  for (const auto& [plan, requirement] : plans_owed_by(c, unit, today)) {
    if (sys_days{today} <= sys_days{requirement.due}) continue;
    out.push_back({"plan_missing",
                   fmt::format("Kế hoạch thực hiện Kế hoạch số {} (hạn ban hành {})", plan.number,
                               format_date_vi(requirement.due)),
                   requirement.due});
  }
  for (const auto& source : sources) {
    auto more = source(c, unit, today);
    out.insert(out.end(), more.begin(), more.end());
  }
  // Only what is already due: a self-assessment whose deadline is ahead, a
  // returned report still within its days to fix, is not yet a shortfall.
  std::erase_if(out, [&](const Shortfall& s) { return !shortfall_due(s, today); });
  const auto& kinds = shortfall_kinds();
  auto rank = [&](const std::string& k) { return std::find(kinds.begin(), kinds.end(), k) - kinds.begin(); };
  std::stable_sort(out.begin(), out.end(), [&](const Shortfall& a, const Shortfall& b) {
    if (rank(a.kind) != rank(b.kind)) return rank(a.kind) < rank(b.kind);
    if (a.due.has_value() != b.due.has_value()) return a.due.has_value();
    return a.due && sys_days{*a.due} < sys_days{*b.due};
  });
  return out;
}

int reply_days(std::string_view text) {
  int days = parse_int<int>(text::trim(text)).value_or(0);
  if (days < 1 || days > 60) {
    throw invalid_input("reply within 1-60 working days", "Thời hạn báo cáo từ 1 đến 60 ngày làm việc.").at("so_ngay");
  }
  return days;
}

Date reply_due(Date from, int working_days, int days_uncovered, const WorkCalendar& calendar) {
  if (calendar.covers(from)) return calendar.add_working_days(from, working_days);
  return Date{sys_days{from} + std::chrono::days{days_uncovered}};
}

std::string urging_docx(const views::Addressee& to, const std::vector<Shortfall>& items, const std::string& number,
                        Date sent_on, Date reply_by, const views::Issuer& issuer) {
  using namespace views::docx;
  using A = Paragraph::Align;
  auto body = [](std::string text) {
    Paragraph p = para(std::move(text));
    p.indent_first_cm10 = 10;
    return p;
  };
  Document d;
  std::string symbol = issuer.symbol.substr(issuer.symbol.find('-') + 1) + "-CCHC";
  d.add(views::decree30_header(
      issuer, number.empty() ? "Số:        /" + symbol : "Số: " + number,
      fmt::format("{}, ngày {:02} tháng {:02} năm {}", issuer.place, unsigned(sent_on.day()), unsigned(sent_on.month()),
                  int(sent_on.year())),
      "V/v đôn đốc khắc phục những nội dung còn chậm, thiếu trong công tác cải cách hành chính"));
  d.add(views::decree30_to(to));
  d.add(
      body(fmt::format("Qua theo dõi, đến ngày {}, {} còn {} nội dung chậm, thiếu trong công tác cải cách hành "
                       "chính như sau:",
                       format_date_vi(sent_on), to.body, text::format_int(std::int64_t(items.size())))));
  int n = 0;
  for (const auto& kind : shortfall_kinds()) {
    bool any = false;
    for (const auto& s : items) {
      if (s.kind != kind) continue;
      if (!any) d.add(Paragraph(para(fmt::format("{}. {}", ++n, shortfall_kind_label_vi(kind)), A::both, true)));
      any = true;
      d.add(body("- " + text::end_sentence(s.what)));
    }
  }
  d.add(
      body(fmt::format("Đề nghị {} chỉ đạo khẩn trương khắc phục các nội dung trên và báo cáo kết quả trước ngày "
                       "{}. Người đứng đầu chịu trách nhiệm về kết quả thực hiện nhiệm vụ cải cách hành chính của "
                       "cơ quan, đơn vị.",
                       to.head, format_date_vi(reply_by))));
  d.add(views::decree30_footer({"- Như trên;", "- Lưu: VT."}));
  return write(d);
}

namespace {

json items_json(const std::vector<Shortfall>& items) {
  json out = json::array();
  for (const auto& s : items) {
    out.push_back({{"kind", s.kind}, {"what", s.what}, {"due", s.due ? json(format_iso_date(*s.due)) : json()}});
  }
  return out;
}

std::vector<Shortfall> items_of(const std::string& text) {
  std::vector<Shortfall> out;
  for (const auto& i : json::parse(text)) {
    out.push_back(
        {i.at("kind").get<std::string>(), i.at("what").get<std::string>(),
         i.at("due").is_null() ? std::nullopt : std::optional(parse_iso_date(i.at("due").get<std::string>()))});
  }
  return out;
}

const db::Columns<UrgingLetter> kLetterRow{
    {"id", &UrgingLetter::id},
    {"unit_code", &UrgingLetter::unit_code},
    {"issuer_unit", &UrgingLetter::issuer_unit},
    {"number", &UrgingLetter::number},
    {"sent_on", &UrgingLetter::sent_on},
    {"reply_by", &UrgingLetter::reply_by},
    {"items", &UrgingLetter::items, items_of},
    {"notified", &UrgingLetter::notified},
    {"sent_by", &UrgingLetter::sent_by},
};

}  // namespace

UrgingLetter record_urging(db::Connection& c, UrgingLetter l, const audit::Entry& who, Instant now) {
  l.number = text::nfc(text::trim(l.number));
  if (l.items.empty()) throw invalid_input("nothing to urge", "Đơn vị không còn nội dung chậm, thiếu để đôn đốc.");
  if (l.unit_code == l.issuer_unit) {
    throw invalid_input("a letter is never addressed to its own issuer",
                        "Không gửi văn bản đôn đốc cho chính đơn vị mình.");
  }
  if (text::code_points(l.number) > 50) throw invalid_input("the number is over 50 characters", "Số văn bản quá dài.");
  // A number (when given) is unique per issuing unit and year of the
  // letter's day, not across the province.
  int year = int(l.sent_on.year());
  auto same = l.number.empty() ? db::Result{}
                               : c.query("SELECT sent_on FROM urging_letters WHERE issuer_unit = ? AND number = ?",
                                         {l.issuer_unit, l.number});
  for (const auto& r : same.rows) {
    if (int(r.date("sent_on").year()) != year) continue;
    throw invalid_input(fmt::format("unit {} already sent a letter numbered '{}' in {}", l.issuer_unit, l.number, year),
                        fmt::format("Đã có văn bản đôn đốc số {} của đơn vị này trong năm {}.", l.number, year));
  }
  l.sent_by = who.actor;
  l.id = c.query(
              "INSERT INTO urging_letters (unit_code, issuer_unit, number, sent_on, reply_by, items, notified, "
              "sent_by, sent_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?) RETURNING id",
              {l.unit_code, l.issuer_unit, l.number, format_iso_date(l.sent_on), format_iso_date(l.reply_by),
               items_json(l.items).dump(), who.actor, std::int64_t(now.time_since_epoch().count())})
             .one()
             .i64("id");
  l.notified =
      notify_unit(c, l.unit_code, "urging", fmt::format("urging:{}", l.id),
                  fmt::format("Văn bản đôn đốc {}: {} nội dung cần khắc phục trước ngày {}",
                              l.number.empty() ? "" : "số " + l.number, l.items.size(), format_date_vi(l.reply_by)),
                  fmt::format("/don-doc/{}#van-ban", l.unit_code), now);
  c.query("UPDATE urging_letters SET notified = ? WHERE id = ?", {l.notified, l.id});
  audit::record(c, who, "create", "urging_letters", std::to_string(l.id), std::nullopt,
                json{{"unit", l.unit_code}, {"number", l.number}, {"items", items_json(l.items)}}.dump(), now);
  return l;
}

UrgingLetter record_urging(db::Database& db, UrgingLetter l, const audit::Entry& who, Instant now) {
  return db.write([&](db::Connection& c) { return record_urging(c, l, who, now); });
}

std::vector<UrgingLetter> letters_to(db::Connection& c, const std::string& unit) {
  std::vector<UrgingLetter> out;
  for (const auto& r :
       c.query(fmt::format("SELECT {} FROM urging_letters WHERE unit_code = ? ORDER BY sent_at DESC, id "
                           "DESC LIMIT 200",
                           kLetterRow.list()),
               {unit})
           .rows) {
    out.push_back(kLetterRow.read(r));
  }
  return out;
}

std::map<std::string, LettersSent> letters_by_unit(db::Connection& c) {
  std::map<std::string, LettersSent> out;
  for (const auto& r :
       c.query("SELECT unit_code, COUNT(*) AS n, MAX(sent_on) AS last FROM urging_letters GROUP BY unit_code").rows) {
    out[r.str("unit_code")] = {int(r.i64("n")), r.date("last")};
  }
  return out;
}

std::optional<UrgingLetter> find_letter(db::Connection& c, std::int64_t id) {
  auto rows = c.query(fmt::format("SELECT {} FROM urging_letters WHERE id = ?", kLetterRow.list()), {id});
  if (rows.empty()) return std::nullopt;
  return kLetterRow.read(rows.rows[0]);
}

}  // namespace cchc::coordination
