// The feedback rules as tables of hand-checked cases (docs/feedback.md):
// legal deadlines across the 17:00 cut-off, days off, Tết, make-up working
// days, pauses and extensions; the whole workflow table; routing through
// merged units; tracking codes; submissions; personal data removed; what
// the indicators count.
#include "feedback/rules.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "core/errors.h"
#include "core/secrets.h"

namespace cchc::feedback {
namespace {

using namespace std::chrono;

Instant at(const char* rfc3339) { return parse_rfc3339(rfc3339); }
const WorkCalendar& cal() { return WorkCalendar::vietnam(); }

Case received(const char* when, int days = 10) {
  Case k;
  k.received_at = k.clock_start = at(when);
  k.deadline_days = days;
  return k;
}

TEST(FeedbackDeadline, CountsWorkingDaysFromTheDayOfReceipt) {
  struct Row {
    const char* received;
    int days, extension;
    const char* due;  // the last day, answered by 23:59:59 +07:00
    const char* why;
  };
  const Row rows[] = {
      {"2024-03-04T16:59:00+07:00", 10, 0, "2024-03-18", "Monday before 17:00: counts from Monday"},
      {"2024-03-04T17:00:00+07:00", 10, 0, "2024-03-19", "17:00 sharp is after hours"},
      {"2024-03-04T17:01:00+07:00", 10, 0, "2024-03-19", "Monday after 17:00: counts from Tuesday"},
      {"2024-03-09T10:00:00+07:00", 10, 0, "2024-03-25", "Saturday: counts from Monday"},
      {"2024-03-10T23:59:00+07:00", 10, 0, "2024-03-25", "Sunday night: counts from Monday"},
      {"2025-01-24T09:00:00+07:00", 10, 0, "2025-02-14", "Friday before Tết 2025: the six days off do not count"},
      {"2025-01-28T09:00:00+07:00", 10, 0, "2025-02-17", "during Tết: counts from Monday 03/02"},
      {"2025-04-26T10:00:00+07:00", 10, 0, "2025-05-14", "make-up working day Saturday 26/04/2025 counts"},
      {"2025-04-25T17:30:00+07:00", 10, 0, "2025-05-14", "Friday evening: counts from the make-up Saturday"},
      {"2024-04-30T09:00:00+07:00", 10, 0, "2024-05-15", "on 30/4: counts from 02/05; Saturday 04/05 is worked"},
      {"2024-03-04T09:00:00+07:00", 10, 5, "2024-03-25", "an extension of 5 working days"},
      {"2024-03-04T09:00:00+07:00", 1, 0, "2024-03-05", "one working day"},
      {"2024-03-08T09:00:00+07:00", 1, 0, "2024-03-11", "one working day from a Friday"},
  };
  for (const auto& r : rows) {
    Case k = received(r.received, r.days);
    k.extension_days = r.extension;
    auto due = due_at(cal(), k, at("2024-01-01T00:00:00+07:00"));
    EXPECT_EQ(format_iso_date(local_date(due)), r.due) << r.why;
    EXPECT_EQ(due + seconds{1}, start_of_day(Date{sys_days{local_date(due)} + days{1}})) << r.why;
  }
}

TEST(FeedbackDeadline, PausesStopTheClockForTheWorkingDaysTheyLast) {
  struct Row {
    const char* from;
    const char* to;  // nullptr: still waiting at `now`
    const char* now;
    const char* due;
    const char* why;
  };
  // Received Monday 04/03/2024 09:00: due 18/03 without a pause.
  const Row rows[] = {
      {"2024-03-06T10:00:00+07:00", "2024-03-06T16:00:00+07:00", "2024-03-07T09:00:00+07:00", "2024-03-18",
       "a pause within one day costs nothing"},
      {"2024-03-06T10:00:00+07:00", "2024-03-11T15:00:00+07:00", "2024-03-12T09:00:00+07:00", "2024-03-21",
       "Wednesday to Monday: Thursday, Friday, Monday (3)"},
      {"2024-03-06T10:00:00+07:00", nullptr, "2024-03-08T12:00:00+07:00", "2024-03-20",
       "still waiting on Friday: Thursday and Friday so far (2)"},
      {"2024-03-08T10:00:00+07:00", "2024-03-10T10:00:00+07:00", "2024-03-11T09:00:00+07:00", "2024-03-18",
       "Friday to Sunday: no working day passed"},
      {"2024-03-01T10:00:00+07:00", "2024-03-05T10:00:00+07:00", "2024-03-06T09:00:00+07:00", "2024-03-18",
       "a pause before the clock started (an earlier life of a reopened case) does not count"},
  };
  for (const auto& r : rows) {
    Case k = received("2024-03-04T09:00:00+07:00");
    Pause p;
    p.started_at = at(r.from);
    if (r.to) p.ended_at = at(r.to);
    k.pauses.push_back(p);
    EXPECT_EQ(format_iso_date(local_date(due_at(cal(), k, at(r.now)))), r.due) << r.why;
  }
}

TEST(FeedbackDeadline, OverdueAndDueSoon) {
  Case k = received("2024-03-04T09:00:00+07:00");
  k.due_at = due_at(cal(), k, k.received_at);  // 18/03 23:59:59
  EXPECT_FALSE(overdue(k, at("2024-03-18T23:59:59+07:00")));
  EXPECT_TRUE(overdue(k, at("2024-03-19T00:00:00+07:00")));
  EXPECT_TRUE(due_soon(cal(), k, at("2024-03-15T09:00:00+07:00"), 1));  // Friday: next working day is the 18th
  EXPECT_FALSE(due_soon(cal(), k, at("2024-03-14T09:00:00+07:00"), 1));
  k.state = State::answered;
  EXPECT_FALSE(overdue(k, at("2024-04-01T00:00:00+07:00")));
  EXPECT_FALSE(due_soon(cal(), k, at("2024-03-15T09:00:00+07:00"), 1));
}

TEST(FeedbackWorkflow, TheWholeTableAndNothingElse) {
  // "state action actor → next" for every allowed step.
  const std::set<std::string> allowed = {
      "received assign officer processing",
      "received assign leader processing",
      "received transfer officer received",
      "received transfer leader received",
      "received merge officer merged",
      "received merge leader merged",
      "received comment officer received",
      "received comment leader received",
      "received refuse leader refused",
      "received extend leader received",
      "processing assign officer processing",
      "processing assign leader processing",
      "processing ask_clarification officer waiting_citizen",
      "processing ask_clarification leader waiting_citizen",
      "processing draft officer drafted",
      "processing draft leader drafted",
      "processing transfer officer received",
      "processing transfer leader received",
      "processing merge officer merged",
      "processing merge leader merged",
      "processing comment officer processing",
      "processing comment leader processing",
      "processing refuse leader refused",
      "processing extend leader processing",
      "waiting_citizen citizen_reply citizen processing",
      "waiting_citizen resume officer processing",
      "waiting_citizen resume leader processing",
      "waiting_citizen comment officer waiting_citizen",
      "waiting_citizen comment leader waiting_citizen",
      "waiting_citizen extend leader waiting_citizen",
      "drafted approve leader answered",
      "drafted return_draft leader processing",
      "drafted comment officer drafted",
      "drafted comment leader drafted",
      "answered rate citizen answered",
      "answered reopen citizen processing",
  };
  const char* actors[] = {"officer", "leader", "citizen"};
  std::set<std::string> found;
  for (int s = 0; s <= int(State::merged); ++s) {
    for (int a = 0; a <= int(Action::comment); ++a) {
      for (int who = 0; who < 3; ++who) {
        auto next = transition(State(s), Action(a), Actor(who));
        if (next) found.insert(code(State(s)) + " " + code(Action(a)) + " " + actors[who] + " " + code(*next));
      }
    }
  }
  EXPECT_EQ(found, allowed);
}

TEST(FeedbackWorkflow, GuardsBeyondTheTable) {
  Case k = received("2024-03-04T09:00:00+07:00");
  EXPECT_FALSE(refusal(k, Action::extend, k.received_at));
  k.extension_days = 5;
  EXPECT_TRUE(refusal(k, Action::extend, k.received_at));
  k.state = State::answered;
  k.answered_at = at("2024-03-10T09:00:00+07:00");
  EXPECT_FALSE(refusal(k, Action::rate, at("2024-03-11T09:00:00+07:00")));
  EXPECT_FALSE(refusal(k, Action::reopen, at("2024-04-09T09:00:00+07:00")));  // day 30
  EXPECT_TRUE(refusal(k, Action::reopen, at("2024-04-09T09:00:01+07:00")));
  k.rating = Rating::unsatisfied;
  EXPECT_TRUE(refusal(k, Action::rate, at("2024-03-11T09:00:00+07:00")));
  k.reopened_at = at("2024-03-12T09:00:00+07:00");
  EXPECT_TRUE(refusal(k, Action::reopen, at("2024-03-13T09:00:00+07:00")));
}

std::vector<directory::Unit> tree() {
  auto d = [](const char* s) { return parse_iso_date(s); };
  return {
      {"P", "Tỉnh", "", "province", "", d("2020-01-01"), std::nullopt, {}},
      {"VP", "Văn phòng UBND tỉnh", "", "department", "P", d("2020-01-01"), std::nullopt, {}},
      {"STNMT", "Sở Tài nguyên và Môi trường", "", "department", "P", d("2020-01-01"), d("2025-02-28"), {"SNNMT"}},
      {"SNNMT", "Sở Nông nghiệp và Môi trường", "", "department", "P", d("2025-03-01"), std::nullopt, {}},
      {"XA", "Xã A", "", "commune", "P", d("2020-01-01"), d("2025-06-30"), {"XB", "XC"}},
      {"XB", "Xã B", "", "commune", "P", d("2020-01-01"), d("2025-12-31"), {"XD"}},
      {"XC", "Xã C", "", "commune", "P", d("2020-01-01"), std::nullopt, {}},
      {"XD", "Xã D", "", "commune", "P", d("2026-01-01"), std::nullopt, {}},
  };
}

TEST(FeedbackRouting, ByCategoryAndPlaceThroughMergers) {
  Category land;
  land.route_by_place = true;
  land.unit_code = "STNMT";
  Category conduct;
  conduct.route_by_place = false;
  conduct.unit_code = "VP";
  struct Row {
    const Category* cat;
    const char* place;
    const char* day;
    const char* unit;
    const char* why;
  };
  const Row rows[] = {
      {&land, "XC", "2026-03-01", "XC", "a place's own unit"},
      {&land, "XA", "2025-05-01", "XA", "before the merger the commune itself"},
      {&land, "XA", "2025-08-01", "XB", "after it, the first successor"},
      {&land, "XA", "2026-02-01", "XD", "followed again when the successor merged too"},
      {&land, "", "2024-01-01", "STNMT", "no place: the category's unit"},
      {&land, "", "2025-06-01", "SNNMT", "whose successor answers after its merger"},
      {&conduct, "XC", "2026-03-01", "VP", "a category that does not route by place"},
  };
  for (const auto& r : rows) EXPECT_EQ(route(*r.cat, r.place, tree(), parse_iso_date(r.day)), r.unit) << r.why;
  EXPECT_THROW(route(land, "NOPE", tree(), parse_iso_date("2025-01-01")), Error);
}

TEST(FeedbackCodes, ShortUnguessableAndForgivingWhenTyped) {
  std::regex form("PA-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    auto c = new_tracking_code();
    EXPECT_TRUE(std::regex_match(c, form)) << c;
    EXPECT_EQ(normalise_code(c), c);
    seen.insert(c);
  }
  EXPECT_EQ(seen.size(), 200u);
  struct Row {
    const char* typed;
    std::optional<std::string> code;
  };
  const Row rows[] = {
      {"pa-7k3m-q9tx", "PA-7K3M-Q9TX"},
      {"7K3M Q9TX", "PA-7K3M-Q9TX"},
      {" PA 7K3M-Q9TX ", "PA-7K3M-Q9TX"},
      {"PA-OIL0-0000", "PA-0110-0000"},  // O read as 0, I and L as 1
      {"PA-7K3M-Q9T", std::nullopt},
      {"PA-7K3M-Q9TXX", std::nullopt},
      {"PA-7K3U-Q9TX", std::nullopt},  // U is not in the alphabet
      {"", std::nullopt},
      {"PA-7K3M-Q9T%", std::nullopt},
  };
  for (const auto& r : rows) EXPECT_EQ(normalise_code(r.typed), r.code) << r.typed;
}

TEST(FeedbackSubmission, ChecksEveryField) {
  Submission ok;
  ok.category_code = "dat-dai";
  ok.content = "  Đường vào khu dân cư bị ngập nhiều tuần nay.  ";
  ok.name = " Nguyễn Văn A ";
  ok.phone = "+84 912-345-678";
  ok.consent = true;
  auto s = check_submission(ok);
  EXPECT_EQ(s.content, "Đường vào khu dân cư bị ngập nhiều tuần nay.");
  EXPECT_EQ(s.name, "Nguyễn Văn A");
  EXPECT_EQ(s.phone, "0912345678");

  struct Row {
    void (*change)(Submission&);
    const char* why;
  };
  const Row bad[] = {
      {[](Submission& x) { x.content = "Ngắn quá"; }, "content under 20 characters"},
      {[](Submission& x) { x.content = std::string(5001, 'a'); }, "content over 5,000 characters"},
      {[](Submission& x) { x.name = ""; }, "no name"},
      {[](Submission& x) { x.name = std::string(101, 'a'); }, "name too long"},
      {[](Submission& x) { x.phone = ""; }, "neither e-mail nor phone"},
      {[](Submission& x) { x.phone = "12345"; }, "not a phone number"},
      {[](Submission& x) { x.email = "a@b"; }, "not an address"},
      {[](Submission& x) { x.consent = false; }, "no consent"},
      {[](Submission& x) { x.content = "Nội dung \xff không hợp lệ về UTF-8 ở đây"; }, "bad UTF-8"},
  };
  for (const auto& r : bad) {
    Submission x = ok;
    r.change(x);
    EXPECT_THROW(check_submission(x), Error) << r.why;
  }
  // 20 characters exactly (code points, not bytes) is enough.
  Submission x = ok;
  x.content = "Đường ngập nước quá";  // 19 code points
  EXPECT_THROW(check_submission(x), Error);
  x.content += "!";
  EXPECT_NO_THROW(check_submission(x));
  x.phone = "";
  x.email = "nguoidan@example.org";
  EXPECT_NO_THROW(check_submission(x));
}

TEST(FeedbackSubmission, ANewCaseHoldsWhatTheCitizenSent) {
  struct Row {
    const char* place;
    const char* email;
    const char* phone;
    bool publish;
  };
  const Row rows[] = {
      {"XA", "", "0912345678", true},
      {"", "nguoidan@example.org", "", false},
  };
  for (const auto& r : rows) {
    Submission s;
    s.category_code = "dat-dai";
    s.place_code = r.place;
    s.address = "Ấp 3";
    s.content = "Đường vào khu dân cư bị ngập nhiều tuần nay.";
    s.name = "Nguyễn Văn A";
    s.email = r.email;
    s.phone = r.phone;
    s.consent = true;
    s.publish_allowed = r.publish;
    auto k = new_case(s);
    EXPECT_EQ(k.place_code, s.place_code);
    EXPECT_EQ(k.address, s.address);
    EXPECT_EQ(k.content, s.content);
    EXPECT_EQ(k.name, s.name);
    EXPECT_EQ(k.email, s.email);
    EXPECT_EQ(k.phone, s.phone);
    EXPECT_TRUE(k.consent);
    EXPECT_EQ(k.publish_allowed, r.publish);
    // The rest is the receiving store's to set.
    EXPECT_EQ(k.id, 0);
    EXPECT_EQ(k.category_id, 0);
    EXPECT_EQ(k.state, State::received);
    EXPECT_TRUE(k.unit_code.empty());
  }
}

TEST(FeedbackRedaction, RemovesContactsNumbersAndTheCitizensName) {
  struct Row {
    const char* text;
    const char* expected;
  };
  const Row rows[] = {
      {"Liên hệ tôi qua nguyen.a+pakn@example.org nhé.", "Liên hệ tôi qua [đã ẩn] nhé."},
      {"Số điện thoại 0912 345 678, CCCD 079123456789.", "Số điện thoại [đã ẩn], CCCD [đã ẩn]."},
      {"Gọi +84 912.345.678 giúp.", "Gọi [đã ẩn] giúp."},
      {"Tôi là Nguyễn Văn An, ở tổ 5.", "Tôi là [đã ẩn], ở tổ 5."},
      {"tôi là NGUYEN VAN AN", "tôi là [đã ẩn]"},
      {"Ông Nguyễn Văn Anh không liên quan.", "Ông Nguyễn Văn Anh không liên quan."},
      {"Quyết định 1234/QĐ-UBND ngày 12/3/2024.", "Quyết định 1234/QĐ-UBND ngày 12/3/2024."},
      {"Hồ sơ số 000.00.21.H19-240301-0001", "Hồ sơ số 000.00.21.H[đã ẩn]"},  // a dossier number names a person's file
      {"", ""},
  };
  for (const auto& r : rows) EXPECT_EQ(redact(r.text, {"Nguyễn Văn An"}), r.expected) << r.text;
}

TEST(FeedbackFigures, WhatTheIndicatorsCount) {
  Case k = received("2024-03-04T09:00:00+07:00");
  k.code = "PA-0000-0001";
  k.unit_code = "XC";
  k.due_at = due_at(cal(), k, k.received_at);
  struct Row {
    Channel channel;
    State state;
    const char* external;
    const char* id;
    const char* ch;
    const char* status;
  };
  const Row rows[] = {
      {Channel::web, State::received, "", "PA-0000-0001", "provincial_portal", "open"},
      {Channel::open311, State::waiting_citizen, "", "PA-0000-0001", "provincial_portal", "open"},
      {Channel::hotline_1022, State::answered, "", "PA-0000-0001", "hotline_1022", "answered"},
      {Channel::letter, State::refused, "", "PA-0000-0001", "other", "answered"},
      {Channel::visit, State::merged, "", "PA-0000-0001", "direct", "withdrawn"},
      {Channel::national_portal, State::drafted, "QG-123", "QG-123", "national_portal", "open"},
  };
  for (const auto& r : rows) {
    Case c = k;
    c.channel = r.channel;
    c.state = r.state;
    c.external_id = r.external;
    c.rating = Rating::satisfied;
    if (!is_open(r.state) && r.state != State::merged) c.answered_at = at("2024-03-10T09:00:00+07:00");
    auto f = figure(c);
    EXPECT_EQ(f.id, r.id);
    EXPECT_EQ(f.channel, r.ch);
    EXPECT_EQ(f.status, r.status);
    EXPECT_EQ(f.answered_at.has_value(), std::string(r.status) == "answered");
    EXPECT_EQ(f.rating, r.state == State::answered ? "satisfied" : "");
    EXPECT_EQ(f.due_at, k.due_at);
  }
}

TEST(FeedbackProof, ANonceWithEnoughZeroBits) {
  EXPECT_TRUE(proof_holds("", "", 0));  // off: nothing asked
  // Find the nonce the browser would (static/js/pow.js), for 8 bits.
  std::string nonce;
  for (int n = 0; n < 100000 && nonce.empty(); ++n) {
    if (sha256_hex("thach-thuc:" + std::to_string(n)).starts_with("00")) nonce = std::to_string(n);
  }
  ASSERT_FALSE(nonce.empty());
  EXPECT_TRUE(proof_holds("thach-thuc", nonce, 8));
  EXPECT_TRUE(proof_holds("thach-thuc", nonce, 5));
  EXPECT_FALSE(proof_holds("thach-thuc-khac", nonce, 8) && proof_holds("thach-thuc-khac", nonce, 8) &&
               sha256_hex("thach-thuc-khac:" + nonce).substr(0, 2) != "00");
  EXPECT_EQ(proof_holds("thach-thuc", nonce, 12), sha256_hex("thach-thuc:" + nonce).starts_with("000"));
  EXPECT_FALSE(proof_holds("thach-thuc", "", 8));
  EXPECT_FALSE(proof_holds("thach-thuc", nonce + "x", 8));
  EXPECT_FALSE(proof_holds("thach-thuc", std::string(21, '1'), 8));
  EXPECT_FALSE(proof_holds("thach-thuc", nonce, 25));  // beyond the bound
  EXPECT_FALSE(proof_holds("", nonce, 8));
}

TEST(FeedbackTally, CountsAPeriodAsTheIndicatorsDo) {
  // March 2024; each case received, due and (maybe) answered as given.
  auto begin = at("2024-03-01T00:00:00+07:00"), end = at("2024-04-01T00:00:00+07:00");
  struct Row {
    const char* received;
    const char* due;
    const char* answered;  // nullptr: open
    State state;
    std::optional<Rating> rating;
    Tally expected;  // received, answered, on_time, pending, overdue, rated, satisfied
    const char* why;
  };
  const Row rows[] = {
      {"2024-03-04T09:00:00+07:00",
       "2024-03-18T23:59:59+07:00",
       "2024-03-10T09:00:00+07:00",
       State::answered,
       Rating::satisfied,
       {1, 1, 1, 0, 0, 1, 1},
       "received and answered on time in March, rated"},
      {"2024-03-04T09:00:00+07:00",
       "2024-03-18T23:59:59+07:00",
       "2024-03-19T09:00:00+07:00",
       State::answered,
       Rating::unsatisfied,
       {1, 1, 0, 0, 0, 1, 0},
       "answered a day late, unsatisfied"},
      {"2024-02-20T09:00:00+07:00",
       "2024-03-05T23:59:59+07:00",
       "2024-03-04T09:00:00+07:00",
       State::refused,
       std::nullopt,
       {0, 1, 1, 0, 0, 0, 0},
       "received in February, refused on time in March"},
      {"2024-03-20T09:00:00+07:00",
       "2024-04-03T23:59:59+07:00",
       nullptr,
       State::processing,
       std::nullopt,
       {1, 0, 0, 1, 0, 0, 0},
       "open at the end, not yet due"},
      {"2024-03-04T09:00:00+07:00",
       "2024-03-18T23:59:59+07:00",
       nullptr,
       State::waiting_citizen,
       std::nullopt,
       {1, 0, 0, 1, 1, 0, 0},
       "open at the end and overdue"},
      {"2024-03-04T09:00:00+07:00",
       "2024-03-18T23:59:59+07:00",
       "2024-04-02T09:00:00+07:00",
       State::answered,
       std::nullopt,
       {1, 0, 0, 1, 1, 0, 0},
       "answered after the period: pending and overdue at its end"},
      {"2024-03-04T09:00:00+07:00",
       "2024-03-18T23:59:59+07:00",
       nullptr,
       State::merged,
       std::nullopt,
       {0, 0, 0, 0, 0, 0, 0},
       "merged: counts nowhere"},
      {"2024-04-02T09:00:00+07:00",
       "2024-04-16T23:59:59+07:00",
       nullptr,
       State::received,
       std::nullopt,
       {0, 0, 0, 0, 0, 0, 0},
       "received after the period"},
  };
  for (const auto& r : rows) {
    Case k;
    k.received_at = at(r.received);
    k.due_at = at(r.due);
    if (r.answered) k.answered_at = at(r.answered);
    k.state = r.state;
    k.rating = r.rating;
    Tally t;
    count(t, k, begin, end);
    const auto& e = r.expected;
    EXPECT_EQ(
        std::vector<std::int64_t>({t.received, t.answered, t.on_time, t.pending, t.overdue, t.rated, t.satisfied}),
        std::vector<std::int64_t>({e.received, e.answered, e.on_time, e.pending, e.overdue, e.rated, e.satisfied}))
        << r.why;
  }
}

}  // namespace
}  // namespace cchc::feedback
