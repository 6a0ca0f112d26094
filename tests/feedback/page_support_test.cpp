#include "feedback/page_support.h"

#include <gtest/gtest.h>

namespace cchc::feedback {
namespace {

http::Request posted_form() {
  http::Request req;
  req.method = http::Verb::post;
  req.target = "/phan-anh";
  http::parse_target(req);
  return req;
}

// What the workflow refuses on a form (a step its state does not allow, a
// category or unit that is not there) shows the form at 422 like any other
// refusal; every other error goes on to the error mapper.
TEST(WorkflowRefusal, StepsAndMissingChoicesAreRefusals) {
  struct Case {
    const char* name;
    Error error;
    bool refused;
    const char* message;
  } cases[] = {
      {"a rule", invalid_input("note too long", "Nội dung tối đa 4.000 ký tự."), true, "Nội dung tối đa 4.000 ký tự."},
      {"a code in use", Error(ErrorKind::conflict, "code in use", "Mã lĩnh vực đã được dùng."), true,
       "Mã lĩnh vực đã được dùng."},
      {"a step the state does not allow", forbidden("rate is not allowed in state received", "Không thể đánh giá."),
       true, "Không thể đánh giá."},
      {"a unit that is not there", not_found("unit 'X' does not exist", "Không tìm thấy đơn vị."), true,
       "Không tìm thấy đơn vị."},
      {"sign-in needed", Error(ErrorKind::unauthenticated, "sign in"), false, ""},
      {"the database down", unavailable("db down"), false, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto req = posted_form();
    std::optional<http::Refusal> shown;
    auto act = [&]() -> http::Response { throw c.error; };
    auto show = [&](const http::Refusal& r) {
      shown = r;
      return http::html(req, "form");
    };
    if (!c.refused) {
      EXPECT_THROW(refusing_workflow(act, show), Error);
      EXPECT_FALSE(shown);
      continue;
    }
    auto res = refusing_workflow(act, show);
    EXPECT_EQ(res.result(), http::Status::unprocessable_entity);
    ASSERT_TRUE(shown);
    EXPECT_EQ(shown->message, c.message);
  }
}

TEST(WorkflowRefusal, KeepsTheField) {
  auto req = posted_form();
  std::string field;
  refusing_workflow([]() -> http::Response { throw not_found("no unit", "Không tìm thấy đơn vị.").at("don_vi"); },
                    [&](const http::Refusal& r) {
                      field = r.field;
                      return http::html(req, "form");
                    });
  EXPECT_EQ(field, "don_vi");
}

}  // namespace
}  // namespace cchc::feedback
