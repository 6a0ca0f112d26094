#include "views/renderer.h"

#include <ctemplate/template.h>

#include "core/errors.h"

namespace cchc::views {

namespace {

std::string scalar(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "";
  if (v.is_null()) return "";
  return v.dump();
}

void fill(ctemplate::TemplateDictionary& dict, const nlohmann::json& data) {
  if (!data.is_object()) return;
  for (const auto& [key, value] : data.items()) {
    if (key == "_template") continue;
    if (value.is_array()) {
      for (const auto& element : value) {
        auto* section = dict.AddSectionDictionary(key);
        if (element.is_object()) fill(*section, element);
        else section->SetValue("value", scalar(element));
      }
    } else if (value.is_object()) {
      if (value.contains("_template")) {
        auto* included = dict.AddIncludeDictionary(key);
        included->SetFilename(value["_template"].get<std::string>());
        fill(*included, value);
      } else {
        fill(*dict.AddSectionDictionary(key), value);
      }
    } else if (value.is_boolean()) {
      if (value.get<bool>()) dict.ShowSection(key);
    } else {
      dict.SetValue(key, scalar(value));
    }
  }
}

}  // namespace

CtemplateRenderer::CtemplateRenderer(std::filesystem::path root) {
  if (!std::filesystem::is_directory(root)) {
    throw invalid_input("template directory not found: " + root.string());
  }
  ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(root.string());
}

std::string CtemplateRenderer::render(const std::string& template_name,
                                      const nlohmann::json& data) const {
  ctemplate::TemplateDictionary dict(template_name);
  fill(dict, data);
  std::string out;
  if (!ctemplate::ExpandTemplate(template_name, ctemplate::STRIP_BLANK_LINES, &dict, &out)) {
    throw Error(ErrorKind::internal, "cannot render template " + template_name);
  }
  return out;
}

}  // namespace cchc::views
