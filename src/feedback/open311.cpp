#include "feedback/open311.h"

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <sstream>

#include "core/errors.h"
#include "core/text.h"
#include "directory/read.h"
#include "directory/tokens.h"
#include "feedback/page_support.h"
#include "feedback/store.h"
#include "http/error_mapper.h"

namespace cchc::feedback::open311 {

using nlohmann::json;

namespace {

// A client's value quoted back in an error: at most 64 bytes of it.
std::string echo(std::string_view value) {
  auto cut = text::cut_utf8(value, 64);
  return cut.size() < value.size() ? cut + "…" : cut;
}

constexpr auto kWindow = std::chrono::days{90};
constexpr const char* kSpecification = "http://wiki.open311.org/GeoReport_v2";
// The date this implementation of the specification last changed.
constexpr const char* kChangeset = "2026-12-03T00:00:00+07:00";

// The XML element of each array's members.
const std::map<std::string, std::string>& item_names() {
  static const std::map<std::string, std::string> names = {
      {"services", "service"}, {"service_requests", "request"}, {"errors", "error"}, {"endpoints", "endpoint"},
      {"formats", "format"},   {"attributes", "attribute"},     {"values", "value"},
  };
  return names;
}

void to_xml(pugi::xml_node node, const json& value) {
  if (value.is_object()) {
    for (const auto& [key, v] : value.items()) to_xml(node.append_child(key.c_str()), v);
  } else if (value.is_array()) {
    auto it = item_names().find(node.name());
    std::string item = it == item_names().end() ? "item" : it->second;
    for (const auto& v : value) to_xml(node.append_child(item.c_str()), v);
  } else if (value.is_string()) {
    node.text().set(value.get<std::string>().c_str());
  } else if (value.is_boolean()) {
    node.text().set(value.get<bool>() ? "true" : "false");
  } else if (value.is_number_integer()) {
    node.text().set(std::to_string(value.get<std::int64_t>()).c_str());
  } else if (value.is_number()) {
    node.text().set(fmt::format("{}", value.get<double>()).c_str());
  }
  // null: an empty element
}

http::Response respond(const http::Request& req, http::Status status, const json& doc, const std::string& root,
                       Format f) {
  auto res = http::make_response(req, status,
                                 f == Format::json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8",
                                 render(doc, root, f));
  res.set(http::field::access_control_allow_origin, "*");
  return res;
}

// An Open311 endpoint: its format from the file name, and every refusal as
// the specification's error list.
template <class F>
http::Response endpoint(const http::Request& req, const std::string& file, const std::string& expected, F&& body) {
  auto split = split_format(file);
  Format f = split ? split->second : Format::json;
  try {
    if (!split || (!expected.empty() && split->first != expected)) {
      throw not_found("no such resource: " + file);
    }
    return body(split->first, f);
  } catch (const Error& e) {
    int code = int(http::status_for(e.kind()));
    std::string description = code == 500 ? "internal error" : e.what();
    auto res = http::make_response(req, http::Status(code),
                                   f == Format::json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8",
                                   error_body(code, description, f));
    res.set(http::field::access_control_allow_origin, "*");
    return res;
  }
}

json service_of(const Category& cat) {
  return {{"service_code", cat.code},
          {"service_name", cat.name},
          {"description", cat.description},
          {"metadata", false},
          {"type", "realtime"},
          {"keywords", ""},
          {"group", ""},
          {"deadline_working_days", cat.deadline_days}};
}

json request_of(const Case& k, const Names& names, const std::map<std::int64_t, std::string>& codes) {
  bool shown = k.published && k.state == State::answered;
  std::string notes = shown                       ? k.public_answer
                      : k.state == State::refused ? "Không thuộc thẩm quyền giải quyết của cơ quan nhận."
                      : k.state == State::merged  ? "Đã gộp vào một phản ánh trùng nội dung."
                                                  : "";
  auto code = codes.find(k.category_id);
  return {{"service_request_id", k.code},
          {"status", is_open(k.state) ? "open" : "closed"},
          {"status_notes", notes},
          {"service_name", names.category(k.category_id)},
          {"service_code", code == codes.end() ? "" : code->second},
          {"description", shown ? k.public_content : ""},
          {"agency_responsible", names.unit(k.unit_code)},
          {"service_notice", fmt::format("Trả lời trong {} ngày làm việc", k.deadline_days + k.extension_days)},
          {"requested_datetime", format_rfc3339_vn(k.received_at)},
          {"updated_datetime", format_rfc3339_vn(k.updated_at)},
          {"expected_datetime", format_rfc3339_vn(k.due_at)},
          {"address", shown && !k.address.empty() ? k.address : names.unit(k.place_code)},
          {"address_id", ""},
          {"zipcode", ""},
          {"lat", shown && k.lat ? json(*k.lat) : json(nullptr)},
          {"long", shown && k.lon ? json(*k.lon) : json(nullptr)},
          {"media_url", ""}};
}

std::map<std::int64_t, std::string> category_codes(db::Connection& c) {
  std::map<std::int64_t, std::string> out;
  for (const auto& cat : categories(c, false)) out[cat.id] = cat.code;
  return out;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, ',');) {
    auto t = std::string(text::trim(part));
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

Instant w3c_time(const std::string& name, const std::string& value) {
  try {
    return parse_rfc3339(value);
  } catch (const Error&) {
    throw invalid_input(fmt::format("{} must be a W3C date-time with an offset, e.g. 2024-03-01T00:00:00+07:00", name));
  }
}

std::optional<double> coordinate(const http::Request& req, const char* name, double limit) {
  auto v = req.form_param(name);
  if (!v || v->empty()) return std::nullopt;
  // Open311 writes a decimal point ("10.95"), never the Vietnamese comma.
  std::optional<double> d;
  double x = 0;
  auto [end, error] = std::from_chars(v->data(), v->data() + v->size(), x);
  if (error == std::errc() && end == v->data() + v->size() && std::isfinite(x)) d = x;
  if (!d || *d < -limit || *d > limit) throw invalid_input(fmt::format("{} must be a number within ±{}", name, limit));
  return d;
}

http::Response get_requests(const Module& m, const http::Request& req, Format f) {
  auto now = now_seconds();
  json list = m.db.read([&](db::Connection& c) {
    auto names = names_for(c);
    auto codes = category_codes(c);
    json out = json::array();
    if (auto ids = req.query_param("service_request_id"); ids && !ids->empty()) {
      for (const auto& id : split_list(*ids)) {
        auto code = normalise_code(id);
        if (auto k = code ? find_by_code(c, *code) : std::nullopt) out.push_back(request_of(*k, names, codes));
      }
      return out;
    }
    RequestFilter rf;
    auto start = req.query_param("start_date");
    auto end = req.query_param("end_date");
    rf.to = end && !end->empty() ? w3c_time("end_date", *end) : now;
    rf.from = start && !start->empty() ? w3c_time("start_date", *start) : rf.to - kWindow;
    if (start && !start->empty() && !(end && !end->empty())) rf.to = rf.from + kWindow;
    if (rf.to < rf.from) throw invalid_input("end_date is before start_date");
    if (rf.to - rf.from > kWindow) throw invalid_input("start_date and end_date may be at most 90 days apart");
    if (auto services = req.query_param("service_code"); services && !services->empty()) {
      for (const auto& code : split_list(*services)) {
        auto cat = find_category(c, std::string_view(code));
        if (!cat) throw invalid_input(fmt::format("unknown service_code '{}'", echo(code)));
        rf.categories.push_back(cat->id);
      }
    }
    if (auto status = req.query_param("status"); status && !status->empty()) {
      bool open = false, closed = false;
      for (const auto& s : split_list(*status)) {
        if (s == "open") {
          open = true;
        } else if (s == "closed") {
          closed = true;
        } else {
          throw invalid_input(fmt::format("status must be open or closed, not '{}'", echo(s)));
        }
      }
      if (open != closed) rf.open = open;
    }
    rf.to += std::chrono::seconds{1};  // end_date is inclusive
    for (const auto& k : requests(c, rf)) out.push_back(request_of(k, names, codes));
    return out;
  });
  return respond(req, http::Status::ok, list, "service_requests", f);
}

http::Response post_request(const Module& m, const http::Request& req, Format f) {
  auto now = now_seconds();
  // The key belongs in the body; some clients put it in the query.
  auto api_key = req.form_param("api_key").value_or(req.query_param("api_key").value_or(""));
  auto token = directory::authenticate_token(m.db, api_key, now);
  if (!token || token->purpose != directory::kPurposeOpen311) throw forbidden("Invalid api_key");
  auto service = req.form_param("service_code").value_or("");
  if (service.empty()) throw invalid_input("service_code is required");
  auto lat = coordinate(req, "lat", 90);
  auto lon = coordinate(req, "long", 180);
  auto address = req.form_param("address_string").value_or("");
  auto address_id = req.form_param("address_id").value_or("");
  if (lat.has_value() != lon.has_value()) throw invalid_input("lat and long go together");
  if (!lat && address.empty() && address_id.empty()) {
    throw invalid_input("a location is required: lat and long, address_string or address_id");
  }
  auto units = directory::load_units(m.db);
  Intake in;
  in.channel = Channel::open311;
  in.lat = lat;
  in.lon = lon;
  in.ip = req.client_address;
  auto& s = in.submission;
  s.category_code = service;
  s.address = address.empty() ? address_id : address;
  s.place_code = place_in_address(s.address, units, local_date(now));
  // description is optional in GeoReport v2: a request may be a category
  // and a place alone.
  s.content = req.form_param("description").value_or("");
  if (text::trim(s.content).empty()) s.content = "(Gửi qua ứng dụng, không kèm mô tả.)";
  s.min_content = 1;
  auto first = std::string(text::trim(req.form_param("first_name").value_or("")));
  auto last = std::string(text::trim(req.form_param("last_name").value_or("")));
  // Vietnamese names put the family name first.
  s.name =
      text::trim(last + " " + first).empty() ? "Người dân (qua ứng dụng)" : std::string(text::trim(last + " " + first));
  s.email = req.form_param("email").value_or("");
  s.phone = req.form_param("phone").value_or("");
  // The application that holds the key collects the citizen's consent (the
  // terms it was issued under); publication needs a consent Open311 cannot
  // carry, so an Open311 case is never published.
  s.consent = true;
  s.publish_allowed = false;
  s.contact_required = false;
  if (m.db.read([&](db::Connection& c) { return find_category(c, std::string_view(service)); }) == std::nullopt) {
    throw invalid_input(fmt::format("unknown service_code '{}'", echo(service)));
  }
  // The per-contact limit only: the application posts for many people from
  // one address.
  Intake by_contact = in;
  by_contact.ip.clear();
  if (auto limited = m.db.read([&](db::Connection& c) { return over_limit(c, by_contact, now); })) {
    throw invalid_input("too many requests from this e-mail address or phone number today");
  }
  audit::Entry who{"token:" + token->id, req.client_address, "", "", "", {}, {}};
  auto receipt = receive(m.db, in, units, m.calendar, m.sinks, who, now);
  if (m.acknowledge && !receipt.kase.email.empty()) m.acknowledge(receipt.kase, receipt.secret);
  json out =
      json::array({{{"service_request_id", receipt.kase.code},
                    {"service_notice", fmt::format("Trả lời trong {} ngày làm việc, hạn {}", receipt.kase.deadline_days,
                                                   format_date_vi(local_date(receipt.kase.due_at)))},
                    {"account_id", nullptr}}});
  return respond(req, http::Status::ok, out, "service_requests", f);
}

}  // namespace

std::optional<std::pair<std::string, Format>> split_format(std::string_view file) {
  auto dot = file.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  auto ext = file.substr(dot + 1);
  if (ext != "json" && ext != "xml") return std::nullopt;
  return std::pair{std::string(file.substr(0, dot)), ext == "json" ? Format::json : Format::xml};
}

std::string render(const json& doc, const std::string& root, Format f) {
  if (f == Format::json) return doc.dump();
  pugi::xml_document xml;
  auto decl = xml.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "utf-8";
  to_xml(xml.append_child(root.c_str()), doc);
  std::ostringstream out;
  xml.save(out, "", pugi::format_raw);
  return out.str();
}

std::string error_body(int code, const std::string& description, Format f) {
  return render(json::array({{{"code", code}, {"description", description}}}), "errors", f);
}

namespace {

json discovery(const Module& m, const http::Request& req) {
  std::string base =
      m.base_url && !m.base_url->empty() ? *m.base_url : "http://" + std::string(req.header(http::field::host));
  return {{"changeset", kChangeset},
          {"contact", m.layout.site().province_name + ": Tổng đài dịch vụ công 1022"},
          {"key_service", "api_key: xin cấp tại cơ quan quản trị hệ thống của tỉnh"},
          {"endpoints", json::array({{{"specification", kSpecification},
                                      {"url", base + "/open311/v2"},
                                      {"changeset", kChangeset},
                                      {"type", "production"},
                                      {"formats", json::array({"text/xml", "application/json"})}}})}};
}

// GET /open311/v2/{discovery,services,requests}.{json,xml}
http::Response get_file(const Module& m, http::Request& req) {
  return endpoint(req, req.params.at("file"), "", [&](const std::string& name, Format f) {
    if (name == "discovery") return respond(req, http::Status::ok, discovery(m, req), "discovery", f);
    if (name == "services") {
      json list = json::array();
      m.db.read([&](db::Connection& c) {
        for (const auto& cat : categories(c, true)) list.push_back(service_of(cat));
      });
      return respond(req, http::Status::ok, list, "services", f);
    }
    if (name == "requests") return get_requests(m, req, f);
    throw not_found("no such resource: " + name);
  });
}

// POST /open311/v2/requests.{json,xml}
http::Response post_file(const Module& m, http::Request& req) {
  return endpoint(req, req.params.at("file"), "requests",
                  [&](const std::string&, Format f) { return post_request(m, req, f); });
}

// GET /open311/v2/services/{service_code}.{json,xml}
http::Response service_definition(const Module& m, http::Request& req) {
  return endpoint(req, req.params.at("file"), "", [&](const std::string& code, Format f) {
    auto cat = m.db.read([&](db::Connection& c) { return find_category(c, std::string_view(code)); });
    if (!cat || !cat->active) throw not_found(fmt::format("unknown service_code '{}'", echo(code)));
    return respond(req, http::Status::ok, {{"service_code", cat->code}, {"attributes", json::array()}},
                   "service_definition", f);
  });
}

// GET /open311/v2/requests/{service_request_id}.{json,xml}
http::Response request_by_id(const Module& m, http::Request& req) {
  return endpoint(req, req.params.at("file"), "", [&](const std::string& id, Format f) {
    json list = m.db.read([&](db::Connection& c) {
      auto code = normalise_code(id);
      auto k = code ? find_by_code(c, *code) : std::nullopt;
      if (!k) throw not_found(fmt::format("unknown service_request_id '{}'", echo(id)));
      return json::array({request_of(*k, names_for(c), category_codes(c))});
    });
    return respond(req, http::Status::ok, list, "service_requests", f);
  });
}

}  // namespace

void add_routes(http::Router& router, const Module& m) {
  const http::RouteTo<const Module> routes[] = {
      {http::Verb::get, "/open311/v2/{file}", http::kPublic, get_file},
      {http::Verb::post, "/open311/v2/{file}", http::kPublic, post_file},
      {http::Verb::get, "/open311/v2/services/{file}", http::kPublic, service_definition},
      {http::Verb::get, "/open311/v2/requests/{file}", http::kPublic, request_by_id},
  };
  http::add_routes(router, m, routes);
}

}  // namespace cchc::feedback::open311
