#pragma once
// The middleware every request passes, outermost first:
//   security_headers  CSP without inline scripts, nosniff, Referrer-Policy,
//                     frame-ancestors; HSTS when cookies are secure (HTTPS)
//   sessions          attaches the request's live session; sets the cookie
//                     of a session the handler created
//   csrf              state-changing methods need a same-origin request
//                     (Sec-Fetch-Site / Origin) and the session's CSRF token
//                     (form field `_csrf` or header X-CSRF-Token): else 403
//   permission        the matched route's declared permission, checked by
//                     the Authorizer (the directory capability supplies the
//                     real one; until then only "public" routes pass)
#include <functional>

#include "http/router.h"
#include "http/session.h"

namespace cchc::http {

inline constexpr const char* kCsrfField = "_csrf";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

bool is_state_changing(Verb v);

Middleware security_headers(bool https);
Middleware sessions(SessionStore& store);
Middleware csrf();

// Decides whether the request may use a route with this permission.
using Authorizer = std::function<bool(const Request&, const std::string& permission)>;
Authorizer public_only();
// Checks req.matched's permission (the app matches the route before the
// chain runs); unmatched requests pass on to become 404/405.
Middleware permission(Authorizer authorizer);

// Runs the chain, innermost last: chain(mws, handler)(req).
Next chain(std::vector<Middleware> middlewares, Next handler);

}  // namespace cchc::http
