#pragma once
// Between Beast's messages and http::Request / http::Response: only the
// server (http/server.cpp) and the request-head fuzz target include this;
// every other layer sees the plain types of http/message.h.
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/message.h"

namespace cchc::http {

using WireRequest = boost::beast::http::request<boost::beast::http::string_body>;
using WireResponse = boost::beast::http::response<boost::beast::http::string_body>;

// The request as read: method, target, version and fields in order, the
// body moved out of `msg`.
Request request_of(WireRequest&& msg);
// The response to write: status, version and fields in order (Beast writes
// the reason phrase), the body moved out of `res`.
WireResponse wire_of(Response&& res);

}  // namespace cchc::http
