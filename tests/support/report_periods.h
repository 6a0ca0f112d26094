#pragma once
// The four regular reporting periods as migration 0006 configures them
// (Quý I, 6 tháng, Quý III, Năm; each from 15 December of the year before),
// for tests of the rules that read a period configuration.
#include <vector>

#include "plans/model.h"

namespace cchc::testing {

inline std::vector<plans::ReportPeriod> quarterly_periods() {
  return {{"q1", "Quý I", 1, "12-15", "03-14", "03-15", true},
          {"h1", "6 tháng", 2, "12-15", "06-14", "06-15", true},
          {"q3", "Quý III", 3, "12-15", "09-14", "09-15", true},
          {"year", "Năm", 4, "12-15", "12-14", "12-15", true}};
}

}  // namespace cchc::testing
