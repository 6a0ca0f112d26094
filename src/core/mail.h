#pragma once
// E-mail: one plain-text UTF-8 message (RFC 5322 with MIME, RFC 2045-2047)
// sent to an SMTP server with libcurl. The server is a URL:
// smtp://host:port (STARTTLS used when offered), smtps://host:port, with
// optional user:password@ before the host.
#include <string>

#include "core/dates.h"

namespace cchc::mail {

struct Message {
  std::string from;     // "cchc@example.gov.vn"
  std::string to;       // one address
  std::string subject;  // UTF-8
  std::string body;     // UTF-8, lines separated by "\n"
};

// The message as sent: Date, From, To, Subject (RFC 2047 base64 encoded
// word when not ASCII), Message-ID, MIME-Version, Content-Type text/plain
// charset UTF-8, Content-Transfer-Encoding base64 (76-character lines),
// CRLF line ends.
std::string format(const Message& m, Instant date, const std::string& message_id);

// Sends it; throws unavailable (English) when the server cannot be reached
// or refuses it. Times out after 30 s.
void send(const std::string& smtp_url, const Message& m, Instant date);

}  // namespace cchc::mail
