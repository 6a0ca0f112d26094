#include "core/filetype.h"

#include <fmt/format.h>
#include <magic.h>

#include <algorithm>
#include <memory>

#include "core/errors.h"
#include "core/text.h"

namespace cchc::filetype {

namespace {

// A libmagic cookie is not safe to share between threads: one per thread,
// loaded once with the system's compiled database.
magic_t cookie() {
  struct Holder {
    magic_t m = nullptr;
    Holder() {
      m = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR | MAGIC_NO_CHECK_COMPRESS);
      if (m && magic_load(m, nullptr) != 0) {
        magic_close(m);
        m = nullptr;
      }
    }
    ~Holder() {
      if (m) magic_close(m);
    }
  };
  thread_local Holder holder;
  if (!holder.m) throw Error(ErrorKind::internal, "libmagic could not load its database");
  return holder.m;
}

const std::string kZip = "application/zip";
const std::string kCdf = "application/CDFV2";

}  // namespace

std::string sniff(std::string_view bytes) {
  if (bytes.empty()) return "application/x-empty";
  const char* type = magic_buffer(cookie(), bytes.data(), bytes.size());
  return type ? std::string(type) : "application/octet-stream";
}

const std::vector<Kind>& evidence_kinds() {
  static const std::vector<Kind> kinds = {
      {{"pdf"}, "application/pdf", {"application/pdf"}},
      {{"doc"}, "application/msword", {"application/msword", kCdf}},
      {{"docx"},
       "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
       {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", kZip}},
      {{"odt"}, "application/vnd.oasis.opendocument.text", {"application/vnd.oasis.opendocument.text"}},
      {{"xls"}, "application/vnd.ms-excel", {"application/vnd.ms-excel", kCdf}},
      {{"xlsx"},
       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
       {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", kZip}},
      {{"ods"}, "application/vnd.oasis.opendocument.spreadsheet", {"application/vnd.oasis.opendocument.spreadsheet"}},
      {{"jpg", "jpeg"}, "image/jpeg", {"image/jpeg"}},
      {{"png"}, "image/png", {"image/png"}},
      {{"zip"}, kZip, {kZip}},
  };
  return kinds;
}

const std::vector<Kind>& image_kinds() {
  static const std::vector<Kind> kinds = {
      {{"jpg", "jpeg"}, "image/jpeg", {"image/jpeg"}},
      {{"png"}, "image/png", {"image/png"}},
      {{"gif"}, "image/gif", {"image/gif"}},
      {{"webp"}, "image/webp", {"image/webp"}},
  };
  return kinds;
}

Accepted check(std::string_view filename, std::string_view bytes, const std::vector<Kind>& kinds,
               std::size_t max_bytes) {
  if (bytes.empty() || bytes.size() > max_bytes) {
    throw invalid_input(fmt::format("a file must have 1 byte to {} KiB", max_bytes / 1024),
                        fmt::format("Tệp phải có dung lượng từ 1 byte đến {}.",
                                    max_bytes >= (1u << 20) ? fmt::format("{} MB", max_bytes >> 20)
                                                            : fmt::format("{} KB", max_bytes >> 10)));
  }
  std::string list;
  for (const auto& k : kinds) {
    for (const auto& e : k.extensions) list += (list.empty() ? "" : ", ") + e;
  }
  auto dot = filename.rfind('.');
  std::string ext = dot == std::string_view::npos ? "" : text::fold(filename.substr(dot + 1));
  auto kind = std::find_if(kinds.begin(), kinds.end(), [&](const Kind& k) {
    return std::find(k.extensions.begin(), k.extensions.end(), ext) != k.extensions.end();
  });
  if (kind == kinds.end()) {
    throw invalid_input(fmt::format("files of type '{}' are not accepted; accepted: {}", ext, list),
                        fmt::format("Không nhận tệp dạng này. Chỉ nhận: {}.", list));
  }
  auto detected = sniff(bytes);
  if (std::find(kind->detected.begin(), kind->detected.end(), detected) == kind->detected.end()) {
    throw invalid_input(
        fmt::format("the file is named .{} but its content is {}", ext, detected),
        fmt::format("Nội dung tệp không phải dạng .{} như tên tệp (hệ thống nhận ra: {}).", ext, detected));
  }
  std::string stem = text::slug(filename.substr(0, dot));
  if (stem.empty()) stem = "tep";
  if (stem.size() > 80) stem.resize(80);
  return {stem + "." + kind->extensions.front(), kind->content_type, detected};
}

}  // namespace cchc::filetype
