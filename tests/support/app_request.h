#pragma once
// A request as the server hands it to the app (http::App), for tests that
// call the app in-process: Host set, from 127.0.0.1, the cookie header and
// a form body when given.
#include <gtest/gtest.h>

#include <string>

#include "http/message.h"

namespace cchc::testing {

inline http::Request app_request(http::Verb method, const std::string& target, const std::string& cookie = {},
                                 const std::string& form = {}) {
  http::Request req;
  req.method = method;
  req.target = target;
  req.headers.set(http::field::host, "localhost");
  if (!cookie.empty()) req.headers.set(http::field::cookie, cookie);
  if (!form.empty()) {
    req.headers.set(http::field::content_type, "application/x-www-form-urlencoded");
    req.body = form;
  }
  req.remote_address = req.client_address = "127.0.0.1";
  req.request_id = "test";
  EXPECT_TRUE(http::parse_target(req));
  return req;
}

}  // namespace cchc::testing
