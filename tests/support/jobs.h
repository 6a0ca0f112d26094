#pragma once
// Following a background job in served tests: its page (/cong-viec/{id})
// read again and again, as a browser without JavaScript reloads it, until
// the job is finished (the page no longer refreshes itself). Bounded: a
// job that never finishes gives its last page, which the test's
// expectations then fail on.
#include <chrono>
#include <string>
#include <thread>

#include "support/browser.h"

namespace cchc::testing {

inline bool job_page_open(const HttpResult& page) {
  return page.status == 200 && page.body.find("http-equiv=\"refresh\"") != std::string::npos;
}

inline HttpResult follow_job(Browser& b, const std::string& location) {
  HttpResult page = b.get(location);
  for (int i = 0; i < 3000 && job_page_open(page); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    page = b.get(location);
  }
  return page;
}

}  // namespace cchc::testing
