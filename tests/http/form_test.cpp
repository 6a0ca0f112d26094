// Form bodies as http::parse_form reads them, within a route's BodyLimits:
// the WHATWG urlencoded parsing, lenient where clients are; multipart in
// one flat pass; every limit refused with its error kind, whatever the body.
#include "http/form.h"

#include <gtest/gtest.h>

#include "core/errors.h"
#include "support/hostile.h"

namespace cchc::http {
namespace {

using testing::repeat;

constexpr const char* kUrlencoded = "application/x-www-form-urlencoded";
constexpr const char* kMultipart = "multipart/form-data; boundary=B";

TEST(Form, UrlencodedAsTheUrlStandardParsesIt) {
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
    EXPECT_EQ(parse_form(kUrlencoded, r.body, kFormBody).fields, r.fields) << r.body;
  }
  // Another type has no form fields.
  EXPECT_TRUE(parse_form("application/json", "a=1", kFormBody).fields.empty());
}

TEST(Form, MultipartFieldsAndFiles) {
  struct Row {
    const char* name;
    std::string body;
    std::multimap<std::string, std::string> fields;
    std::vector<std::string> files;  // "name:filename:type:content"
  };
  const Row rows[] = {
      {"a field and a file",
       "--B\r\nContent-Disposition: form-data; name=\"noi_dung\"\r\n\r\nĐường ngập\r\n"
       "--B\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"a.pdf\"\r\nContent-Type: "
       "application/pdf\r\n\r\n"
       "%PDF-1.4\r\n--B--\r\n",
       {{"noi_dung", "Đường ngập"}},
       {"tep:a.pdf:application/pdf:%PDF-1.4"}},
      {"a preamble, transport padding and an epilogue",
       "ignored\r\n--B  \r\ncontent-disposition: form-data; name=a\r\n\r\n1\r\n--B--\r\nepilogue --B",
       {{"a", "1"}},
       {}},
      {"a value holding CRLF and the boundary's text",
       "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n-B--B\r\n--B--",
       {{"a", "x\r\n-B--B"}},
       {}},
      {"a folded header line",
       "--B\r\nContent-Disposition: form-data;\r\n name=\"a\"\r\n\r\nv\r\n--B--",
       {{"a", "v"}},
       {}},
      {"a part without a name is skipped",
       "--B\r\nContent-Disposition: form-data\r\n\r\nv\r\n--B\r\n\r\nno header\r\n--B--",
       {},
       {}},
      {"an empty file input, and a file without a declared type",
       "--B\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"\"\r\nContent-Type: application/octet-stream"
       "\r\n\r\n\r\n--B\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"b.csv\"\r\n\r\nx,y\r\n--B--",
       {},
       {"tep::application/octet-stream:", "tep:b.csv:application/octet-stream:x,y"}},
  };
  for (const auto& r : rows) {
    auto form = parse_form(kMultipart, r.body, upload(2));
    EXPECT_EQ(form.fields, r.fields) << r.name;
    std::vector<std::string> files;
    for (const auto& [name, f] : form.files) {
      files.push_back(name + ":" + f.filename + ":" + f.content_type + ":" + f.content);
    }
    EXPECT_EQ(files, r.files) << r.name;
  }
}

TEST(Form, RefusalsWithinTheLimits) {
  struct Row {
    const char* name;
    std::string type;
    std::string body;
    BodyLimits limits;
    ErrorKind kind;
  };
  const std::string field = "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n";
  const std::string file = "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\n1\r\n";
  const Row rows[] = {
      {"no boundary", "multipart/form-data", field + "--B--", kFormBody, ErrorKind::invalid_input},
      {"a boundary over 70 characters", "multipart/form-data; boundary=" + std::string(71, 'b'), "", kFormBody,
       ErrorKind::invalid_input},
      {"no delimiter at all", kMultipart, "just text", kFormBody, ErrorKind::invalid_input},
      {"no closing delimiter", kMultipart, "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1", kFormBody,
       ErrorKind::invalid_input},
      {"a header line without a colon", kMultipart, "--B\r\nbroken\r\n\r\n1\r\n--B--", kFormBody,
       ErrorKind::invalid_input},
      {"a part that is itself multipart", kMultipart,
       "--B\r\nContent-Disposition: form-data; name=\"a\"\r\nContent-Type: multipart/mixed; boundary=C\r\n\r\n"
       "--C--\r\n--B--",
       upload(1), ErrorKind::invalid_input},
      {"60 000 levels of nesting", "multipart/form-data; boundary=B0", testing::nested_multipart(60000), upload(1),
       ErrorKind::invalid_input},
      {"one field over the limit", kMultipart, repeat(field, 3) + "--B--", BodyLimits{1024, 2, 0},
       ErrorKind::too_large},
      {"a file where the form takes none", kMultipart, file + "--B--", kFormBody, ErrorKind::too_large},
      {"one file over the limit", kMultipart, repeat(file, 3) + "--B--", upload(2), ErrorKind::too_large},
      {"a million tiny parts", kMultipart, repeat("--B\r\n\r\n\r\n", 1000000) + "--B--", kFormBody,
       ErrorKind::too_large},
      {"a part header over 8 KiB", kMultipart,
       "--B\r\nContent-Disposition: form-data; name=\"" + std::string(9000, 'a') + "\"\r\n\r\n1\r\n--B--", kFormBody,
       ErrorKind::too_large},
      {"a part header of 40 lines", kMultipart, "--B\r\n" + repeat("X: y\r\n", 40) + "\r\n1\r\n--B--", kFormBody,
       ErrorKind::too_large},
      {"five million empty urlencoded fields", kUrlencoded, repeat("a&", 5000000), kFormBody, ErrorKind::too_large},
  };
  for (const auto& r : rows) {
    try {
      parse_form(r.type, r.body, r.limits);
      ADD_FAILURE() << r.name << ": parsed";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), r.kind) << r.name << ": " << e.what();
      EXPECT_FALSE(e.message_vi().empty()) << r.name;
    }
  }
}

TEST(Form, LimitsAreInclusive) {
  const std::string field = "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n";
  EXPECT_EQ(parse_form(kMultipart, repeat(field, 2) + "--B--", BodyLimits{1024, 2, 0}).fields.size(), 2u);
  EXPECT_EQ(parse_form(kUrlencoded, "a&b", BodyLimits{1024, 2, 0}).fields.size(), 2u);
}

}  // namespace
}  // namespace cchc::http
