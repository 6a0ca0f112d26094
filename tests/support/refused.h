#pragma once
// The form field a rule's refusal names (Error::field of its invalid_input),
// or "(accepted)" when `f` does not refuse: for table tests of the rules
// pages apply to what a form says.
#include <gtest/gtest.h>

#include <string>

#include "core/errors.h"

namespace cchc::testing {

template <class F>
std::string refused_at(F f) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
    return e.field();
  }
  return "(accepted)";
}

}  // namespace cchc::testing
