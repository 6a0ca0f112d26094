#pragma once
// Method + path patterns with parameters:
//   /units/{code}        one segment, available as req.params["code"]
//   /static/{path...}    the rest of the path (one or more segments)
// Every route declares the permission it needs ("public" for anyone); the
// permission middleware enforces it, and tests enumerate routes() to prove
// none lacks one. A path that matches no pattern is 404; one that matches
// with another method is 405 with Allow.
#include <functional>
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

// A middleware wraps the rest of the chain: it may answer itself, change the
// request, or call next and change the response.
using Next = std::function<Response(Request&)>;
using Middleware = std::function<Response(Request&, const Next&)>;

}  // namespace cchc::http
