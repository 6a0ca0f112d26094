#include "http/refusal.h"

#include <gtest/gtest.h>

namespace cchc::http {
namespace {

Request a_request() {
  Request req;
  req.method = Verb::post;
  req.target = "/mau";
  parse_target(req);
  return req;
}

// Every refusal answers 422 with what the form shows; every other error goes
// on to the error mapper untouched.
TEST(Refusal, RefusedFormsAre422AndOtherErrorsPass) {
  struct Case {
    const char* name;
    Error error;
    bool refused;
    const char* message;  // what the form shows
    const char* field;
  } cases[] = {
      {"rule with its field", invalid_input("end before start", "Ngày kết thúc trước ngày bắt đầu.").at("den_ngay"),
       true, "Ngày kết thúc trước ngày bắt đầu.", "den_ngay"},
      {"rule about the whole form", invalid_input("empty", "Xin nhập nội dung."), true, "Xin nhập nội dung.", ""},
      {"conflict keeps its message", Error(ErrorKind::conflict, "number taken", "Số đã dùng."), true, "Số đã dùng.",
       ""},
      {"conflict without one gets the page's", Error(ErrorKind::conflict, "changed"), true,
       "Dữ liệu vừa được người khác thay đổi. Xin vui lòng tải lại trang và thử lại.", ""},
      {"rule without a Vietnamese message", invalid_input("bad"), true,
       "Yêu cầu gửi lên không đúng định dạng. Xin vui lòng kiểm tra lại và thử lại.", ""},
      {"not found is not a refusal", not_found("gone", "Không có."), false, "", ""},
      {"forbidden is not a refusal", forbidden("no"), false, "", ""},
      {"unavailable is not a refusal", unavailable("db down"), false, "", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto req = a_request();
    std::optional<Refusal> shown;
    auto act = [&]() -> Response { throw c.error; };
    auto show = [&](const Refusal& r) {
      shown = r;
      return html(req, "form");
    };
    if (!c.refused) {
      EXPECT_THROW(refusing(act, show), Error);
      EXPECT_FALSE(shown);
      continue;
    }
    auto res = refusing(act, show);
    EXPECT_EQ(res.result(), Status::unprocessable_entity);
    ASSERT_TRUE(shown);
    EXPECT_EQ(shown->message, c.message);
    EXPECT_EQ(shown->field, c.field);
    auto j = shown->json();
    EXPECT_EQ(j["message"], c.message);
    if (*c.field) {
      EXPECT_EQ(j["fields"][c.field], c.message);
    } else {
      EXPECT_FALSE(j.contains("fields"));
    }
  }
}

TEST(Refusal, SuccessIsTheActsOwnResponse) {
  auto req = a_request();
  bool shown = false;
  auto res = refusing([&] { return redirect(req, "/da-luu"); },
                      [&](const Refusal&) {
                        shown = true;
                        return html(req, "form");
                      });
  EXPECT_EQ(res.result(), Status::see_other);
  EXPECT_FALSE(shown);
}

// The other exceptions (a bug's) are not refusals either.
TEST(Refusal, NonErrorsPassThrough) {
  auto req = a_request();
  EXPECT_THROW(refusing([]() -> Response { throw std::runtime_error("bug"); },
                        [&](const Refusal&) { return html(req, "form"); }),
               std::runtime_error);
}

}  // namespace
}  // namespace cchc::http
