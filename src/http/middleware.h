#pragma once
// The middleware every request passes, outermost first:
//   security_headers  CSP without inline scripts, nosniff, Referrer-Policy,
//                     frame-ancestors; HSTS when cookies are secure (HTTPS)
//   sessions          attaches the request's live session; sets the cookie
//                     of a session the handler created
//   csrf              state-changing methods need a same-origin request
//                     (Sec-Fetch-Site / Origin) and the session's CSRF token
//                     (form field `_csrf` or header X-CSRF-Token), or with no
//                     session the visitor's signed form token, equal to
//                     their form cookie (SessionStore::form_token): else 403;
//                     requests authenticated by an API bearer token, and API
//                     requests with no session (nothing ambient to forge), are exempt
//   permission        the matched route's declared permission, checked by
//                     the Authorizer (directory/permissions.h): not signed in
//                     → pages redirect to the sign-in page, the API answers
//                     401; signed in but not allowed → 403
#include <functional>

#include "http/router.h"
#include "http/session.h"

namespace cchc::http {

inline constexpr const char* kCsrfField = "_csrf";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

bool is_state_changing(Verb v);
// Percent-encodes all but RFC 3986 unreserved characters.
std::string url_encode(std::string_view s);

Middleware security_headers(bool https);
// `load_principal` fills req.principal for a session that has a user.
Middleware sessions(SessionStore& store, std::function<void(Request&)> load_principal);
// Refuses a state-changing request without the session's token and from
// another origin. Not checked: token requests, API requests with no
// session, and requests `without_cookies` says carry none (endpoints whose
// sessions are never read, as Open311's: its POST authenticates by a key
// in the body, which no other site can know).
Middleware csrf(SessionStore& store, std::function<bool(const Request&)> without_cookies = {});

// Decides whether the request may use a route with this permission.
enum class Access { allow, sign_in, deny };
using Authorizer = std::function<Access(const Request&, const std::string& permission)>;
Authorizer public_only();

inline constexpr const char* kSignInPath = "/dang-nhap";
// Checks req.matched's permission (the app matches the route before the
// chain runs); unmatched requests pass on to become 404/405.
Middleware permission(Authorizer authorizer);

// Runs the chain, innermost last: chain(mws, handler)(req).
Next chain(std::vector<Middleware> middlewares, Next handler);

}  // namespace cchc::http
