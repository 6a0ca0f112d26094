#include "core/mail.h"

#include <curl/curl.h>
#include <fmt/format.h>
#include <sodium.h>  // randombytes_random

#include <cstring>
#include <memory>

#include "core/errors.h"
#include "core/text.h"

namespace cchc::mail {

namespace {

bool ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80 || c < 0x20) return false;
  }
  return true;
}

// Header fields carry no line breaks (header injection).
std::string one_line(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\r' || c == '\n') ? ' ' : c;
  return out;
}

std::string rfc5322_date(Instant t) {
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto local = t + kVietnamOffset;
  auto day = std::chrono::floor<std::chrono::days>(local);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss hms{local - day};
  unsigned weekday = std::chrono::weekday{day}.c_encoding();
  return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} +0700", days[weekday], unsigned(ymd.day()),
                     months[unsigned(ymd.month()) - 1], int(ymd.year()), hms.hours().count(), hms.minutes().count(),
                     hms.seconds().count());
}

struct Upload {
  std::string data;
  size_t at = 0;
};

size_t read_chunk(char* buffer, size_t size, size_t count, void* user) {
  auto* u = static_cast<Upload*>(user);
  size_t n = std::min(size * count, u->data.size() - u->at);
  std::memcpy(buffer, u->data.data() + u->at, n);
  u->at += n;
  return n;
}

}  // namespace

std::string format(const Message& m, Instant date, const std::string& message_id) {
  auto subject = one_line(m.subject);
  std::string out = "Date: " + rfc5322_date(date) + "\r\n";
  out += "From: " + one_line(m.from) + "\r\n";
  out += "To: " + one_line(m.to) + "\r\n";
  out += "Subject: " + (ascii(subject) ? subject : "=?UTF-8?B?" + text::base64(subject) + "?=") + "\r\n";
  out += "Message-ID: <" + one_line(message_id) + ">\r\n";
  out += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  std::string body;
  for (char c : m.body) {
    if (c == '\n')
      body += "\r\n";
    else
      body += c;
  }
  auto encoded = text::base64(body);
  for (size_t i = 0; i < encoded.size(); i += 76) out += encoded.substr(i, 76) + "\r\n";
  return out;
}

void send(const std::string& smtp_url, const Message& m, Instant date) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) throw unavailable("cannot start an SMTP client");
  auto at = m.from.find('@');
  Upload upload{format(m, date,
                       fmt::format("{}.{}{}", date.time_since_epoch().count(), randombytes_random(),
                                   at == std::string::npos ? "@cchc" : m.from.substr(at))),
                0};
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt(
      curl_slist_append(nullptr, ("<" + m.to + ">").c_str()), curl_slist_free_all);
  std::string from = "<" + m.from + ">";
  curl_easy_setopt(curl.get(), CURLOPT_URL, smtp_url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(curl.get(), CURLOPT_READFUNCTION, read_chunk);
  curl_easy_setopt(curl.get(), CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl.get(), CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_USE_SSL, long(CURLUSESSL_TRY));
  curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  auto rc = curl_easy_perform(curl.get());
  if (rc != CURLE_OK) {
    // The URL without its user:password@.
    std::string shown = smtp_url;
    auto scheme = shown.find("://"), userinfo = shown.find('@');
    if (scheme != std::string::npos && userinfo != std::string::npos && userinfo > scheme) {
      shown.replace(scheme + 3, userinfo - scheme - 2, "");
    }
    throw unavailable(fmt::format("sending mail to {} through {} failed: {}", m.to, shown, curl_easy_strerror(rc)));
  }
}

}  // namespace cchc::mail
