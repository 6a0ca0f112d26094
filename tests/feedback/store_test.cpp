// Feedback storage on both backends: receipt with routing through a merged
// commune, the journey from receipt to a published answer with a pause
// and a rating, refusals that change nothing, rate limits, attachments
// checked by content, search with and without diacritics, personal data
// kept out of the published text, and the indicators fed from the cases
// (app/sources.cpp) with an import of the same id replacing, not adding.
#include "feedback/store.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include "app/sources.h"
#include "core/errors.h"
#include "db/migrate.h"
#include "directory/read.h"
#include "directory/store.h"
#include "indicators/store.h"
#include "support/sample_files.h"
#include "support/smtp_listener.h"
#include "support/test_db.h"

namespace cchc::feedback {
namespace {

using namespace std::chrono;

class FeedbackStore : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, FeedbackStore, ::testing::ValuesIn(testing::backends()),
                         [](const auto& info) { return info.param; });

const audit::Entry kCitizen{"citizen", "203.0.113.5", "", "", "", {}, {}};
const audit::Entry kOfficer{"canbo.x", "test", "", "", "", {}, {}};
const audit::Entry kLeader{"lanhdao.x", "test", "", "", "", {}, {}};

const char* kUnits =
    "code,name,level,parent_code,valid_from,valid_to,successor_codes\n"
    "P,Tỉnh Đồng Nai,province,,2004-01-01,,\n"
    "VP,Văn phòng UBND tỉnh,department,P,2004-01-01,,\n"
    "XA,Xã A,commune,P,2004-01-01,2024-02-29,XB\n"
    "XB,Xã B,commune,P,2004-01-01,,\n"
    "XC,Xã C,commune,P,2004-01-01,,\n";

Instant at(const char* rfc3339) { return parse_rfc3339(rfc3339); }
const WorkCalendar& cal() { return WorkCalendar::vietnam(); }

// A store write in a transaction of its own, as a page makes it:
// write(db, raise_reminders, cal(), …).
template <class R, class... Params, class... Args>
R write(db::Database& db, R (*f)(db::Connection&, Params...), Args&&... args) {
  return db.write([&](db::Connection& c) { return f(c, std::forward<Args>(args)...); });
}

struct Fixture {
  db::Database& db;
  std::vector<directory::Unit> units;
  Sinks sinks = app::feedback_sinks();

  explicit Fixture(db::Database& d) : db(d) {
    db::migrate(db);
    EXPECT_TRUE(directory::import_units(db, kUnits, kOfficer, Instant{}).ok());
    units = directory::load_units(db);
    Category land;
    land.code = "dat-dai";
    land.name = "Đất đai";
    land.deadline_days = 10;
    land.extension_days = 10;
    land.legal_source = "Nghị định 20/2008/NĐ-CP";
    land.route_by_place = true;
    land.unit_code = "VP";
    write(db, save_category, land, kOfficer, Instant{});
  }

  Intake intake(const char* place = "XA", const char* ip = "203.0.113.5", const char* phone = "0912345678") {
    Intake in;
    in.submission.category_code = "dat-dai";
    in.submission.place_code = place;
    in.submission.content = "Đường vào khu dân cư ngập nước, gọi tôi 0912 345 678. Tôi là Trần Thị Bình.";
    in.submission.name = "Trần Thị Bình";
    in.submission.phone = phone;
    in.submission.consent = true;
    in.submission.publish_allowed = true;
    in.ip = ip;
    return in;
  }

  Case step(std::int64_t id, Action a, Actor who, Instant now, std::string note = "", std::string answer = "") {
    Step s;
    s.action = a;
    s.actor = who;
    s.note = std::move(note);
    s.answer = std::move(answer);
    s.assignee = "canbo.x";
    s.publish = true;
    if (a == Action::rate) s.rating = Rating::satisfied;
    return act(db, id, s, units, cal(), sinks, who == Actor::leader ? kLeader : kOfficer, now);
  }

  indicators::Indicators figures(const char* unit) {
    return db.read([&](db::Connection& c) {
      return indicators::query(c, unit, Period::of_year(2024), indicators::Scope::subtree);
    });
  }
};

TEST_P(FeedbackStore, FromReceiptToAPublishedAnswer) {
  CCHC_TEST_DB(t, GetParam());
  Fixture f(*t->db);
  // Monday 04/03/2024 16:30, place XA, merged into XB on 01/03: XB answers.
  auto receipt = receive(f.db, f.intake(), f.units, cal(), f.sinks, kCitizen, at("2024-03-04T16:30:00+07:00"));
  const auto id = receipt.kase.id;
  EXPECT_EQ(receipt.kase.unit_code, "XB");
  EXPECT_EQ(format_iso_date(local_date(receipt.kase.due_at)), "2024-03-18");
  EXPECT_TRUE(f.db.read([&](db::Connection& c) { return find_by_secret(c, receipt.secret); }).has_value());
  EXPECT_FALSE(f.db.read([&](db::Connection& c) { return find_by_secret(c, receipt.secret + "x"); }).has_value());
  EXPECT_EQ(f.figures("XB").feedback_received, 1);

  f.step(id, Action::assign, Actor::officer, at("2024-03-05T08:00:00+07:00"));
  // Asked on Wednesday, answered by the citizen on Monday: 3 working days paused.
  f.step(id, Action::ask_clarification, Actor::officer, at("2024-03-06T10:00:00+07:00"), "Xin cho biết số nhà?");
  auto k = f.step(id, Action::citizen_reply, Actor::citizen, at("2024-03-11T15:00:00+07:00"), "Số 12, tổ 5.");
  EXPECT_EQ(k.state, State::processing);
  EXPECT_EQ(format_iso_date(local_date(k.due_at)), "2024-03-21");

  // An officer may not approve; the refusal changes nothing.
  f.step(id, Action::draft, Actor::officer, at("2024-03-12T09:00:00+07:00"), "",
         "Kính gửi bà Trần Thị Bình, UBND xã đã khơi thông cống. Liên hệ 0251 3822 123.");
  EXPECT_THROW(f.step(id, Action::approve, Actor::officer, at("2024-03-12T10:00:00+07:00")), Error);
  EXPECT_EQ(f.db.read([&](db::Connection& c) { return find_case(c, id); })->state, State::drafted);
  EXPECT_EQ(f.figures("XB").feedback_answered, 0);

  k = f.step(id, Action::approve, Actor::leader, at("2024-03-13T09:00:00+07:00"));
  EXPECT_EQ(k.state, State::answered);
  EXPECT_TRUE(k.published);
  for (const auto& text : {k.public_content, k.public_answer}) {
    EXPECT_EQ(text.find("Bình"), std::string::npos) << text;
    EXPECT_EQ(text.find("0912"), std::string::npos) << text;
  }
  EXPECT_EQ(k.public_answer.find("3822"), std::string::npos);
  auto figures = f.figures("XB");
  EXPECT_EQ(figures.feedback_answered, 1);
  EXPECT_EQ(figures.feedback_on_time_rate.numerator, 1);

  // Found with and without diacritics; not for a word it lacks.
  for (const char* q : {"khơi thông cống", "khoi thong cong", "KHOI", "đất đai"}) {
    PublicFilter pf;
    pf.query = q;
    EXPECT_EQ(f.db.read([&](db::Connection& c) { return published(c, pf, 0, 10); }).total, 1) << q;
  }
  PublicFilter none;
  none.query = "binh";  // the citizen's name is not in the public text
  EXPECT_EQ(f.db.read([&](db::Connection& c) { return published(c, none, 0, 10); }).total, 0);

  k = f.step(id, Action::rate, Actor::citizen, at("2024-03-14T09:00:00+07:00"));
  EXPECT_EQ(k.rating, Rating::satisfied);
  EXPECT_THROW(f.step(id, Action::rate, Actor::citizen, at("2024-03-14T10:00:00+07:00")), Error);
  EXPECT_EQ(f.figures("XB").feedback_satisfaction_rate.numerator, 1);

  // The history holds every step; the audit log the workflow only.
  auto events = f.db.read([&](db::Connection& c) { return history(c, id); });
  ASSERT_EQ(events.size(), 7u);  // receive, assign, ask, reply, draft, approve, rate
  EXPECT_EQ(events[0].action, "receive");
  EXPECT_EQ(events[3].actor, "citizen");
}

TEST_P(FeedbackStore, ReopenedOnceThenCountedOpenAgain) {
  CCHC_TEST_DB(t, GetParam());
  Fixture f(*t->db);
  auto id = receive(f.db, f.intake("XC"), f.units, cal(), f.sinks, kCitizen, at("2024-03-04T09:00:00+07:00")).kase.id;
  f.step(id, Action::assign, Actor::officer, at("2024-03-04T10:00:00+07:00"));
  f.step(id, Action::draft, Actor::officer, at("2024-03-05T09:00:00+07:00"), "", "Đã xử lý xong việc này.");
  f.step(id, Action::approve, Actor::leader, at("2024-03-06T09:00:00+07:00"));
  EXPECT_EQ(f.figures("XC").feedback_answered, 1);
  auto k = f.step(id, Action::reopen, Actor::citizen, at("2024-03-07T09:00:00+07:00"), "Chưa thấy khắc phục.");
  EXPECT_EQ(k.state, State::processing);
  EXPECT_EQ(format_iso_date(local_date(k.due_at)), "2024-03-21");  // ten working days from the reopening
  EXPECT_EQ(f.figures("XC").feedback_answered, 0);
  f.step(id, Action::draft, Actor::officer, at("2024-03-08T09:00:00+07:00"), "", "Đã khắc phục, mời kiểm tra.");
  f.step(id, Action::approve, Actor::leader, at("2024-03-08T10:00:00+07:00"));
  EXPECT_THROW(f.step(id, Action::reopen, Actor::citizen, at("2024-03-09T09:00:00+07:00"), "Lần hai"), Error);
}

TEST_P(FeedbackStore, RefusalsAndBadInputChangeNothing) {
  CCHC_TEST_DB(t, GetParam());
  Fixture f(*t->db);
  auto id = receive(f.db, f.intake("XC"), f.units, cal(), f.sinks, kCitizen, at("2024-03-04T09:00:00+07:00")).kase.id;
  auto before = *f.db.read([&](db::Connection& c) { return find_case(c, id); });
  struct Row {
    Action action;
    Actor actor;
    const char* note;
    const char* why;
  };
  const Row rows[] = {
      {Action::refuse, Actor::officer, "Không thuộc thẩm quyền", "only a leader refuses"},
      {Action::refuse, Actor::leader, "", "a refusal needs its legal reason"},
      {Action::transfer, Actor::officer, "", "a transfer needs a reason"},
      {Action::approve, Actor::leader, "", "nothing drafted"},
      {Action::citizen_reply, Actor::citizen, "Trả lời", "nothing was asked"},
      {Action::extend, Actor::leader, "Phức tạp", "no number of days"},
  };
  for (const auto& r : rows) {
    Step s;
    s.action = r.action;
    s.actor = r.actor;
    s.note = r.note;
    EXPECT_THROW(act(f.db, id, s, f.units, cal(), f.sinks, kLeader, at("2024-03-05T09:00:00+07:00")), Error) << r.why;
    auto now = *f.db.read([&](db::Connection& c) { return find_case(c, id); });
    EXPECT_EQ(now.state, before.state) << r.why;
    EXPECT_EQ(now.due_at, before.due_at) << r.why;
    EXPECT_EQ(now.updated_at, before.updated_at) << r.why;
  }
  EXPECT_EQ(f.db.read([&](db::Connection& c) { return history(c, id); }).size(), 1u);

  // A bad submission or a file that is not what it says stores nothing.
  auto bad = f.intake("XC");
  bad.submission.consent = false;
  EXPECT_THROW(receive(f.db, bad, f.units, cal(), f.sinks, kCitizen, at("2024-03-04T10:00:00+07:00")), Error);
  auto disguised = f.intake("XC");
  disguised.files.push_back({"anh.png", testing::sample_html()});
  EXPECT_THROW(receive(f.db, disguised, f.units, cal(), f.sinks, kCitizen, at("2024-03-04T10:00:00+07:00")), Error);
  auto gif = f.intake("XC");
  gif.files.push_back({"anh.gif", testing::sample_gif()});
  EXPECT_THROW(receive(f.db, gif, f.units, cal(), f.sinks, kCitizen, at("2024-03-04T10:00:00+07:00")), Error);
  auto unknown = f.intake("NOWHERE");
  EXPECT_THROW(receive(f.db, unknown, f.units, cal(), f.sinks, kCitizen, at("2024-03-04T10:00:00+07:00")), Error);
  QueueFilter all;
  all.units = {"P", "VP", "XA", "XB", "XC"};
  all.include_closed = true;
  EXPECT_EQ(f.db.read([&](db::Connection& c) { return queue(c, all, 0, 100); }).total, 1);

  auto ok = f.intake("XC");
  ok.files.push_back({"anh.png", testing::sample_png()});
  ok.files.push_back({"don.pdf", testing::sample_pdf()});
  auto k = receive(f.db, ok, f.units, cal(), f.sinks, kCitizen, at("2024-03-04T10:00:00+07:00")).kase;
  auto stored = f.db.read([&](db::Connection& c) { return files(c, k.id); });
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].content_type, "image/png");
  EXPECT_TRUE(stored[0].checked_by.empty());
  auto bytes = f.db.read([&](db::Connection& c) { return file(c, k.id, stored[1].id); });
  EXPECT_EQ(bytes->bytes, testing::sample_pdf());
  EXPECT_FALSE(f.db.read([&](db::Connection& c) { return file(c, id, stored[1].id); }).has_value());
}

TEST_P(FeedbackStore, RateLimitsByAddressAndByContact) {
  CCHC_TEST_DB(t, GetParam());
  Fixture f(*t->db);
  auto now = at("2024-03-04T09:00:00+07:00");
  // Three from one phone in a day, from different addresses: the fourth is refused.
  for (int i = 0; i < kPerContactPerDay; ++i) {
    auto in = f.intake("XC", i == 0 ? "198.51.100.1" : i == 1 ? "198.51.100.2" : "198.51.100.3");
    EXPECT_FALSE(f.db.read([&](db::Connection& c) { return over_limit(c, in, now); }));
    receive(f.db, in, f.units, cal(), f.sinks, kCitizen, now + minutes{i});
  }
  EXPECT_TRUE(f.db.read([&](db::Connection& c) { return over_limit(c, f.intake("XC", "198.51.100.9"), now); }));
  EXPECT_FALSE(f.db.read(
      [&](db::Connection& c) { return over_limit(c, f.intake("XC", "198.51.100.9"), now + hours{24} + minutes{3}); }));
  // Five from one address within the hour, each with its own phone.
  for (int i = 0; i < kPerAddressPerHour; ++i) {
    auto in = f.intake("XC", "192.0.2.7", fmt::format("09870000{:02}", i).c_str());
    receive(f.db, in, f.units, cal(), f.sinks, kCitizen, now + minutes{10 + i});
  }
  auto sixth = f.intake("XC", "192.0.2.7", "0987000099");
  EXPECT_TRUE(f.db.read([&](db::Connection& c) { return over_limit(c, sixth, now + minutes{30}); }));
  EXPECT_FALSE(f.db.read([&](db::Connection& c) { return over_limit(c, sixth, now + minutes{75}); }));
}

TEST_P(FeedbackStore, AnImportOfTheSameIdReplacesTheCasesRecord) {
  CCHC_TEST_DB(t, GetParam());
  Fixture f(*t->db);
  auto in = f.intake("XC");
  in.channel = Channel::national_portal;
  in.external_id = "QG-2024-0001";
  auto k = receive(f.db, in, f.units, cal(), f.sinks, kOfficer, at("2024-03-04T09:00:00+07:00")).kase;
  EXPECT_THROW(receive(f.db, in, f.units, cal(), f.sinks, kOfficer, at("2024-03-04T09:30:00+07:00")), Error);
  EXPECT_EQ(f.figures("XC").feedback_received, 1);
  indicators::ImportRequest req;
  req.kind = indicators::Kind::feedback;
  std::string csv =
      "id,unit_code,channel,received_at,due_at,answered_at,status,rating\n"
      "QG-2024-0001,XC,national_portal,2024-03-04T09:00:00+07:00,2024-03-18T23:59:59+07:00,"
      "2024-03-08T09:00:00+07:00,answered,satisfied\n";
  req.text = csv;
  auto out = indicators::import_batch(f.db, req, kOfficer, at("2024-03-09T09:00:00+07:00"));
  ASSERT_TRUE(out.ok()) << out.errors.front().message;
  EXPECT_EQ(out.summary.updated, 1);
  auto figures = f.figures("XC");
  EXPECT_EQ(figures.feedback_received, 1);
  EXPECT_EQ(figures.feedback_answered, 1);
  (void)k;
}

TEST_P(FeedbackStore, NationalPortalFilesAreImportedWholeOrNotAtAll) {
  CCHC_TEST_DB(t, GetParam());
  Fixture f(*t->db);
  const std::string header = "external_id,received_at,category,place,content,name,email,phone,publish\n";
  const std::string good1 =
      "QG-1,2024-03-04T09:00:00+07:00,dat-dai,XA,Đề nghị cấp giấy chứng nhận đã quá hạn hai tháng.,Lê Văn C,,,1\n";
  const std::string good2 =
      "QG-2,2024-03-05T18:00:00+07:00,dat-dai,,Đề nghị hướng dẫn thủ tục tách thửa đất nông nghiệp.,Phạm "
      "D,,0912000222,0\n";
  auto import = [&](const std::string& text) {
    return import_cases(f.db, text, Channel::national_portal, f.units, cal(), f.sinks, kOfficer,
                        at("2024-03-10T09:00:00+07:00"));
  };
  auto count = [&] {
    return f.db.read(
        [](db::Connection& c) { return c.query("SELECT COUNT(*) AS n FROM feedback_cases").one().i64("n"); });
  };
  // Every bad line is named; nothing is written.
  auto bad = import(header + good1 +
                    "QG-3,2024-03-04,dat-dai,,Nội dung phản ánh đủ dài ở đây.,A,,,1\n"                  // no time
                    "QG-4,2024-03-04T09:00:00+07:00,khong-co,,Nội dung phản ánh đủ dài ở đây.,A,,,1\n"  // category
                    "QG-1,2024-03-04T09:00:00+07:00,dat-dai,,Nội dung phản ánh đủ dài ở đây.,A,,,1\n"   // repeated id
                    "QG-5,2024-03-04T09:00:00+07:00,dat-dai,NOPE,Ngắn,A,,,2\n"  // place, publish
                    "QG-6,2024-03-04T09:00:00+07:00,dat-dai\n");                // fields
  ASSERT_EQ(bad.errors.size(), 5u);
  EXPECT_EQ(bad.errors[0].line, 3);
  EXPECT_EQ(bad.errors[4].line, 7);
  EXPECT_EQ(count(), 0);
  EXPECT_FALSE(import("id,when\nQG-1,x\n").ok());  // the header is the contract
  EXPECT_EQ(count(), 0);

  auto ok = import(header + good1 + good2);
  ASSERT_TRUE(ok.ok()) << ok.errors.front().message;
  EXPECT_EQ(ok.inserted, 2);
  auto again = import(header + good1 + good2);
  EXPECT_EQ(again.inserted, 0);
  EXPECT_EQ(again.unchanged, 2);
  EXPECT_EQ(count(), 2);
  auto k = *f.db.read([&](db::Connection& c) {
    return find_case(c, c.query("SELECT id FROM feedback_cases WHERE external_id = 'QG-2'").one().i64("id"));
  });
  EXPECT_EQ(k.channel, Channel::national_portal);
  EXPECT_EQ(k.unit_code, "VP");                                    // no place: the category's unit
  EXPECT_EQ(format_iso_date(local_date(k.due_at)), "2024-03-20");  // after 17:00: counts from Wednesday
  EXPECT_EQ(f.figures("VP").feedback_received, 1);                 // counted under the national portal's id
}

TEST_P(FeedbackStore, AcknowledgementsAreMailedOnceAndForgetTheLink) {
  CCHC_TEST_DB(t, GetParam());
  Fixture f(*t->db);
  auto in = f.intake("XC");
  in.submission.email = "nguoidan.ack@example.org";
  auto r = receive(f.db, in, f.units, cal(), f.sinks, kCitizen, at("2024-03-04T09:00:00+07:00"));
  write(f.db, queue_acknowledgement, r.kase, "/phan-anh/theo-doi/" + r.secret, "Tỉnh Đồng Nai", r.kase.received_at);
  auto no_mail = receive(f.db, f.intake("XC", "198.51.100.4", "0987111222"), f.units, cal(), f.sinks, kCitizen,
                         at("2024-03-04T09:10:00+07:00"));
  write(f.db, queue_acknowledgement, no_mail.kase, "/x", "Tỉnh Đồng Nai",
        no_mail.kase.received_at);  // no address: nothing
  // An unreachable server: kept, retried.
  EXPECT_EQ(send_acknowledgements(f.db, "smtp://127.0.0.1:1", "cchc@example.org", "https://cchc.example", Instant{}),
            0);
  testing::SmtpListener smtp;
  EXPECT_EQ(send_acknowledgements(f.db, smtp.url(), "cchc@example.org", "https://cchc.example", Instant{}), 1);
  EXPECT_EQ(send_acknowledgements(f.db, smtp.url(), "cchc@example.org", "https://cchc.example", Instant{}), 0);
  auto mails = smtp.mails();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].to, std::vector<std::string>{"<nguoidan.ack@example.org>"});
  auto link =
      f.db.read([&](db::Connection& c) { return c.query("SELECT link_path, attempts FROM feedback_outbox").one(); });
  EXPECT_EQ(link.str("link_path"), "");  // the secret is not kept once sent
  // The answer follows by mail, without the private link.
  f.step(r.kase.id, Action::assign, Actor::officer, at("2024-03-05T09:00:00+07:00"));
  f.step(r.kase.id, Action::draft, Actor::officer, at("2024-03-05T10:00:00+07:00"), "", "Đã khơi thông cống.");
  auto answered = f.step(r.kase.id, Action::approve, Actor::leader, at("2024-03-05T11:00:00+07:00"));
  write(f.db, queue_update, answered, "Tỉnh Đồng Nai", answered.updated_at);
  write(f.db, queue_update, no_mail.kase, "Tỉnh Đồng Nai", answered.updated_at);  // no address, and not answered
  EXPECT_EQ(send_acknowledgements(f.db, smtp.url(), "cchc@example.org", "https://cchc.example", Instant{}), 1);
  ASSERT_EQ(smtp.mails().size(), 2u);
  auto update = f.db.read([&](db::Connection& c) {
    return c.query("SELECT subject, body, link_path FROM feedback_outbox ORDER BY id DESC LIMIT 1").one();
  });
  EXPECT_EQ(update.str("subject"), "Trả lời phản ánh " + answered.code);
  EXPECT_NE(update.str("body").find("Đã khơi thông cống."), std::string::npos);
  EXPECT_EQ(update.str("body").find("theo-doi"), std::string::npos);
  EXPECT_EQ(link.i64("attempts"), 2);
}

// Senders in several processes (here threads, each with its own
// connections) share the outbox: every mail goes out exactly once. A mail
// another sender has claimed is left alone until its claim runs out (that
// sender died mid-send); then it is sent.
TEST_P(FeedbackStore, SendersInSeveralProcessesMailEachOnce) {
  CCHC_TEST_DB(t, GetParam());
  Fixture f(*t->db);
  constexpr int kMails = 12;
  for (int i = 0; i < kMails; ++i) {
    const auto ip = fmt::format("198.51.100.{}", i + 1), phone = fmt::format("09871112{:02}", i);
    auto in = f.intake("XC", ip.c_str(), phone.c_str());
    in.submission.email = fmt::format("nguoidan{}@example.org", i);
    auto r = receive(f.db, in, f.units, cal(), f.sinks, kCitizen, at("2024-03-04T09:00:00+07:00"));
    write(f.db, queue_acknowledgement, r.kase, "/phan-anh/theo-doi/" + r.secret, "Tỉnh Đồng Nai", r.kase.received_at);
  }
  testing::SmtpListener smtp;
  const Instant now = at("2024-03-04T10:00:00+07:00");
  std::atomic<int> sent{0};
  std::vector<std::thread> senders;
  for (int s = 0; s < 3; ++s) {
    senders.emplace_back([&] {
      auto own = db::open(t->spec);
      for (int round = 0; round < 3; ++round) {
        sent += send_acknowledgements(*own, smtp.url(), "cchc@example.org", "https://cchc.example", now, 4);
      }
    });
  }
  for (auto& s : senders) s.join();
  sent += send_acknowledgements(f.db, smtp.url(), "cchc@example.org", "https://cchc.example", now, 100);
  EXPECT_EQ(sent.load(), kMails);
  auto mails = smtp.mails();
  std::set<std::string> to;
  for (const auto& m : mails) to.insert(m.to.at(0));
  EXPECT_EQ(mails.size(), std::size_t(kMails));
  EXPECT_EQ(to.size(), std::size_t(kMails)) << "a citizen was mailed twice";

  // A mail claimed by a sender that died: left alone until the claim runs out.
  auto in = f.intake("XC", "203.0.113.9", "0987000999");
  in.submission.email = "nguoidan.cho@example.org";
  auto r = receive(f.db, in, f.units, cal(), f.sinks, kCitizen, at("2024-03-04T09:00:00+07:00"));
  write(f.db, queue_acknowledgement, r.kase, "/phan-anh/theo-doi/" + r.secret, "Tỉnh Đồng Nai", r.kase.received_at);
  f.db.write([&](db::Connection& c) {
    c.query("UPDATE feedback_outbox SET sending_until = ?, attempts = 1 WHERE sent_at IS NULL", {now + kMailClaim});
  });
  EXPECT_EQ(send_acknowledgements(f.db, smtp.url(), "cchc@example.org", "https://cchc.example", now), 0);
  EXPECT_EQ(send_acknowledgements(f.db, smtp.url(), "cchc@example.org", "https://cchc.example", now + kMailClaim), 0);
  EXPECT_EQ(send_acknowledgements(f.db, smtp.url(), "cchc@example.org", "https://cchc.example",
                                  now + kMailClaim + std::chrono::seconds(1)),
            1);
  EXPECT_EQ(smtp.mails().size(), std::size_t(kMails + 1));
}

TEST_P(FeedbackStore, RemindersBeforeAndAfterTheDeadlineAndPausesThatGrow) {
  CCHC_TEST_DB(t, GetParam());
  Fixture f(*t->db);
  std::vector<Notice> seen;
  f.sinks.notify = [&](db::Connection&, const Notice& n) {
    seen.push_back(n);
    return 1;
  };
  auto a = receive(f.db, f.intake("XC"), f.units, cal(), f.sinks, kCitizen, at("2024-03-04T09:00:00+07:00")).kase;
  auto b = receive(f.db, f.intake("XB", "198.51.100.8", "0987654321"), f.units, cal(), f.sinks, kCitizen,
                   at("2024-03-04T09:00:00+07:00"))
               .kase;
  f.step(b.id, Action::assign, Actor::officer, at("2024-03-05T09:00:00+07:00"));
  f.step(b.id, Action::ask_clarification, Actor::officer, at("2024-03-06T09:00:00+07:00"), "Ở đâu?");
  // Thursday 14/03: a is due on Monday 18/03, within two working days; b
  // waits for the citizen (six working days so far), so nothing for it.
  EXPECT_EQ(write(f.db, raise_reminders, cal(), f.sinks, kOfficer, at("2024-03-14T09:00:00+07:00")), 1);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].kind, "feedback_due_soon");
  EXPECT_EQ(seen[0].unit_code, "XC");
  EXPECT_EQ(seen[0].event, "feedback_due_soon:" + a.code + ":2024-03-14");
  EXPECT_EQ(seen[0].audience, Notice::Audience::handlers);
  auto waiting = *f.db.read([&](db::Connection& c) { return find_case(c, b.id); });
  EXPECT_EQ(format_iso_date(local_date(waiting.due_at)), "2024-03-26");
  // Wednesday 27/03: a is seven working days late: its handlers and the coordinator.
  seen.clear();
  write(f.db, raise_reminders, cal(), f.sinks, kOfficer, at("2024-03-27T09:00:00+07:00"));
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].kind, "feedback_overdue");
  EXPECT_NE(seen[0].message.find("7 ngày làm việc"), std::string::npos) << seen[0].message;
  EXPECT_EQ(seen[1].kind, "feedback_escalated");
  EXPECT_EQ(seen[1].audience, Notice::Audience::coordinator);
  // Answered, it reminds no more.
  f.step(a.id, Action::assign, Actor::officer, at("2024-03-27T10:00:00+07:00"));
  f.step(a.id, Action::draft, Actor::officer, at("2024-03-27T11:00:00+07:00"), "", "Đã xử lý.");
  f.step(a.id, Action::approve, Actor::leader, at("2024-03-27T12:00:00+07:00"));
  seen.clear();
  write(f.db, raise_reminders, cal(), f.sinks, kOfficer, at("2024-03-28T09:00:00+07:00"));
  EXPECT_TRUE(seen.empty());
}

}  // namespace
}  // namespace cchc::feedback
