#include "documents/rules.h"

#include <fmt/format.h>

#include "core/deadline.h"
#include "core/errors.h"

namespace cchc::documents {

std::vector<std::string> task_problems(int number, const std::string& lead_unit_code,
                                       const std::string& deadline_text) {
  std::vector<std::string> out;
  if (lead_unit_code.empty()) out.push_back(fmt::format("Nhiệm vụ {}: chọn đơn vị chủ trì.", number));
  try {
    parse_deadline(deadline_text);
  } catch (const Error&) {
    out.push_back(fmt::format(
        "Nhiệm vụ {}: thời hạn \"{}\" chưa đọc được (ví dụ: Quý I/2024, trước ngày 21/6/2024, Thường xuyên).", number,
        deadline_text));
  }
  return out;
}

}  // namespace cchc::documents
