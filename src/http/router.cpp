#include "http/router.h"

#include <fmt/format.h>

#include <boost/url/parse.hpp>

#include "core/errors.h"

namespace cchc::http {

namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.emplace_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

bool is_param(const std::string& seg) { return seg.size() > 2 && seg.front() == '{' && seg.back() == '}'; }
bool is_rest(const std::string& seg) { return is_param(seg) && seg.ends_with("...}"); }

}  // namespace

void Router::add(Verb method, std::string pattern, std::string permission, BodyLimits limits, Handler handler) {
  if (permission.empty()) {
    throw invalid_input(fmt::format("route {} declares no permission", pattern));
  }
  if (pattern.empty() || pattern.front() != '/') {
    throw invalid_input(fmt::format("route pattern '{}' must start with '/'", pattern));
  }
  auto segments = split_path(pattern);
  for (size_t i = 0; i < segments.size(); ++i) {
    if (is_rest(segments[i]) && i + 1 != segments.size()) {
      throw invalid_input(fmt::format("'{{…...}}' must end the pattern '{}'", pattern));
    }
  }
  routes_.push_back(
      Route{method, std::move(pattern), std::move(permission), std::move(handler), std::move(segments), limits});
}

Router::Match Router::match(Verb method, std::string_view path) const {
  auto parts = split_path(path);
  Match result;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    bool ok = true;
    size_t i = 0;
    for (; i < route.segments.size() && ok; ++i) {
      const auto& seg = route.segments[i];
      if (is_rest(seg)) {
        if (i >= parts.size()) {
          ok = false;
          break;
        }
        std::string rest;
        for (size_t k = i; k < parts.size(); ++k) rest += (k > i ? "/" : "") + parts[k];
        params[seg.substr(1, seg.size() - 5)] = rest;
        i = parts.size();
        break;
      }
      if (i >= parts.size())
        ok = false;
      else if (is_param(seg))
        params[seg.substr(1, seg.size() - 2)] = parts[i];
      else
        ok = seg == parts[i];
    }
    if (!ok || i != parts.size()) continue;
    if (route.method == method || (method == Verb::head && route.method == Verb::get)) {
      result.route = &route;
      result.params = std::move(params);
      result.allow.clear();
      return result;
    }
    if (!result.allow.empty()) result.allow += ", ";
    result.allow += std::string(to_string(route.method));
  }
  return result;
}

BodyLimits Router::limits_of(Verb method, std::string_view target) const {
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return kFormBody;
  auto m = match(method, parsed->path());
  return m.route ? m.route->limits : kFormBody;
}

}  // namespace cchc::http
