#pragma once
// Server-side templates behind a small interface. Handlers build plain data
// (nlohmann::json, values already formatted for display) and name a
// template; the renderer escapes by context (ctemplate's auto-escape: every
// template starts with {{%AUTOESCAPE context="HTML"}}).
//
// Data → template mapping (ctemplate markers):
//   "key": "text" | number     {{key}}
//   "key": true                {{#key}}…{{/key}} shown (false/absent: hidden)
//   "key": [ {…}, {…} ]        {{#key}}…{{/key}} once per element
//   "key": { "_template": "x.tpl", … }   {{>key}} includes x.tpl with that data
//   "key": { … }               {{#key}}…{{/key}} once, with that data
//
// A section's dictionary sees its enclosing ones' variables and sections
// (ctemplate looks a name up outwards, up to the nearest included
// template, whose dictionary starts afresh), and inside a section found
// outwards the names resolve outwards too. So a nested list or object may
// not reuse the name of an enclosing section (when empty it would show the
// enclosing one instead), and a nested flag may repeat an enclosing one's
// name only while that one is false or the flag true (a row repeats the
// page's "edit" so that its own fields resolve inside {{#edit}}). render()
// throws internal for such data, lists and objects whatever their values,
// so that any test rendering the page finds it.
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace cchc::views {

class Renderer {
 public:
  virtual ~Renderer() = default;
  // Throws internal when the template is missing or does not parse.
  virtual std::string render(const std::string& template_name, const nlohmann::json& data) const = 0;
};

class CtemplateRenderer final : public Renderer {
 public:
  explicit CtemplateRenderer(std::filesystem::path root);
  std::string render(const std::string& template_name, const nlohmann::json& data) const override;
};

}  // namespace cchc::views
