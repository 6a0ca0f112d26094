#include "views/renderer.h"

#include <map>

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

bool is_section(const nlohmann::json& v) {
  return v.is_array() || v.is_boolean() || (v.is_object() && !v.contains("_template"));
}

bool is_shown(const nlohmann::json& v) { return v.is_array() ? !v.empty() : v.is_boolean() ? v.get<bool>() : true; }

// `above`: the sections of the enclosing dictionaries, by name, and whether
// each is shown. ctemplate looks a section missing from a dictionary up in
// the enclosing ones and cannot hide it there, and the variables inside a
// section found above resolve above too. So a nested list or object reusing
// an enclosing section's name is refused whatever its values (empty, it
// would show the enclosing one: a file linked to one criterion listed under
// every criterion), and so is a false flag under a shown one of the same
// name. A true flag may repeat an enclosing one: that is how a row's own
// names resolve inside a section the page also has.
// `where`: the template and the path to this dictionary, for the message.
void fill(ctemplate::TemplateDictionary& dict, const nlohmann::json& data, const std::string& where,
          std::map<std::string, bool> above) {
  if (!data.is_object()) return;
  for (const auto& [key, value] : data.items()) {
    if (key == "_template" || !is_section(value)) continue;
    auto enclosing = above.find(key);
    if (enclosing == above.end()) continue;
    bool refused = !value.is_boolean() || (enclosing->second && !value.get<bool>());
    if (refused) {
      throw Error(ErrorKind::internal, "template data of " + where + ": the nested section '" + key +
                                           "' reuses the name of an enclosing one, which ctemplate would show "
                                           "in its place when it is empty or false; give it its own name");
    }
  }
  for (const auto& [key, value] : data.items()) {
    if (key != "_template" && is_section(value)) above[key] = is_shown(value);
  }
  for (const auto& [key, value] : data.items()) {
    if (key == "_template") continue;
    if (value.is_array()) {
      for (const auto& element : value) {
        auto* section = dict.AddSectionDictionary(key);
        if (element.is_object())
          fill(*section, element, where + " " + key + "[]", above);
        else
          section->SetValue("value", scalar(element));
      }
    } else if (value.is_object()) {
      if (value.contains("_template")) {
        auto* included = dict.AddIncludeDictionary(key);
        included->SetFilename(value["_template"].get<std::string>());
        // An included template's dictionary has no parent: nothing above it.
        fill(*included, value, where + " " + key + ">" + value["_template"].get<std::string>(), {});
      } else {
        fill(*dict.AddSectionDictionary(key), value, where + " " + key, above);
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

std::string CtemplateRenderer::render(const std::string& template_name, const nlohmann::json& data) const {
  ctemplate::TemplateDictionary dict(template_name);
  fill(dict, data, template_name, {});
  std::string out;
  if (!ctemplate::ExpandTemplate(template_name, ctemplate::STRIP_BLANK_LINES, &dict, &out)) {
    throw Error(ErrorKind::internal, "cannot render template " + template_name);
  }
  return out;
}

}  // namespace cchc::views
