#pragma once
// Between Beast's messages and http::Request / http::Response: only the
// server (http/server.cpp) and the request-head fuzz target include this;
// every other layer sees the plain types of http/message.h.
#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/optional.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "http/message.h"

namespace cchc::http {

// A response body as Beast writes it: owned bytes, or a Response's shared
// body (Response::share_body), written from the shared buffer itself.
struct WireBody {
  class value_type {
   public:
    std::string_view view() const { return shared_ ? std::string_view(*shared_) : std::string_view(owned_); }
    std::size_t size() const { return view().size(); }
    bool is_shared() const { return shared_ != nullptr; }
    void assign(std::string bytes) {
      owned_ = std::move(bytes);
      shared_.reset();
    }
    void share(std::shared_ptr<const std::string> bytes) {
      owned_.clear();
      shared_ = std::move(bytes);
    }
    void clear() { assign({}); }

   private:
    std::string owned_;
    std::shared_ptr<const std::string> shared_;
  };

  static std::uint64_t size(const value_type& body) { return body.size(); }

  // Beast's BodyWriter: the whole body as one buffer.
  class writer {
   public:
    using const_buffers_type = boost::asio::const_buffer;
    template <bool isRequest, class Fields>
    writer(const boost::beast::http::header<isRequest, Fields>&, const value_type& body) : body_(body) {}
    void init(boost::beast::error_code& ec) { ec = {}; }
    boost::optional<std::pair<const_buffers_type, bool>> get(boost::beast::error_code& ec) {
      ec = {};
      auto bytes = body_.view();
      return {{const_buffers_type(bytes.data(), bytes.size()), false}};
    }

   private:
    const value_type& body_;
  };
};

using WireRequest = boost::beast::http::request<boost::beast::http::string_body>;
using WireResponse = boost::beast::http::response<WireBody>;

// The request as read: method, target, version and fields in order, the
// body moved out of `msg`.
Request request_of(WireRequest&& msg);
// The response to write: status, version and fields in order (Beast writes
// the reason phrase), the body moved out of `res` (a shared body shared,
// not copied).
WireResponse wire_of(Response&& res);

}  // namespace cchc::http
