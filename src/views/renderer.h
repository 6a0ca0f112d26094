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
