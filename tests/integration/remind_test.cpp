// Reminders end to end: `cchc plans remind` raises the day's notices as
// notifications and mails a digest to a local SMTP listener started here;
// a second run the same day raises and mails nothing; the notice shows on
// the user's page.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "app/daily.h"
#include "core/calendar.h"
#include "core/dates.h"
#include "core/text.h"
#include "db/database.h"
#include "support/browser.h"
#include "support/demo_server.h"
#include "support/server_process.h"
#include "support/smtp_listener.h"

namespace cchc {
namespace {

using testing::run_cchc;

// The decoded body of a base64 text/plain message.
std::string body_of(const std::string& data) {
  auto start = data.find("\r\n\r\n");
  return start == std::string::npos ? "" : text::unbase64(data.substr(start + 4)).value_or("");
}

TEST(Reminders, RaisedOnceAndMailedAsADigest) {
  auto dir = std::filesystem::temp_directory_path() / ("cchc-remind-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto db = (dir / "cchc.db").string();
  testing::make_demo_db(db, testing::DemoRecords::without);
  std::string out;
  ASSERT_EQ(run_cchc({"plans", "add", "--db", db, "--number", "30/KH-UBND", "--unit", "DNI", "--year", "2026",
                      "--title", "Kế hoạch thử nhắc việc", "--status", "issued", "--issued-on", "2026-01-05"},
                     out),
            0)
      << out;
  auto csv = (dir / "m.csv").string();
  std::ofstream(csv) << "STT,Nhiệm vụ/Hoạt động,Cơ quan chủ trì,Thời gian hoàn thành\n"
                        "I,Cải cách thủ tục hành chính,,\n"
                        "1,Niêm yết thủ tục hành chính tại phường,Phường Trảng Dài,trước ngày 18/12/2026\n";
  ASSERT_EQ(run_cchc({"plans", "import", "--db", db, "--plan", "30/KH-UBND", csv}, out), 0) << out;

  testing::SmtpListener smtp;
  // 18/12/2026 is a Friday: the 7-day notice goes out on Friday 11/12.
  std::vector<std::string> remind = {"plans",   "remind",           "--db",       db,
                                     "--as-of", "2026-12-11",       "--smtp",     smtp.url(),
                                     "--from",  "cchc@example.org", "--base-url", "http://cchc.test"};
  ASSERT_EQ(run_cchc(remind, out), 0) << out;
  EXPECT_NE(out.find("2026-12-11:"), std::string::npos) << out;
  auto mails = smtp.mails();
  const testing::SmtpListener::Mail* officer = nullptr;
  for (const auto& m : mails) {
    if (m.to.size() == 1 && m.to[0] == "<demo.canbo@example.org>") officer = &m;
  }
  ASSERT_NE(officer, nullptr) << out;
  EXPECT_EQ(officer->from, "<cchc@example.org>");
  EXPECT_NE(officer->data.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(officer->data.find("Content-Type: text/plain; charset=UTF-8"), std::string::npos);
  auto body = body_of(officer->data);
  EXPECT_NE(body.find("Nhiệm vụ “Niêm yết thủ tục hành chính tại phường” của Phường Trảng Dài đến hạn sau 7 ngày "
                      "(18/12/2026)."),
            std::string::npos)
      << body;
  EXPECT_NE(body.find("http://cchc.test/nhiem-vu/"), std::string::npos);
  // The unit's leader gets it too.
  bool leader = false;
  for (const auto& m : mails) leader = leader || (m.to.size() == 1 && m.to[0] == "<demo.lanhdao@example.org>");
  EXPECT_TRUE(leader);

  // Again the same day: nothing new, nothing mailed twice.
  auto before = smtp.mails().size();
  ASSERT_EQ(run_cchc(remind, out), 0) << out;
  EXPECT_NE(out.find("0 new notifications"), std::string::npos) << out;
  EXPECT_NE(out.find("0 digests mailed"), std::string::npos) << out;
  EXPECT_EQ(smtp.mails().size(), before);

  // A Saturday raises nothing.
  remind[5] = "2026-12-12";
  ASSERT_EQ(run_cchc(remind, out), 0);
  EXPECT_NE(out.find("not a working day"), std::string::npos) << out;

  // The first working day after the year's report was due (Tuesday
  // 15/12/2026): the report is missing, its period named by its label in
  // the notice and the mail, never by its key.
  remind[5] = "2026-12-16";
  ASSERT_EQ(run_cchc(remind, out), 0) << out;
  std::string digests;
  for (const auto& m : smtp.mails()) {
    if (m.to.size() == 1 && m.to[0] == "<demo.canbo@example.org>") digests += body_of(m.data);
  }
  EXPECT_NE(digests.find("chưa gửi báo cáo nhiệm vụ “Niêm yết thủ tục hành chính tại phường” cho kỳ năm 2026; đã "
                         "quá hạn gửi báo cáo (15/12/2026)."),
            std::string::npos)
      << digests;
  // The key appears only in the links' addresses (ky=2026-year), never in words.
  EXPECT_EQ(digests.find(" 2026-year"), std::string::npos) << digests;

  // The officer sees it in the application and marks it read.
  {
    testing::ServerProcess server(db);
    testing::Browser officer_b{server.port()};
    ASSERT_EQ(officer_b.sign_in("demo.canbo", "demo-unit_officer-dongnai"), 303);
    auto page = officer_b.get("/thong-bao");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Niêm yết thủ tục hành chính tại phường"), std::string::npos);
    EXPECT_NE(page.body.find("Chưa đọc"), std::string::npos);
    EXPECT_EQ(officer_b.post("/thong-bao/da-doc", "x=1").status, 303);
    EXPECT_EQ(officer_b.get("/thong-bao").body.find("Chưa đọc"), std::string::npos);
  }
  std::filesystem::remove_all(dir);
}

TEST(Reminders, AnUnreachableServerFailsTheRunAndKeepsTheDigest) {
  auto dir = std::filesystem::temp_directory_path() / ("cchc-remind2-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto db = (dir / "cchc.db").string();
  testing::make_demo_db(db, testing::DemoRecords::without);
  std::string out;
  ASSERT_EQ(run_cchc({"plans", "add", "--db", db, "--number", "31/KH-UBND", "--unit", "DNI", "--year", "2026",
                      "--title", "Thử", "--status", "issued"},
                     out),
            0);
  auto csv = (dir / "m.csv").string();
  std::ofstream(csv) << "STT,Nhiệm vụ/Hoạt động,Cơ quan chủ trì,Thời gian hoàn thành\n"
                        "I,Cải cách thể chế,,\n1,Rà soát,Sở Nội vụ,trước ngày 18/12/2026\n";
  ASSERT_EQ(run_cchc({"plans", "import", "--db", db, "--plan", "31/KH-UBND", csv}, out), 0) << out;
  ASSERT_EQ(
      run_cchc({"user", "add", "--db", db, "--username", "snv.canbo", "--unit", "SNV", "--role", "unit_officer"}, out),
      0)
      << out;
  ASSERT_EQ(run_cchc({"user", "email", "--db", db, "--username", "snv.canbo", "--email", "snv@example.org"}, out), 0);
  EXPECT_NE(run_cchc({"user", "email", "--db", db, "--username", "snv.canbo", "--email", "not an address"}, out), 0);
  int port;
  {
    testing::SmtpListener closed;  // a port that was free, then nobody listens
    port = closed.port();
  }
  std::vector<std::string> remind = {"plans",   "remind",     "--db",   db,
                                     "--as-of", "2026-12-11", "--smtp", "smtp://127.0.0.1:" + std::to_string(port)};
  EXPECT_EQ(run_cchc(remind, out), 1) << out;
  EXPECT_NE(out.find("not mailed: snv@example.org"), std::string::npos) << out;
  // Once a server answers, the kept digest goes out.
  testing::SmtpListener smtp;
  remind[7] = smtp.url();
  ASSERT_EQ(run_cchc(remind, out), 0) << out;
  bool got = false;
  for (const auto& m : smtp.mails()) got = got || m.to[0] == "<snv@example.org>";
  EXPECT_TRUE(got) << out;
  std::filesystem::remove_all(dir);
}

// The server does the day's work itself (app/daily.h): two processes on
// one database, the time already passed, run it once between them; the
// administrator's page shows the run and sets the time.
TEST(Reminders, TheServerRunsTheDaysWorkOnceAcrossProcesses) {
  auto dir = std::filesystem::temp_directory_path() / ("cchc-daily-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto db_path = (dir / "cchc.db").string();
  testing::make_demo_db(db_path, testing::DemoRecords::without);
  const audit::Entry who{"cli:test", "cli", "", "", "", {}, {}};
  auto db = db::open(db_path);
  db->write([&](db::Connection& c) { app::set_daily_at(c, "00:00", who, now_seconds()); });
  const auto today = local_date(now_seconds());
  auto finished = [&] {
    return db->read([&](db::Connection& c) {
      return c.query("SELECT 1 FROM daily_runs WHERE day = ? AND finished_at IS NOT NULL", {format_iso_date(today)})
          .rows.size();
    });
  };
  {
    testing::ServerProcess a(db_path, {"--daily", "on"}), b(db_path, {"--daily", "on"});
    for (int i = 0; i < 300 && finished() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ASSERT_EQ(finished(), 1u);
    auto runs = db->read([](db::Connection& c) { return app::recent_daily_runs(c, 30); });
    ASSERT_EQ(runs.size(), 1u);
    ASSERT_TRUE(runs[0].summary);
    EXPECT_EQ(runs[0].summary->working_day, WorkCalendar::vietnam().is_working_day(today));
    EXPECT_FALSE(runs[0].summary->mailed);  // no SMTP server given
    EXPECT_EQ(db->read([](db::Connection& c) {
      return c.query("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'daily'").one().i64("n");
    }),
              1);

    testing::Browser admin{a.port()}, coordinator{b.port()};
    ASSERT_EQ(admin.sign_in("demo.admin", "demo-admin-dongnai"), 303);
    ASSERT_EQ(coordinator.sign_in("demo.dieuphoi", "demo-coordinator-dongnai"), 303);
    auto page = admin.get("/quan-tri/lich-chay");
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find(format_date_vi(today)), std::string::npos);
    EXPECT_NE(page.body.find("Đã xong"), std::string::npos);
    EXPECT_NE(page.body.find(runs[0].summary->text_vi()), std::string::npos);
    auto bad = admin.post("/quan-tri/lich-chay", "gio=25%3A00");
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("Giờ chạy phải theo dạng giờ:phút"), std::string::npos);
    EXPECT_NE(bad.body.find("value=\"25:00\""), std::string::npos);  // as typed
    EXPECT_EQ(admin.post("/quan-tri/lich-chay", "gio=07%3A15").status, 303);
    EXPECT_EQ(db->read([](db::Connection& c) { return app::daily_at(c); }), 435);
    EXPECT_EQ(coordinator.get("/quan-tri/lich-chay").status, 403);
  }
  // A process started later the same day does not run it again: still one
  // job (a second claim would have enqueued another).
  auto daily_jobs = [&] {
    return db->read([](db::Connection& c) {
      return c.query("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'daily'").one().i64("n");
    });
  };
  {
    testing::ServerProcess c(db_path, {"--daily", "on"});
    std::this_thread::sleep_for(std::chrono::seconds(1));  // its scheduler checks as it starts
  }
  EXPECT_EQ(daily_jobs(), 1);
  // A failed run is claimed again by the next check: a new job, a second
  // attempt.
  db->write([&](db::Connection& c) {
    c.query("UPDATE jobs SET state = 'failed' WHERE kind = 'daily'");
    c.query("UPDATE daily_runs SET finished_at = NULL");
  });
  {
    testing::ServerProcess d(db_path, {"--daily", "on"});
    for (int i = 0; i < 300 && finished() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(finished(), 1u);
  EXPECT_EQ(daily_jobs(), 2);
  EXPECT_EQ(db->read([](db::Connection& c) { return app::recent_daily_runs(c, 1); }).at(0).attempts, 2);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace cchc
