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

std::int64_t be16(std::string_view b, std::size_t at) {
  return std::int64_t(static_cast<unsigned char>(b[at])) << 8 | static_cast<unsigned char>(b[at + 1]);
}
std::int64_t le16(std::string_view b, std::size_t at) {
  return std::int64_t(static_cast<unsigned char>(b[at + 1])) << 8 | static_cast<unsigned char>(b[at]);
}
std::int64_t le24(std::string_view b, std::size_t at) { return le16(b, at) | std::int64_t(b[at + 2] & 0xff) << 16; }
std::int64_t be32(std::string_view b, std::size_t at) { return be16(b, at) << 16 | be16(b, at + 2); }

// JPEG: the first start-of-frame marker's height and width, walking the
// segments from the start of the image.
std::optional<Size> jpeg_size(std::string_view b) {
  std::size_t at = 2;
  while (at + 9 < b.size()) {
    if (static_cast<unsigned char>(b[at]) != 0xff) return std::nullopt;
    unsigned marker = static_cast<unsigned char>(b[at + 1]);
    if (marker == 0xff) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0xd9 || marker == 0xda) return std::nullopt;  // end, or the scan before any frame
    bool frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
    if (frame) return Size{be16(b, at + 7), be16(b, at + 5)};
    at += 2 + std::size_t(be16(b, at + 2));
  }
  return std::nullopt;
}

const std::string kZip = "application/zip";
const std::string kCdf = "application/CDFV2";

}  // namespace

std::string sniff(std::string_view bytes) {
  if (bytes.empty()) return "application/x-empty";
  const char* type = magic_buffer(cookie(), bytes.data(), bytes.size());
  return type ? std::string(type) : "application/octet-stream";
}

std::optional<Size> image_size(std::string_view b) {
  if (b.size() >= 24 && b.starts_with("\x89PNG\r\n\x1a\n") && b.substr(12, 4) == "IHDR")
    return Size{be32(b, 16), be32(b, 20)};
  if (b.size() >= 10 && (b.starts_with("GIF87a") || b.starts_with("GIF89a"))) return Size{le16(b, 6), le16(b, 8)};
  if (b.size() >= 4 && b.starts_with("\xff\xd8\xff")) return jpeg_size(b);
  if (b.size() >= 30 && b.starts_with("RIFF") && b.substr(8, 4) == "WEBP") {
    auto chunk = b.substr(12, 4);
    if (chunk == "VP8X") return Size{le24(b, 24) + 1, le24(b, 27) + 1};
    if (chunk == "VP8 ") return Size{le16(b, 26) & 0x3fff, le16(b, 28) & 0x3fff};
    if (chunk == "VP8L" && b.size() >= 25) {
      std::int64_t bits = le16(b, 21) | std::int64_t(static_cast<unsigned char>(b[23])) << 16 |
                          std::int64_t(static_cast<unsigned char>(b[24])) << 24;
      return Size{(bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1};
    }
  }
  return std::nullopt;
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
  if (auto size = kind->content_type.starts_with("image/") ? image_size(bytes) : std::nullopt;
      size && size->width * size->height > kMaxImagePixels) {
    throw too_large(
        fmt::format("the image declares {} x {} pixels, over {}", size->width, size->height, kMaxImagePixels),
        fmt::format("Ảnh quá lớn ({} × {} điểm ảnh); chỉ nhận ảnh đến {} triệu điểm ảnh.",
                    text::format_int(size->width), text::format_int(size->height), kMaxImagePixels / 1'000'000));
  }
  std::string stem = text::slug(filename.substr(0, dot));
  if (stem.empty()) stem = "tep";
  if (stem.size() > 80) stem.resize(80);
  return {stem + "." + kind->extensions.front(), kind->content_type, detected};
}

}  // namespace cchc::filetype
