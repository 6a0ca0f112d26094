#include "http/wire.h"

namespace cchc::http {

Request request_of(WireRequest&& msg) {
  Request req;
  req.method_name = std::string(msg.method_string());
  req.method = verb_of(req.method_name);
  req.target = std::string(msg.target());
  req.version = msg.version();
  for (const auto& f : msg) req.headers.insert(f.name_string(), f.value());
  req.body = std::move(msg.body());
  return req;
}

WireResponse wire_of(Response&& res) {
  WireResponse out;
  out.result(res.result_int());
  out.version(res.version());
  for (const auto& f : res.headers()) out.insert(f.name, f.value);
  if (res.shared_body()) {
    out.body().share(res.shared_body());
  } else {
    out.body().assign(std::move(res.body()));
  }
  return out;
}

}  // namespace cchc::http
