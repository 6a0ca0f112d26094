#pragma once
// A refused form: a rule or a store said no to what was typed. The page
// shows the form again, with what was typed, the message above it and, when
// the error names its field (Error::at), at that field too; the status is
// always 422. Every form handler refuses through `refusing`, so a refusal
// never becomes an error page and never a 400:
//
//   http::Response create(Context& x, http::Request& req) {
//     auto typed = plan_from_form(req);
//     return http::refusing(
//         [&] {
//           auto id = x.db.write([&](db::Connection& c) { return create_plan(c, typed, …); });
//           return http::redirect(req, plan_href(id) + "?da-luu=1");
//         },
//         [&](const http::Refusal& r) { return plan_form(x, req, typed, r.json()); });
//   }
//
// A refusal is an error of kind invalid_input (the form breaks a rule) or
// conflict (the state changed under it, or a value must be unique); any
// other error goes on to the error mapper.
#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "http/message.h"

namespace cchc::http {

struct Refusal {
  std::string message;  // Vietnamese, what to change
  std::string field;    // the form field it is about, or ""
  // What templates read as `error`: {"message": …} and, for a field,
  // "field": name and "fields": {name: message}.
  nlohmann::json json() const;
};

// The refusal `e` is, or nullopt when it is not one. A refusal without a
// Vietnamese message gets the one its kind shows on an error page.
std::optional<Refusal> refusal_of(const Error& e);

// Runs `act` (returning the response on success); when it throws a
// refusal, answers `show(refusal)` with status 422 Unprocessable Content.
template <class Act, class Show>
Response refusing(Act&& act, Show&& show) {
  std::optional<Refusal> refused;
  try {
    return std::forward<Act>(act)();
  } catch (const Error& e) {
    refused = refusal_of(e);
    if (!refused) throw;
  }
  Response res = std::forward<Show>(show)(std::as_const(*refused));
  res.result(Status::unprocessable_entity);
  return res;
}

}  // namespace cchc::http
