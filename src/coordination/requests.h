#pragma once
// Report requests (yêu cầu báo cáo, docs/plans.md "Report requests"): one
// mechanism for everything the coordinator asks of units outside the task
// matrix: an ad-hoc report (đột xuất), the units' own accounts for a review
// (sơ kết, tổng kết), a thematic report following an outline (đề cương), a
// figure to supply. A request has recipients (units, the units of a level,
// a subtree), a deadline (a date, or working days from the day it is sent),
// an outline of headings each unit fills; units answer with text and files;
// the coordinator accepts or returns each answer. The compiled view and its
// Word draft put every unit's answer under the outline's headings and list
// the units that did not answer.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "coordination/model.h"
#include "core/calendar.h"
#include "db/database.h"
#include "views/decree30.h"

namespace cchc::coordination {

struct ReportRequest {
  std::int64_t id = 0;
  std::string kind = "adhoc";        // adhoc | review | thematic | figure
  std::string title;                 // "Báo cáo sơ kết 6 tháng đầu năm 2024 …"
  std::string body;                  // what is asked, as the letter says it
  std::vector<std::string> outline;  // the headings each unit fills; none: one free text
  std::string figure_unit;           // figure: the unit of the number asked ("%", "hồ sơ")
  Date due{};
  std::string issuer_unit;      // the unit that asks (the coordinator's)
  std::string status = "open";  // open | closed
  std::string created_by;
  Instant created_at{};
  std::vector<std::string> recipients;  // unit codes, by name
};

// One unit's answer. state: none (nothing sent) | submitted | accepted | returned.
struct RequestAnswer {
  std::int64_t request_id = 0;
  std::string unit_code;
  std::string state = "none";
  std::vector<std::string> sections;  // one text per outline heading (or one, with no outline)
  std::optional<double> figure;
  std::string review_note;
  std::string submitted_by;
  std::optional<Instant> submitted_at;
  std::string reviewed_by;
  std::optional<Instant> reviewed_at;
  std::vector<std::pair<std::int64_t, std::string>> files;  // id, name
};

// Files one unit keeps on one answer to a request (and its resubmissions);
// one more is 413.
inline constexpr std::size_t kMaxAnswerFiles = 10;

// ---- Rules (pure) ----------------------------------------------------------

// A request's outline as typed: one heading a line, each trimmed (blank
// lines are kept; create_request drops them).
std::vector<std::string> outline_lines(std::string_view text);

std::string request_kind_label_vi(std::string_view kind);  // Báo cáo đột xuất, Báo cáo sơ kết, tổng kết, …
std::string answer_state_label_vi(std::string_view state);  // Chưa gửi, Đã gửi, chờ duyệt, Đã chấp nhận, Bị trả lại

// The answer workflow, a table (like the task reports' review):
//   action   from                          to
//   submit   none, submitted, returned     submitted   (a unit may correct what it sent until accepted)
//   accept   submitted                     accepted
//   return   submitted                     returned    (a reason of 1-2,000 characters)
// conflict when the action cannot start from `state`; invalid_input for an
// unknown action or a missing reason.
std::string answer_after(std::string_view state, std::string_view action, std::string_view reason);

// Checks a request: a kind of the four, a title of 1-500 characters, a body
// within 20,000, at most 30 headings of 1-300 characters each, a figure
// unit (1-30 characters) only and always for kind figure, a due day not
// before `today`, at least one recipient, at most 2,000. Returns the errors.
std::vector<LineError> check_request(const ReportRequest& r, Date today);
// Checks an answer against its request: one text per heading (at most
// 20,000 characters each), a figure for kind figure, something written.
std::vector<LineError> check_answer(const ReportRequest& r, const RequestAnswer& a);

// The due day a request form states: a date (dd/mm/yyyy), or a number of
// working days counted from `sent_on` (the deadline is the end of that
// working day). Throws invalid_input for neither, both, or a bad value.
Date request_due(const std::string& date_text, const std::string& working_days_text, Date sent_on,
                 const WorkCalendar& calendar);

// The recipients a form names: the open units among `explicit_units`,
// every open unit of the levels `levels`, and every open unit of the
// subtree under `subtree` (itself included), each once, in `units`' order.
// The asking unit itself is never a recipient.
std::vector<std::string> resolve_recipients(const std::vector<UnitRow>& units,
                                            const std::vector<std::string>& explicit_units,
                                            const std::vector<std::string>& levels, const std::string& subtree,
                                            const std::string& issuer);

// The reminder a working day `day` raises for a request due `due` that a
// unit has not answered: "before:N" when N (in `days_before`) working days
// are left, "after:N" on the first working day after the due day and every
// fifth working day after that (N the working days overdue), else none. A
// calendar year it does not cover raises nothing.
std::optional<std::string> request_reminder(Date due, Date day, const std::vector<int>& days_before,
                                            const WorkCalendar& calendar);

// A figure shows as text::format_figure, and a form field holds it as
// text::decimal_input.
// Whether the units' figures add up to a total: counts and amounts do
// ("hồ sơ", "triệu đồng"); a rate never does ("%", "tỷ lệ …", "điểm", "lần/năm"
// per unit of time), so a request for one shows no "Tổng cộng".
bool figures_add_up(std::string_view figure_unit);

// A request compiled: what the compiled page and its Word draft both show,
// so the two cannot disagree. An answer counts as sent when accepted or
// submitted (a submitted one is `pending`, shown "chưa duyệt"); the units
// that sent nothing or whose answer was returned are `missing`.
struct CompiledRequest {
  struct Entry {
    std::string unit;  // the unit's name
    std::string text;  // a section's text (trimmed), or a figure in Vietnamese form
    bool pending = false;
  };
  struct Part {
    std::string heading;
    std::vector<Entry> entries;
  };
  struct Missing {
    std::string unit;
    bool returned = false;
  };
  bool is_figure = false;      // a figure request: `figures` and their total
  std::string figure_unit;     // "%", "hồ sơ"
  std::vector<Entry> figures;  // every sent answer's figure, in the answers' order
  // The sum of the figures, with as many decimals as the most precise of
  // them; "" when no unit sent one. `total_pending`: a pending figure is in it.
  std::string figure_total;
  bool total_pending = false;
  // One part per outline heading (one "Nội dung báo cáo" without an
  // outline), each with the sent answers that wrote under it. In a figure
  // request a heading no unit wrote under is left out: the figures are the
  // answer, the text only explains them.
  std::vector<Part> parts;
  std::vector<Missing> missing;
  std::size_t sent = 0, total = 0;
};
// `names`: unit code → name (a code without a name stands for itself).
CompiledRequest compile_request(const ReportRequest& r, const std::vector<RequestAnswer>& answers,
                                const std::map<std::string, std::string>& names);

// The Word draft in the Decree 30 layout of compile_request: the issuing
// body, the title, the figures with their total for a figure request, for
// each part every unit's answer (a submitted one marked "chưa duyệt"), and
// "Các đơn vị chưa gửi báo cáo" listing the units that sent nothing or
// whose answer was returned; a report has no "Kính gửi:", so its "Nơi
// nhận:" is a line for the drafter to name the recipients, not "Như trên".
std::string request_docx(const ReportRequest& r, const std::vector<RequestAnswer>& answers,
                         const std::map<std::string, std::string>& names, const views::Issuer& issuer);

// ---- Storage ----------------------------------------------------------------
//
// Every write runs in the caller's transaction, with its step in
// report_request_events and its audit entry; its db::Database& form opens one.

// Stores a request (check_request) with its recipients, each with an empty
// answer, and notifies every recipient's officers and leaders. Returns it.
ReportRequest create_request(db::Connection& c, ReportRequest r, const audit::Entry& who, Instant now);
ReportRequest create_request(db::Database& db, ReportRequest r, const audit::Entry& who, Instant now);
std::optional<ReportRequest> find_request(db::Connection& c, std::int64_t id);
// Newest first; `unit` "" for every request, else those addressed to it.
std::vector<ReportRequest> list_requests(db::Connection& c, const std::string& unit = "");
std::vector<RequestAnswer> request_answers(db::Connection& c, std::int64_t request_id);
// A unit's answer (check_answer, answer_after "submit"), with an optional
// file (the evidence rules: check_evidence_file). not_found when the unit
// is not a recipient; conflict once accepted or when the request is closed.
RequestAnswer submit_answer(db::Connection& c, std::int64_t request_id, RequestAnswer a, const audit::Entry& who,
                            Instant now, const EvidenceFile* file = nullptr);
RequestAnswer submit_answer(db::Database& db, std::int64_t request_id, RequestAnswer a, const audit::Entry& who,
                            Instant now, const EvidenceFile* file = nullptr);
// The coordinator accepts or returns an answer (the unit is notified of a return).
RequestAnswer review_answer(db::Connection& c, std::int64_t request_id, const std::string& unit,
                            const std::string& action, const std::string& reason, const audit::Entry& who, Instant now);
RequestAnswer review_answer(db::Database& db, std::int64_t request_id, const std::string& unit,
                            const std::string& action, const std::string& reason, const audit::Entry& who, Instant now);
// Closes (or reopens) a request: a closed one takes no more answers.
void set_request_status(db::Connection& c, std::int64_t id, const std::string& status, const audit::Entry& who,
                        Instant now);
void set_request_status(db::Database& db, std::int64_t id, const std::string& status, const audit::Entry& who,
                        Instant now);
std::optional<StoredFile> find_request_file(db::Connection& c, std::int64_t id);  // task_id holds the request id

// What a unit owes: open requests addressed to it whose answer is none or
// returned, soonest due first.
std::vector<std::pair<ReportRequest, RequestAnswer>> requests_owed_by(db::Connection& c, const std::string& unit);
// How many answers wait for the coordinator (submitted) in open requests
// issued by the units in `issuers` (nullopt: any).
int answers_waiting(db::Connection& c, const std::optional<std::set<std::string>>& issuers);

}  // namespace cchc::coordination
