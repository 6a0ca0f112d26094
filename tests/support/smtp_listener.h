#pragma once
// A local SMTP server for tests (RFC 5321's minimum: EHLO/HELO, MAIL, RCPT,
// DATA, RSET, NOOP, QUIT; no TLS, no auth) on 127.0.0.1 and a free port. It
// keeps what it received so a test can assert on real mail delivery.
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace cchc::testing {

class SmtpListener {
 public:
  struct Mail {
    std::string from;
    std::vector<std::string> to;
    std::string data;  // headers and body as sent, dot-unstuffed, CRLF line ends
  };
  SmtpListener();
  ~SmtpListener();
  unsigned short port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  std::vector<Mail> mails() const;

 private:
  void serve();
  void session(int fd);
  int listen_fd_ = -1;
  unsigned short port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<Mail> mails_;
};

}  // namespace cchc::testing
