// What the access log shows of a request target: secrets in the query
// redacted, everything else as sent. Which entity tags an If-None-Match
// lists.
#include "http/message.h"

#include <gtest/gtest.h>

namespace cchc::http {
namespace {

TEST(AccessLog, SecretsInTheQueryAreRedacted) {
  struct Row {
    const char* target;
    const char* logged;
  };
  const Row rows[] = {
      {"/open311/v2/requests.json?api_key=abc123&service_code=1",
       "/open311/v2/requests.json?api_key=REDACTED&service_code=1"},
      {"/x?API_KEY=abc", "/x?API_KEY=REDACTED"},
      {"/x?a=1&token=t&access_token=u&secret=s&password=p&b=2",
       "/x?a=1&token=REDACTED&access_token=REDACTED&secret=REDACTED&password=REDACTED&b=2"},
      {"/x?api_key", "/x?api_key"},  // no value to hide
      {"/x?api_keyx=1", "/x?api_keyx=1"},
      {"/x", "/x"},
      {"/x?", "/x?"},
      {"/x?&&a=1", "/x?&&a=1"},
  };
  for (const auto& r : rows) EXPECT_EQ(redact_secrets(r.target), r.logged) << r.target;
}

TEST(EntityTags, IfNoneMatchListsATagWeaklyOrStar) {
  struct Row {
    const char* if_none_match;
    const char* etag;
    bool listed;
  };
  const Row rows[] = {
      {"\"abc\"", "\"abc\"", true},
      {"\"abc-gz\"", "\"abc\"", false},  // another representation's tag
      {"\"abc\"", "\"abc-gz\"", false},
      {"\"x\", \"abc\"", "\"abc\"", true},
      {"\"x\",\"abc\" ", "\"abc\"", true},
      {"W/\"abc\"", "\"abc\"", true},  // If-None-Match compares weakly
      {"\"abc\"", "W/\"abc\"", true},
      {"*", "\"abc\"", true},
      {"\"ab\"", "\"abc\"", false},
      {"abc", "\"abc\"", false},  // unquoted: not a tag
      {"", "\"abc\"", false},
      {",,", "\"abc\"", false},
  };
  for (const auto& r : rows) EXPECT_EQ(etag_listed(r.if_none_match, r.etag), r.listed) << r.if_none_match;
}

}  // namespace
}  // namespace cchc::http
