#pragma once
// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over the
// feedback cases, at /open311/v2/ (docs/feedback.md, "Open311"):
//   GET  discovery.{fmt}                 the endpoint's description
//   GET  services.{fmt}                  the active categories, each with the
//                                        extension deadline_working_days
//   GET  services/{service_code}.{fmt}   a category's definition (no attributes)
//   GET  requests.{fmt}                  cases by service_request_id, or by
//                                        service_code, start_date, end_date
//                                        (at most 90 days apart), status
//   GET  requests/{service_request_id}.{fmt}
//   POST requests.{fmt}                  a new case; needs the api_key of a
//                                        token of purpose open311
// {fmt} is json or xml. Errors are the specification's list of
// {code, description} with the code as the HTTP status; a bad api_key is
// 403. No public answer holds a name, an e-mail address or a phone
// number; the description, address and position are shown only for cases
// published with the citizen's consent.
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "feedback/routes.h"

namespace cchc::feedback::open311 {

enum class Format { json, xml };

// "requests.json" → {"requests", json}; nullopt for another extension.
std::optional<std::pair<std::string, Format>> split_format(std::string_view file);

// The document as the specification writes it: JSON as is; XML with `root`
// as the root element, each array's elements named by `item_names`
// (services → service, …), booleans as true/false and null as an empty
// element.
std::string render(const nlohmann::json& doc, const std::string& root, Format f);

// The specification's error list with one error.
std::string error_body(int code, const std::string& description, Format f);

void add_routes(http::Router& router, const Module& m);

}  // namespace cchc::feedback::open311
