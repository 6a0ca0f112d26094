// What the access log shows of a request target: secrets in the query
// redacted, everything else as sent.
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

}  // namespace
}  // namespace cchc::http
