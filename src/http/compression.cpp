#include "http/compression.h"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "core/errors.h"

namespace cchc::http {

namespace {

constexpr int kGzipWindow = 15 + 16;  // 15-bit window, gzip wrapper

std::string run(z_stream& zs, std::string_view data, bool deflating) {
  std::string out;
  char buf[16384];
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = uInt(data.size());
  int rc;
  do {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = deflating ? deflate(&zs, Z_FINISH) : inflate(&zs, Z_NO_FLUSH);
    if (rc == Z_STREAM_ERROR || rc == Z_DATA_ERROR || rc == Z_MEM_ERROR || rc == Z_NEED_DICT) {
      throw invalid_input("bad gzip stream");
    }
    out.append(buf, sizeof buf - zs.avail_out);
    if (!deflating && rc == Z_BUF_ERROR && zs.avail_in == 0) throw invalid_input("truncated gzip");
  } while (rc != Z_STREAM_END);
  return out;
}

}  // namespace

std::string gzip(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, 6, Z_DEFLATED, kGzipWindow, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw Error(ErrorKind::internal, "deflateInit2 failed");
  }
  try {
    auto out = run(zs, data, true);
    deflateEnd(&zs);
    return out;
  } catch (...) {
    deflateEnd(&zs);
    throw;
  }
}

std::string gunzip(std::string_view data) {
  z_stream zs{};
  if (inflateInit2(&zs, kGzipWindow) != Z_OK) throw Error(ErrorKind::internal, "inflateInit2");
  try {
    auto out = run(zs, data, false);
    inflateEnd(&zs);
    return out;
  } catch (...) {
    inflateEnd(&zs);
    throw;
  }
}

std::string brotli(std::string_view data) {
  std::string out(BrotliEncoderMaxCompressedSize(data.size()), '\0');
  std::size_t size = out.size();
  if (out.empty() || !BrotliEncoderCompress(5, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, data.size(),
                                            reinterpret_cast<const std::uint8_t*>(data.data()), &size,
                                            reinterpret_cast<std::uint8_t*>(out.data()))) {
    throw Error(ErrorKind::internal, "BrotliEncoderCompress failed");
  }
  out.resize(size);
  return out;
}

std::string unbrotli(std::string_view data) {
  auto* state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (!state) throw Error(ErrorKind::internal, "BrotliDecoderCreateInstance failed");
  std::string out;
  std::uint8_t buf[16384];
  auto next_in = reinterpret_cast<const std::uint8_t*>(data.data());
  std::size_t avail_in = data.size();
  BrotliDecoderResult rc;
  do {
    auto* next_out = buf;
    std::size_t avail_out = sizeof buf;
    rc = BrotliDecoderDecompressStream(state, &avail_in, &next_in, &avail_out, &next_out, nullptr);
    out.append(reinterpret_cast<const char*>(buf), sizeof buf - avail_out);
  } while (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT);
  BrotliDecoderDestroyInstance(state);
  if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) throw invalid_input("truncated brotli");
  if (rc != BROTLI_DECODER_RESULT_SUCCESS) throw invalid_input("bad brotli stream");
  return out;
}

bool is_compressible(std::string_view type) {
  return type.starts_with("text/") || type.starts_with("application/json") ||
         type.starts_with("application/problem+json") || type.starts_with("application/javascript") ||
         type.starts_with("image/svg+xml") || type.starts_with("application/xml");
}

bool accepts_gzip(std::string_view header) { return accepts_coding(header, "gzip"); }

bool accepts_coding(std::string_view header, std::string_view wanted) {
  // Each element: coding [; q=value]
  while (!header.empty()) {
    size_t comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    size_t semi = item.find(';');
    std::string_view coding = item.substr(0, semi);
    while (!coding.empty() && coding.back() == ' ') coding.remove_suffix(1);
    std::string lower(coding);
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    if (lower != wanted && lower != "*") continue;
    if (semi == std::string_view::npos) return true;
    std::string_view params = item.substr(semi + 1);
    size_t q = params.find("q=");
    if (q == std::string_view::npos) return true;
    double value = std::atof(std::string(params.substr(q + 2)).c_str());
    return value > 0;
  }
  return false;
}

}  // namespace cchc::http
