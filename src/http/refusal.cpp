#include "http/refusal.h"

#include "http/error_mapper.h"

namespace cchc::http {

nlohmann::json Refusal::json() const {
  nlohmann::json j = {{"message", message}};
  if (!field.empty()) {
    j["field"] = field;
    j["fields"] = {{field, message}};
  }
  return j;
}

std::optional<Refusal> refusal_of(const Error& e) {
  if (e.kind() != ErrorKind::invalid_input && e.kind() != ErrorKind::conflict) return std::nullopt;
  return Refusal{error_view(status_for(e.kind()), e.message_vi()).message_vi, e.field()};
}

}  // namespace cchc::http
