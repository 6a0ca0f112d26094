#include "http/middleware.h"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "core/errors.h"
#include "core/secrets.h"

namespace cchc::http {

std::string url_encode(std::string_view s) { return boost::urls::encode(s, boost::urls::unreserved_chars); }

bool is_state_changing(Verb v) { return v != Verb::get && v != Verb::head && v != Verb::options && v != Verb::trace; }

Middleware security_headers(bool https) {
  return [https](Request& req, const Next& next) {
    Response res = next(req);
    res.set("Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
    res.set("X-Content-Type-Options", "nosniff");
    res.set("Referrer-Policy", "same-origin");
    res.set("X-Frame-Options", "DENY");
    if (https) res.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    return res;
  };
}

Middleware sessions(SessionStore& store, std::function<void(Request&)> load_principal) {
  return [&store, load_principal = std::move(load_principal)](Request& req, const Next& next) {
    req.session = store.find(req, now_seconds());
    if (req.session && req.session->user_id) load_principal(req);
    Response res = next(req);
    if (req.session && req.session->is_new) {
      res.insert(field::set_cookie, store.set_cookie(*req.session));
    } else if (!req.new_form_cookie.empty()) {
      res.insert(field::set_cookie, store.set_form_cookie(req.new_form_cookie));
    }
    return res;
  };
}

namespace {

// The host[:port] of an Origin header value ("https://host:port").
std::string_view origin_host(std::string_view origin) {
  auto scheme = origin.find("://");
  return scheme == std::string_view::npos ? std::string_view{} : origin.substr(scheme + 3);
}

}  // namespace

Middleware csrf(SessionStore& store, std::function<bool(const Request&)> without_cookies) {
  return [&store, without_cookies = std::move(without_cookies)](Request& req, const Next& next) {
    // Unmatched requests change nothing: they go on to become 404/405.
    if (!is_state_changing(req.method) || !req.matched) return next(req);
    // A bearer token is not sent by the browser on its own, and an API call
    // with no session carries no ambient credential: nothing to forge. (The
    // permission check then answers 401.)
    if (req.bearer || (req.is_api() && !req.session)) return next(req);
    if (without_cookies && without_cookies(req) && !req.session) return next(req);
    auto site = req.header("Sec-Fetch-Site");
    if (!site.empty() && site != "same-origin" && site != "none") {
      throw forbidden("cross-site request refused", "Yêu cầu bị từ chối vì không xuất phát từ trang của hệ thống.");
    }
    auto origin = req.header(field::origin);
    if (!origin.empty() && origin_host(origin) != req.header(field::host)) {
      throw forbidden("cross-origin request refused", "Yêu cầu bị từ chối vì không xuất phát từ trang của hệ thống.");
    }
    std::string sent(req.header(kCsrfHeader));
    if (sent.empty()) sent = req.form_param(kCsrfField).value_or("");
    bool holds =
        req.session ? !sent.empty() && secrets_equal(sent, req.session->csrf_token) : store.form_token_holds(req, sent);
    if (!holds) {
      throw forbidden("missing or wrong CSRF token",
                      "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Xin vui lòng tải lại "
                      "trang và thử lại.");
    }
    return next(req);
  };
}

Authorizer public_only() {
  return [](const Request&, const std::string& permission) {
    return permission == kPublic ? Access::allow : Access::deny;
  };
}

Middleware permission(Authorizer authorizer) {
  return [authorizer = std::move(authorizer)](Request& req, const Next& next) {
    if (!req.matched) return next(req);
    switch (authorizer(req, req.matched->permission)) {
      case Access::allow: return next(req);
      case Access::sign_in:
        if (!req.is_api() && req.method == Verb::get) {
          std::string target(req.target);
          return redirect(req, std::string(kSignInPath) + "?tiep=" + url_encode(target));
        }
        throw Error(ErrorKind::unauthenticated, "sign-in required", "Xin vui lòng đăng nhập để tiếp tục.");
      case Access::deny: break;
    }
    throw forbidden("permission '" + req.matched->permission + "' required");
  };
}

Next chain(std::vector<Middleware> middlewares, Next handler) {
  Next next = std::move(handler);
  for (auto it = middlewares.rbegin(); it != middlewares.rend(); ++it) {
    next = [mw = *it, next](Request& req) { return mw(req, next); };
  }
  return next;
}

}  // namespace cchc::http
