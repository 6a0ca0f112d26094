#include "support/smtp_listener.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace cchc::testing {

SmtpListener::SmtpListener() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 8) != 0) {
    throw std::runtime_error("smtp listener: cannot listen");
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { serve(); });
}

SmtpListener::~SmtpListener() {
  stop_ = true;
  thread_.join();
  ::close(listen_fd_);
}

std::vector<SmtpListener::Mail> SmtpListener::mails() const {
  std::lock_guard lock(mutex_);
  return mails_;
}

void SmtpListener::serve() {
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd >= 0) session(fd);
  }
}

void SmtpListener::session(int fd) {
  auto send = [&](const std::string& s) { (void)!::write(fd, s.data(), s.size()); };
  std::string buffer;
  // One line (without CRLF), or false when the client went away.
  auto line = [&](std::string& out) {
    for (;;) {
      auto end = buffer.find("\r\n");
      if (end != std::string::npos) {
        out = buffer.substr(0, end);
        buffer.erase(0, end + 2);
        return true;
      }
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 5000) <= 0) return false;
      char chunk[4096];
      auto n = ::read(fd, chunk, sizeof chunk);
      if (n <= 0) return false;
      buffer.append(chunk, size_t(n));
    }
  };
  send("220 localhost cchc test SMTP\r\n");
  Mail mail;
  std::string l;
  while (line(l)) {
    std::string verb = l.substr(0, 4);
    for (auto& c : verb) c = char(toupper(c));
    if (verb == "EHLO" || verb == "HELO") {
      send("250 localhost\r\n");
    } else if (verb == "MAIL") {
      mail = Mail{};
      mail.from = l.substr(l.find(':') + 1);
      send("250 OK\r\n");
    } else if (verb == "RCPT") {
      mail.to.push_back(l.substr(l.find(':') + 1));
      send("250 OK\r\n");
    } else if (verb == "DATA") {
      send("354 End data with <CR><LF>.<CR><LF>\r\n");
      std::string d;
      while (line(d) && d != ".") mail.data += (d.starts_with("..") ? d.substr(1) : d) + "\r\n";
      {
        std::lock_guard lock(mutex_);
        mails_.push_back(mail);
      }
      send("250 OK queued\r\n");
    } else if (verb == "QUIT") {
      send("221 Bye\r\n");
      break;
    } else if (verb == "RSET" || verb == "NOOP") {
      send("250 OK\r\n");
    } else {
      send("502 Command not implemented\r\n");
    }
  }
  ::close(fd);
}

}  // namespace cchc::testing
