// Open311 GeoReport v2 through the real `cchc serve` on the demo province,
// checked against the specification's text (wiki.open311.org/GeoReport_v2):
// discovery, services and service definitions in JSON and XML, posting a
// request with an api_key (a token of purpose open311, never another),
// the requests list with its filters and 90-day window, errors as the
// specification's list with the HTTP status as code; and no name, e-mail
// address or phone number in any public answer or public page.
#include <gtest/gtest.h>
#include <unistd.h>

#include <pugixml.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "http/middleware.h"
#include "support/demo_server.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/smtp_listener.h"

namespace cchc {
namespace {

using nlohmann::json;
using testing::http_request;
using testing::run_cchc;
using testing::ServerProcess;

class Open311Served : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new testing::DemoServer(testing::DemoRecords::with);
    dir_ = demo_->dir();
    db_ = demo_->db();
    server_ = &demo_->server();
  }
  static void TearDownTestSuite() { delete demo_; }
  static testing::HttpResult get(const std::string& target) { return http_request(server_->port(), "GET", target); }
  static json get_json(const std::string& target, int status = 200) {
    auto r = get(target);
    EXPECT_EQ(r.status, status) << target << "\n" << r.body;
    EXPECT_NE(r.headers.find("content-type")->second.find("application/json"), std::string::npos);
    return json::parse(r.body);
  }
  static testing::HttpResult post(const std::string& target,
                                  const std::vector<std::pair<std::string, std::string>>& f) {
    std::string body;
    for (const auto& [k, v] : f) body += (body.empty() ? "" : "&") + k + "=" + http::url_encode(v);
    return http_request(server_->port(), "POST", target, {{"Content-Type", "application/x-www-form-urlencoded"}}, body);
  }
  static std::string token(const char* purpose) {
    std::string out;
    EXPECT_EQ(
        run_cchc({"tokens", "add", "--db", db_, "--name", "Ứng dụng", "--unit", "DNI", "--purpose", purpose}, out), 0);
    return testing::last_json_line(out)["secret"];
  }
  // Every error is a list of {code, description} whose code is the status.
  static void expect_error(const testing::HttpResult& r, int status) {
    EXPECT_EQ(r.status, status) << r.body;
    auto j = json::parse(r.body);
    ASSERT_TRUE(j.is_array()) << r.body;
    ASSERT_EQ(j.size(), 1u);
    EXPECT_EQ(j[0]["code"], status);
    EXPECT_TRUE(j[0]["description"].is_string());
  }

  static inline std::filesystem::path dir_;
  static inline std::string db_;
  static inline ServerProcess* server_ = nullptr;  // demo_'s
  static inline testing::DemoServer* demo_ = nullptr;
};

TEST_F(Open311Served, DiscoveryInBothFormats) {
  auto d = get_json("/open311/v2/discovery.json");
  for (const char* field : {"changeset", "contact", "key_service"}) EXPECT_TRUE(d[field].is_string()) << field;
  ASSERT_TRUE(d["endpoints"].is_array());
  ASSERT_FALSE(d["endpoints"].empty());
  const auto& e = d["endpoints"][0];
  EXPECT_EQ(e["specification"], "http://wiki.open311.org/GeoReport_v2");
  EXPECT_EQ(e["type"], "production");
  EXPECT_TRUE(e["url"].get<std::string>().ends_with("/open311/v2"));
  EXPECT_EQ(e["formats"], json::array({"text/xml", "application/json"}));

  auto x = get("/open311/v2/discovery.xml");
  EXPECT_EQ(x.status, 200);
  EXPECT_NE(x.headers.find("content-type")->second.find("text/xml"), std::string::npos);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(x.body.c_str()));
  auto endpoint = doc.child("discovery").child("endpoints").child("endpoint");
  EXPECT_STREQ(endpoint.child_value("specification"), "http://wiki.open311.org/GeoReport_v2");
  int formats = 0;
  for (auto f : endpoint.child("formats").children("format")) formats += f.text().empty() ? 0 : 1;
  EXPECT_EQ(formats, 2);
}

TEST_F(Open311Served, ServicesAndTheirDefinitions) {
  auto list = get_json("/open311/v2/services.json");
  ASSERT_TRUE(list.is_array());
  ASSERT_GE(list.size(), 5u);
  for (const auto& s : list) {
    for (const char* field : {"service_code", "service_name", "description", "keywords", "group", "type"}) {
      EXPECT_TRUE(s[field].is_string()) << field;
    }
    EXPECT_TRUE(s["metadata"].is_boolean());
    EXPECT_TRUE(s["type"] == "realtime" || s["type"] == "batch" || s["type"] == "blackbox");
    EXPECT_TRUE(s["deadline_working_days"].is_number_integer());
    EXPECT_GT(s["deadline_working_days"].get<int>(), 0);
  }
  auto x = get("/open311/v2/services.xml");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(x.body.c_str()));
  int n = 0;
  for (auto s : doc.child("services").children("service")) {
    EXPECT_STRNE(s.child_value("service_code"), "");
    EXPECT_TRUE(std::string(s.child_value("metadata")) == "false" || std::string(s.child_value("metadata")) == "true");
    ++n;
  }
  EXPECT_EQ(n, int(list.size()));

  std::string code = list[0]["service_code"];
  auto def = get_json("/open311/v2/services/" + code + ".json");
  EXPECT_EQ(def["service_code"], code);
  EXPECT_TRUE(def["attributes"].is_array());
  expect_error(get("/open311/v2/services/khong-co.json"), 404);
  auto xml_error = get("/open311/v2/services/khong-co.xml");
  EXPECT_EQ(xml_error.status, 404);
  pugi::xml_document err;
  ASSERT_TRUE(err.load_string(xml_error.body.c_str()));
  EXPECT_STREQ(err.child("errors").child("error").child_value("code"), "404");
}

TEST_F(Open311Served, PostingNeedsAnOpen311KeyAServiceAndALocation) {
  std::string key = token("open311");
  std::string other = token("indicators");
  const std::vector<std::pair<std::string, std::string>> good = {
      {"service_code", "xay-dung"},
      {"description", "Cống thoát nước trước nhà bị tắc, nước tràn ra đường mỗi khi mưa."},
      {"address_string", "Số 12, khu phố 3, phường Trảng Dài"},
      {"first_name", "Bình"},
      {"last_name", "Trần Thị"},
      {"email", "tranthibinh.311@example.org"},
      {"phone", "0912 777 311"},
      {"attribute[khong-co]", "bỏ qua"}};
  auto with = [&](std::string api_key, std::vector<std::string> drop = {}) {
    std::vector<std::pair<std::string, std::string>> f;
    if (!api_key.empty()) f.emplace_back("api_key", api_key);
    for (const auto& kv : good) {
      if (std::find(drop.begin(), drop.end(), kv.first) == drop.end()) f.push_back(kv);
    }
    return f;
  };
  expect_error(post("/open311/v2/requests.json", with("")), 403);
  expect_error(post("/open311/v2/requests.json", with("cchc_00000000_sai")), 403);
  expect_error(post("/open311/v2/requests.json", with(other)), 403);  // a token for indicators
  expect_error(post("/open311/v2/requests.json", with(key, {"service_code"})), 400);
  expect_error(post("/open311/v2/requests.json", with(key, {"address_string"})), 400);
  auto bad_service = with(key);
  bad_service[1].second = "khong-co";
  expect_error(post("/open311/v2/requests.json", bad_service), 400);

  auto created = post("/open311/v2/requests.json", with(key));
  ASSERT_EQ(created.status, 200) << created.body;
  auto answer = json::parse(created.body);
  ASSERT_TRUE(answer.is_array());
  std::string id = answer[0]["service_request_id"];
  EXPECT_FALSE(id.empty());
  EXPECT_TRUE(answer[0].contains("service_notice"));

  // description is optional, lat/long a location, the key also accepted in the query.
  auto bare = post("/open311/v2/requests.xml?api_key=" + http::url_encode(key),
                   {{"service_code", "cong-vu"}, {"lat", "10.95"}, {"long", "106.82"}});
  EXPECT_EQ(bare.status, 200) << bare.body;
  pugi::xml_document bare_doc;
  ASSERT_TRUE(bare_doc.load_string(bare.body.c_str()));
  EXPECT_STRNE(bare_doc.child("service_requests").child("request").child_value("service_request_id"), "");
  expect_error(post("/open311/v2/requests.json", {{"api_key", key}, {"service_code", "cong-vu"}, {"lat", "10.95"}}),
               400);  // lat without long
  expect_error(
      post("/open311/v2/requests.json", {{"api_key", key}, {"service_code", "cong-vu"}, {"lat", "x"}, {"long", "1"}}),
      400);

  auto one = get_json("/open311/v2/requests/" + id + ".json");
  ASSERT_EQ(one.size(), 1u);
  const auto& r = one[0];
  EXPECT_EQ(r["service_request_id"], id);
  EXPECT_EQ(r["status"], "open");
  EXPECT_EQ(r["service_code"], "xay-dung");
  EXPECT_EQ(r["agency_responsible"], "Phường Trảng Dài");  // routed by the place the address names
  // expected_datetime is the legal deadline: after the request, a W3C time.
  EXPECT_GT(r["expected_datetime"].get<std::string>(), r["requested_datetime"].get<std::string>());
  EXPECT_EQ(r["expected_datetime"].get<std::string>().substr(19), "+07:00");
  for (const auto* target : {"/open311/v2/requests.json", "/open311/v2/requests.xml"}) {
    auto body = get(std::string(target) + "?service_request_id=" + id).body;
    for (const char* pii : {"tranthibinh", "0912777311", "0912 777 311", "Bình", "Trần Thị"}) {
      EXPECT_EQ(body.find(pii), std::string::npos) << target << " holds " << pii;
    }
  }
  auto xml = get("/open311/v2/requests/" + id + ".xml");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(xml.body.c_str()));
  EXPECT_EQ(std::string(doc.child("service_requests").child("request").child_value("service_request_id")), id);
  expect_error(get("/open311/v2/requests/PA-0000-0000.json"), 404);
}

TEST_F(Open311Served, TheRequestsListAndItsFilters) {
  auto recent = get_json("/open311/v2/requests.json");  // the last 90 days
  ASSERT_FALSE(recent.empty());
  auto closed = get_json("/open311/v2/requests.json?status=closed");
  auto open = get_json("/open311/v2/requests.json?status=open");
  auto both = get_json("/open311/v2/requests.json?status=open,closed");
  EXPECT_EQ(closed.size() + open.size(), recent.size());
  EXPECT_EQ(both.size(), recent.size());
  for (const auto& r : closed) EXPECT_EQ(r["status"], "closed");
  for (const auto& r : open) EXPECT_EQ(r["status"], "open");
  std::string code = recent[0]["service_code"];
  for (const auto& r : get_json("/open311/v2/requests.json?service_code=" + code)) EXPECT_EQ(r["service_code"], code);
  std::string oldest = recent.back()["requested_datetime"];
  auto window = get_json("/open311/v2/requests.json?start_date=" + http::url_encode(oldest) +
                         "&end_date=" + http::url_encode(oldest));
  ASSERT_GE(window.size(), 1u);
  EXPECT_EQ(window[0]["requested_datetime"], recent.back()["requested_datetime"]);
  // Published answers carry their text in status_notes; nothing else does.
  for (const auto& r : closed) {
    if (!r["description"].get<std::string>().empty()) {
      EXPECT_FALSE(r["status_notes"].get<std::string>().empty());
    }
  }

  expect_error(
      get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00%2B07:00&end_date=2026-04-02T00:00:00%2B07:00"),
      400);  // 91 days
  EXPECT_EQ(get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00%2B07:00&end_date=2026-03-31T00:00:00%2B07:00")
                .status,
            200);  // 89 days
  expect_error(get("/open311/v2/requests.json?start_date=hom-qua"), 400);
  expect_error(get("/open311/v2/requests.json?status=pending"), 400);
  expect_error(get("/open311/v2/requests.json?service_code=khong-co"), 400);
  expect_error(get("/open311/v2/requests.txt"), 404);
}

TEST_F(Open311Served, NoPublicAnswerOrPageHoldsACitizensContact) {
  // The demo's citizens: names, phone numbers and e-mail addresses
  // (app/demo_feedback.cpp) must appear in no public answer.
  std::string everything = get("/open311/v2/requests.json").body + get("/open311/v2/requests.xml").body;
  for (int page = 1; page <= 3; ++page) {
    everything += get("/phan-anh/da-tra-loi?trang=" + std::to_string(page)).body;
  }
  auto list = get_json("/open311/v2/requests.json?status=closed");
  int published = 0;
  for (const auto& r : list) {
    if (r["description"].get<std::string>().empty()) continue;
    auto page = get("/phan-anh/da-tra-loi/" + r["service_request_id"].get<std::string>());
    EXPECT_EQ(page.status, 200);
    everything += page.body;
    if (++published == 10) break;
  }
  EXPECT_GT(published, 0);
  for (const char* pii : {"nguoidan", "@example.org", "Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Minh Tuấn", "Phạm Thị Hoa",
                          "Hoàng Văn Nam", "Võ Thị Thu Hà", "Đặng Quốc Bảo", "Bùi Thị Lan"}) {
    EXPECT_EQ(everything.find(pii), std::string::npos) << pii;
  }
  std::smatch m;
  std::regex phone("09[0-9]{8}");
  EXPECT_FALSE(std::regex_search(everything, m, phone)) << m.str();
}

TEST_F(Open311Served, WithSmtpConfiguredTheCitizenIsMailedTheCodeAndTheLink) {
  testing::SmtpListener smtp;
  setenv("CCHC_SMTP_URL", smtp.url().c_str(), 1);
  setenv("CCHC_MAIL_FROM", "cchc@dongnai.example", 1);
  ServerProcess mailing(db_);
  unsetenv("CCHC_SMTP_URL");
  unsetenv("CCHC_MAIL_FROM");
  std::string body = "api_key=" + http::url_encode(token("open311")) +
                     "&service_code=cong-vu&address_string=" + http::url_encode("Phường Tam Hiệp") +
                     "&description=" + http::url_encode("Cán bộ hẹn trả kết quả nhiều lần mà không đúng hẹn.") +
                     "&email=nguoidan.mail%40example.org";
  auto r = http_request(mailing.port(), "POST", "/open311/v2/requests.json",
                        {{"Content-Type", "application/x-www-form-urlencoded"}}, body);
  ASSERT_EQ(r.status, 200) << r.body;
  std::string code = json::parse(r.body)[0]["service_request_id"];
  // The server's mailer sends it within seconds, from its own thread.
  for (int i = 0; i < 100 && smtp.mails().empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto mails = smtp.mails();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].to, std::vector<std::string>{"<nguoidan.mail@example.org>"});
  EXPECT_NE(mails[0].data.find("Subject:"), std::string::npos);
  // The body (base64) holds the tracking code and the private link.
  const auto& data = mails[0].data;
  auto start = data.find("\r\n\r\n");
  ASSERT_NE(start, std::string::npos);
  std::string b64;
  for (char ch : data.substr(start + 4)) {
    if (ch != '\r' && ch != '\n') b64 += ch;
  }
  auto text = text::unbase64(b64);
  ASSERT_TRUE(text.has_value());
  EXPECT_NE(text->find(code), std::string::npos);
  EXPECT_NE(text->find("/phan-anh/theo-doi/"), std::string::npos);
}

}  // namespace
}  // namespace cchc
