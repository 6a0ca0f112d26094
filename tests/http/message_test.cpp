// Form bodies as Request::form() reads them: the WHATWG urlencoded
// parsing, lenient where clients are (raw brackets and UTF-8 bytes, a
// stray '%'), and multipart fields apart from files.
#include "http/message.h"

#include <gtest/gtest.h>

namespace cchc::http {
namespace {

Request with_body(const std::string& type, const std::string& body) {
  Request req;
  req.message.set(beast_http::field::content_type, type);
  req.message.body() = body;
  return req;
}

TEST(FormBody, UrlencodedAsTheUrlStandardParsesIt) {
  struct Row {
    const char* body;
    std::multimap<std::string, std::string> fields;
  };
  const Row rows[] = {
      {"a=1&b=2", {{"a", "1"}, {"b", "2"}}},
      {"q=c%E1%BA%A3i+c%C3%A1ch", {{"q", "cải cách"}}},
      {"attribute[WHISHETN]=123&attribute%5Bx%5D=y", {{"attribute[WHISHETN]", "123"}, {"attribute[x]", "y"}}},
      {"last_name=L\xc3\xaa", {{"last_name", "Lê"}}},  // raw UTF-8, as curl -d sends it
      {"p=100%&r=%zz%4", {{"p", "100%"}, {"r", "%zz%4"}}},
      {"flag&empty=&&=v", {{"flag", ""}, {"empty", ""}, {"", "v"}}},
      {"k=a=b", {{"k", "a=b"}}},
      {"", {}},
  };
  for (const auto& r : rows) {
    auto req = with_body("application/x-www-form-urlencoded", r.body);
    EXPECT_EQ(req.form(), r.fields) << r.body;
  }
  // Another type has no form fields.
  EXPECT_TRUE(with_body("application/json", "a=1").form().empty());
}

TEST(FormBody, MultipartFieldsAndFiles) {
  std::string body =
      "--B\r\nContent-Disposition: form-data; name=\"noi_dung\"\r\n\r\nĐường ngập\r\n"
      "--B\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
      "%PDF-1.4\r\n--B--\r\n";
  auto req = with_body("multipart/form-data; boundary=B", body);
  EXPECT_EQ(req.form_param("noi_dung"), "Đường ngập");
  ASSERT_EQ(req.files().count("tep"), 1u);
  EXPECT_EQ(req.files().find("tep")->second.filename, "a.pdf");
}

}  // namespace
}  // namespace cchc::http
