// The plain request and response types against Beast, which reads and
// writes them on the wire (http/wire.h): a response built through
// http::Response is written byte for byte as the same steps on Beast's
// message would write it, and a request read by Beast's parser keeps what
// was sent.
#include "http/wire.h"

#include <gtest/gtest.h>

#include <boost/beast/http.hpp>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

namespace cchc::http {
namespace {

namespace bhttp = boost::beast::http;

struct Step {
  enum Op { set, insert, erase, body, prepare, result } op;
  std::string name;  // the field name, or the body, or the status code
  std::string value = {};
};

template <class Message>
std::string written(const Message& m) {
  std::ostringstream out;
  out << m;
  return out.str();
}

// Runs `steps` on a message of either kind; "threw" when a step throws.
template <class Message>
std::string run(Message& m, const std::vector<Step>& steps) {
  try {
    for (const auto& s : steps) {
      switch (s.op) {
        case Step::set: m.set(s.name, s.value); break;
        case Step::insert: m.insert(s.name, s.value); break;
        case Step::erase: m.erase(s.name); break;
        case Step::body: m.body() = s.name; break;
        case Step::prepare: m.prepare_payload(); break;
        case Step::result: m.result(static_cast<decltype(m.result())>(std::stoi(s.name))); break;
      }
    }
  } catch (const std::exception&) {
    return "threw";
  }
  return "";
}

TEST(Wire, ResponsesAreWrittenAsBeastWritesThem) {
  struct Row {
    const char* what;
    int status;
    unsigned version;
    std::vector<Step> steps;
  };
  const Row rows[] = {
      {"a page",
       200,
       11,
       {{Step::set, "Content-Type", "text/html; charset=utf-8"},
        {Step::body, "<p>xin chào</p>"},
        {Step::prepare, ""},
        {Step::set, "Cache-Control", "no-store"}}},
      {"a redirect over HTTP/1.0", 303, 10, {{Step::set, "Location", "/dang-nhap?tiep=%2F"}, {Step::prepare, ""}}},
      {"set replaces every field of the name, whatever its case, and goes last",
       200,
       11,
       {{Step::insert, "content-type", "text/plain"},
        {Step::insert, "Vary", "Accept-Encoding"},
        {Step::insert, "CONTENT-TYPE", "text/css"},
        {Step::set, "Content-Type", "application/json"},
        {Step::body, "{}"},
        {Step::prepare, ""},
        {Step::body, "{\"a\":1}"},
        {Step::prepare, ""}}},
      {"insert keeps fields of one name together",
       200,
       11,
       {{Step::insert, "Set-Cookie", "a=1"},
        {Step::set, "X-Frame-Options", "DENY"},
        {Step::insert, "set-cookie", "b=2"},
        {Step::insert, "Retry-After", "5"},
        {Step::insert, "Set-Cookie", "c=3"}}},
      {"values lose outer spaces and tabs",
       200,
       11,
       {{Step::set, "Content-Disposition", " \tattachment; filename=\"a b.csv\" \t"}, {Step::set, "X-Empty", "  "}}},
      {"erase removes every field of the name",
       200,
       11,
       {{Step::insert, "Vary", "A"},
        {Step::insert, "Vary", "B"},
        {Step::insert, "ETag", "\"1\""},
        {Step::erase, "vary", ""},
        {Step::erase, "Absent", ""}}},
      {"a 304 has no payload", 200, 11, {{Step::set, "ETag", "\"a-b\""}, {Step::result, "304"}}},
      {"an empty 204 gets Content-Length: 0", 204, 11, {{Step::prepare, ""}}},
      {"a body on a 304 is refused", 304, 11, {{Step::body, "x"}, {Step::prepare, ""}}},
      {"a body on a 1xx is not", 100, 11, {{Step::body, "x"}, {Step::prepare, ""}}},
      {"a body on a 204 is refused", 204, 11, {{Step::body, "x"}, {Step::prepare, ""}}},
      {"a status Beast does not name", 299, 11, {{Step::body, "ok"}, {Step::prepare, ""}}},
      {"a value over 65 533 bytes is refused", 200, 11, {{Step::set, "X-Long", std::string(65534, 'a')}}},
      {"a value of 65 533 bytes is kept", 200, 11, {{Step::set, "X-Long", std::string(65533, 'a')}}},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.what);
    bhttp::response<bhttp::string_body> beast;
    beast.result(unsigned(r.status));
    beast.version(r.version);
    Response ours{Status(r.status), r.version};
    auto beast_threw = run(beast, r.steps);
    EXPECT_EQ(run(ours, r.steps), beast_threw);
    for (const auto& f : ours.headers()) EXPECT_EQ(ours[f.name], std::string_view(beast[f.name])) << f.name;
    EXPECT_EQ(ours.headers().size(), std::size_t(std::distance(beast.begin(), beast.end())));
    if (beast_threw.empty()) {
      EXPECT_EQ(written(wire_of(std::move(ours))), written(beast));
    }
  }
}

// A shared body (a cached page's bytes) is written as the same bytes owned
// would be, the buffer itself handed to Beast: nothing copied, nothing
// changed in the owner's bytes, and a later change through body() copies.
TEST(Wire, ASharedBodyIsWrittenWithoutACopy) {
  auto bytes = std::make_shared<const std::string>(std::string(5000, 'x') + "<p>xin chào</p>");
  Response owned{Status::ok, 11}, shared{Status::ok, 11};
  for (auto* r : {&owned, &shared}) r->set("Content-Type", "text/html; charset=utf-8");
  owned.body() = *bytes;
  shared.share_body(bytes);
  owned.prepare_payload();
  shared.prepare_payload();
  EXPECT_EQ(std::as_const(shared).body(), *bytes);
  EXPECT_EQ(shared["Content-Length"], std::to_string(bytes->size()));
  auto wire = wire_of(Response(shared));
  ASSERT_TRUE(wire.body().is_shared());
  EXPECT_EQ(wire.body().view().data(), bytes->data());  // the same buffer
  EXPECT_EQ(written(wire), written(wire_of(std::move(owned))));
  // Changing a shared body changes a copy, never the owner's bytes.
  shared.body() += "!";
  EXPECT_EQ(shared.shared_body(), nullptr);
  EXPECT_EQ(shared.body().size(), bytes->size() + 1);
  EXPECT_EQ(bytes->back(), '>');
  // A null shared body is an empty one.
  Response empty{Status::ok, 11};
  empty.share_body(nullptr);
  empty.prepare_payload();
  EXPECT_EQ(empty["Content-Length"], "0");
}

TEST(Wire, RequestsKeepWhatWasSent) {
  struct Row {
    const char* raw;
    Verb method;
    const char* method_string;
    const char* target;
    unsigned version;
    const char* cookie_b;  // the value of cookie "b", or nullptr for none
    const char* body;
  };
  const Row rows[] = {
      {"GET /a?x=1 HTTP/1.1\r\nHost: h\r\n\r\n", Verb::get, "GET", "/a?x=1", 11, nullptr, ""},
      {"POST /f HTTP/1.0\r\nContent-Length: 3\r\ncookie: a=1; b=2\r\n\r\nx=1", Verb::post, "POST", "/f", 10, "2",
       "x=1"},
      {"GET / HTTP/1.1\r\nCookie: a=1\r\nHost: h\r\nCOOKIE: b=3\r\n\r\n", Verb::get, "GET", "/", 11, "3", ""},
      {"PROPFIND /d HTTP/1.1\r\n\r\n", Verb::unknown, "PROPFIND", "/d", 11, nullptr, ""},
      {"get / HTTP/1.1\r\n\r\n", Verb::unknown, "get", "/", 11, nullptr, ""},
      {"DELETE /x HTTP/1.1\r\n\r\n", Verb::delete_, "DELETE", "/x", 11, nullptr, ""},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(r.raw);
    bhttp::request_parser<bhttp::string_body> parser;
    boost::beast::error_code ec;
    std::string_view raw(r.raw);
    while (!raw.empty() && !ec) raw.remove_prefix(parser.put(boost::asio::buffer(raw.data(), raw.size()), ec));
    ASSERT_FALSE(ec) << ec.message();
    ASSERT_TRUE(parser.is_done());
    auto msg = parser.release();
    auto fields = std::vector<std::pair<std::string, std::string>>();
    for (const auto& f : msg) fields.emplace_back(f.name_string(), f.value());
    auto req = request_of(std::move(msg));
    EXPECT_EQ(req.method, r.method);
    EXPECT_EQ(req.method_string(), r.method_string);
    EXPECT_EQ(req.target, r.target);
    EXPECT_EQ(req.version, r.version);
    EXPECT_EQ(req.body, r.body);
    EXPECT_EQ(req.cookie("b"), r.cookie_b ? std::optional<std::string>(r.cookie_b) : std::nullopt);
    std::vector<std::pair<std::string, std::string>> ours;
    for (const auto& f : req.headers) ours.emplace_back(f.name, f.value);
    EXPECT_EQ(ours, fields);
  }
}

TEST(Wire, VerbsStatusesAndFieldNamesAreBeasts) {
  for (auto v : {Verb::delete_, Verb::get, Verb::head, Verb::post, Verb::put, Verb::connect, Verb::options, Verb::trace,
                 Verb::patch}) {
    auto name = to_string(v);
    EXPECT_NE(bhttp::string_to_verb(name), bhttp::verb::unknown) << name;
    EXPECT_EQ(name, std::string_view(bhttp::to_string(bhttp::string_to_verb(name))));
    EXPECT_EQ(verb_of(name), v) << name;
  }
  EXPECT_EQ(verb_of("get"), Verb::unknown);
  EXPECT_EQ(verb_of("PROPFIND"), Verb::unknown);
  for (int code = 0; code < 1000; ++code) {
    EXPECT_EQ(reason(Status(code)), std::string_view(bhttp::obsolete_reason(bhttp::status(code)))) << code;
  }
  for (auto name : {field::accept_encoding,
                    field::access_control_allow_origin,
                    field::allow,
                    field::authorization,
                    field::cache_control,
                    field::connection,
                    field::content_disposition,
                    field::content_encoding,
                    field::content_length,
                    field::content_type,
                    field::cookie,
                    field::etag,
                    field::expect,
                    field::host,
                    field::if_none_match,
                    field::location,
                    field::origin,
                    field::set_cookie,
                    field::user_agent,
                    field::vary}) {
    auto known = bhttp::string_to_field(name);
    EXPECT_NE(known, bhttp::field::unknown) << name;
    EXPECT_EQ(name, std::string_view(bhttp::to_string(known)));
  }
}

}  // namespace
}  // namespace cchc::http
