#include "documents/json.h"

namespace cchc::documents {

using nlohmann::json;

namespace {

json span(const Span& s) { return json::array({s.begin, s.end}); }

template <class T>
json found(const Found<T>& f) {
  json value;
  if constexpr (std::is_same_v<T, Date>) {
    value = f.value ? json(format_iso_date(*f.value)) : json();
  } else {
    value = f.value ? json(*f.value) : json();
  }
  return json{{"value", value}, {"raw", f.raw}, {"span", span(f.span)}, {"confidence", f.confidence}};
}

json reference(const Reference& r) {
  return json{{"text", r.text},
              {"number_symbol", r.number_symbol.empty() ? json() : json(r.number_symbol)},
              {"number", r.number ? json(*r.number) : json()},
              {"type_code", r.type_code},
              {"type_name", r.type_name},
              {"issuer", r.issuer.empty() ? json() : json(r.issuer)},
              {"date", r.date ? json(format_iso_date(*r.date)) : json()},
              {"span", span(r.span)},
              {"confidence", r.confidence}};
}

template <class T, class F>
json list(const std::vector<T>& items, F f) {
  json out = json::array();
  for (const auto& i : items) out.push_back(f(i));
  return out;
}

json outline(const OutlineNode& n) {
  json children = json::array();
  for (const auto& c : n.children) children.push_back(outline(c));
  return json{{"label", n.label}, {"text", n.text}, {"level", n.level}, {"span", span(n.span)}, {"children", children}};
}

json task(const Task& t) {
  json deadline;
  if (t.deadline) {
    deadline = {{"kind", t.deadline->kind},
                {"due", t.deadline->due ? json(format_iso_date(*t.deadline->due)) : json()},
                {"text", t.deadline->text},
                {"span", span(t.deadline->span)}};
  }
  return json{{"unit", found(t.unit)}, {"unit_code", t.unit_code.empty() ? json() : json(t.unit_code)},
              {"text", t.text},        {"deadline", deadline},
              {"span", span(t.span)},  {"confidence", t.confidence}};
}

json target(const Target& t) {
  json levels = json::object();
  for (const auto& l : t.levels) levels[l.level] = l.value;
  return json{{"phrase", t.phrase},
              {"value", t.value ? json(*t.value) : json()},
              {"levels", levels},
              {"comparator", t.comparator},
              {"indicator", t.indicator.empty() ? json() : json(t.indicator)},
              {"span", span(t.span)},
              {"confidence", t.confidence}};
}

}  // namespace

json to_json(const Reading& r) {
  return json{{"number_symbol", found(r.number_symbol)},
              {"number", found(r.number)},
              {"type_code", found(r.type_code)},
              {"type_name", r.type_name.empty() ? json() : json(r.type_name)},
              {"issuer", found(r.issuer)},
              {"issuer_parent", found(r.issuer_parent)},
              {"place", found(r.place)},
              {"date", found(r.date)},
              {"title", found(r.title)},
              {"restored_title", found(r.restored_title)},
              {"recipients", list(r.recipients, [](const auto& f) { return found(f); })},
              {"distribution", list(r.distribution, [](const auto& f) { return found(f); })},
              {"signer", {{"authority", found(r.signer.authority)}, {"title", found(r.signer.title)}}},
              {"references", list(r.references, reference)},
              {"legal_bases", list(r.legal_bases, reference)},
              {"outline", list(r.outline, outline)},
              {"tasks", list(r.tasks, task)},
              {"targets", list(r.targets, target)},
              {"unread", r.unread}};
}

}  // namespace cchc::documents
