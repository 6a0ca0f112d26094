#include "core/ooxml.h"

#include <expat.h>
#include <fmt/format.h>

#include <memory>
#include <type_traits>

namespace cchc::ooxml {

namespace {
constexpr zip_uint64_t kMaxPart = 20u << 20;
}

bool looks_like_zip(std::string_view bytes) {
  return bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

Package::Package(std::string_view bytes, Broken broken) : broken_(std::move(broken)) {
  if (!looks_like_zip(bytes)) throw broken_("not a ZIP package");
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) throw broken_("cannot read the package");
  zip_ = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!zip_) {
    zip_source_free(src);
    zip_error_fini(&err);
    throw broken_("damaged ZIP package");
  }
}

Package::~Package() {
  if (zip_) zip_discard(zip_);
}

std::optional<std::string> Package::part(const std::string& name) const {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip_, name.c_str(), 0, &st) != 0) return std::nullopt;
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxPart) throw broken_(name + " is too large");
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen(zip_, name.c_str(), 0), zip_fclose);
  if (!f) throw broken_("cannot open " + name);
  std::string out(st.size, '\0');
  zip_int64_t n = zip_fread(f.get(), out.data(), st.size);
  if (n < 0 || zip_uint64_t(n) != st.size) throw broken_("cannot read " + name);
  return out;
}

void Parser::run(const std::string& xml, const std::string& part, const Broken& broken) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> p(XML_ParserCreate("UTF-8"),
                                                                                  XML_ParserFree);
  XML_SetUserData(p.get(), this);
  XML_SetElementHandler(
      p.get(),
      [](void* self, const XML_Char* name, const XML_Char** attrs) {
        auto* me = static_cast<Parser*>(self);
        if (me->start) me->start(local(name), attrs);
      },
      [](void* self, const XML_Char* name) {
        auto* me = static_cast<Parser*>(self);
        if (me->end) me->end(local(name));
      });
  XML_SetCharacterDataHandler(p.get(), [](void* self, const XML_Char* s, int len) {
    auto* me = static_cast<Parser*>(self);
    if (me->text) me->text(std::string_view(s, size_t(len)));
  });
  if (XML_Parse(p.get(), xml.data(), int(xml.size()), 1) == XML_STATUS_ERROR) {
    throw broken(fmt::format("{} line {}: {}", part, XML_GetCurrentLineNumber(p.get()),
                             XML_ErrorString(XML_GetErrorCode(p.get()))));
  }
}

std::string_view Parser::local(const char* name) {
  std::string_view n(name);
  auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attr(const char** attrs, std::string_view name) {
  for (int i = 0; attrs[i]; i += 2) {
    if (Parser::local(attrs[i]) == name) return attrs[i + 1];
  }
  return nullptr;
}

}  // namespace cchc::ooxml
