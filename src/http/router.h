#pragma once
// Method + path patterns with parameters:
//   /units/{code}        one segment, available as req.params["code"]
//   /static/{path...}    the rest of the path (one or more segments)
// Every route declares the permission it needs ("public" for anyone); the
// permission middleware enforces it, and tests enumerate routes() to prove
// none lacks one. A path that matches no pattern is 404; one that matches
// with another method is 405 with Allow.
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/limits.h"
#include "http/message.h"

namespace cchc::http {

using Handler = std::function<Response(Request&)>;

inline constexpr const char* kPublic = "public";

struct Route {
  Verb method;
  std::string pattern;
  std::string permission;
  Handler handler;
  std::vector<std::string> segments;  // the pattern split on '/'
  BodyLimits limits;
};

class Router {
 public:
  // Throws invalid_input for an empty permission or a malformed pattern.
  // `limits` bound what the route accepts of a body (http/limits.h); a
  // route that names none takes a form of text fields (kFormBody).
  void add(Verb method, std::string pattern, std::string permission, BodyLimits limits, Handler handler);
  void add(Verb method, std::string pattern, std::string permission, Handler handler) {
    add(method, std::move(pattern), std::move(permission), kFormBody, std::move(handler));
  }

  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    std::string allow;  // set when the path matched but not the method
  };
  Match match(Verb method, std::string_view path) const;
  // The body limits of a request's route, from its method and raw target
  // (for ServerConfig::limits_of); kFormBody when none matches.
  BodyLimits limits_of(Verb method, std::string_view target) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

// A capability's routes as one table of named handlers over its context
// (docs/ARCHITECTURE.md): each row the verb, the path, the permission, the
// handler and, for a route that takes more than a form of text fields, its
// body limits.
//   const http::RouteTo<Context> routes[] = {
//       {http::Verb::get, "/kiem-tra", "inspections.read", index}, …};
//   http::add_routes(router, context, routes);
// Given a reference, the router keeps a pointer: the context must outlive
// it; given a shared_ptr, the router shares it.
template <class Context>
struct RouteTo {
  Verb verb;
  const char* path;
  const char* permission;
  Response (*handler)(Context&, Request&);
  BodyLimits limits = kFormBody;
};

template <class Context, std::size_t N>
void add_routes(Router& router, Context& context, const RouteTo<Context> (&routes)[N]) {
  for (const auto& r : routes) {
    router.add(r.verb, r.path, r.permission, r.limits,
               [c = &context, h = r.handler](Request& req) { return h(*c, req); });
  }
}

template <class Context, std::size_t N>
void add_routes(Router& router, std::shared_ptr<Context> context, const RouteTo<Context> (&routes)[N]) {
  for (const auto& r : routes) {
    router.add(r.verb, r.path, r.permission, r.limits,
               [context, h = r.handler](Request& req) { return h(*context, req); });
  }
}

// A middleware wraps the rest of the chain: it may answer itself, change the
// request, or call next and change the response.
using Next = std::function<Response(Request&)>;
using Middleware = std::function<Response(Request&, const Next&)>;

}  // namespace cchc::http
