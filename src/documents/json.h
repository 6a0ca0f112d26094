#pragma once
// A reading as JSON (the contract of `cchc documents read --format json`,
// docs/documents.md): every value an object {"value", "raw", "span":
// [begin, end] (bytes of the source), "confidence"}; "value" null when it
// could not be read; lists of such objects; citations with their parts.
#include <nlohmann/json.hpp>

#include "documents/model.h"

namespace cchc::documents {

nlohmann::json to_json(const Reading& r);

}  // namespace cchc::documents
