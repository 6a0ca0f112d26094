#include "http/error_mapper.h"

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "core/text.h"

namespace cchc::http {

Status status_for(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid_input: return Status::bad_request;
    case ErrorKind::unauthenticated: return Status::unauthorized;
    case ErrorKind::forbidden: return Status::forbidden;
    case ErrorKind::not_found: return Status::not_found;
    case ErrorKind::conflict: return Status::conflict;
    case ErrorKind::too_large: return Status::payload_too_large;
    case ErrorKind::busy: return Status::too_many_requests;
    case ErrorKind::storage_full: return Status::insufficient_storage;
    case ErrorKind::unavailable: return Status::service_unavailable;
    case ErrorKind::internal: return Status::internal_server_error;
  }
  return Status::internal_server_error;
}

ErrorView error_view(Status status, const std::string& message_vi) {
  ErrorView v{status, {}, {}};
  switch (status) {
    case Status::bad_request:
      v = {status, "Yêu cầu không hợp lệ",
           "Yêu cầu gửi lên không đúng định dạng. Xin vui lòng kiểm tra lại và thử lại."};
      break;
    case Status::unauthorized: v = {status, "Cần đăng nhập", "Xin vui lòng đăng nhập để tiếp tục."}; break;
    case Status::forbidden:
      v = {status, "Không có quyền truy cập",
           "Tài khoản của bạn không có quyền thực hiện thao tác này. Nếu cần, xin liên hệ quản "
           "trị viên."};
      break;
    case Status::not_found:
      v = {status, "Không tìm thấy trang",
           "Trang bạn tìm không tồn tại hoặc đã được chuyển đi. Xin vui lòng quay lại Trang chủ."};
      break;
    case Status::method_not_allowed:
      v = {status, "Thao tác không được hỗ trợ", "Trang này không hỗ trợ thao tác vừa gửi."};
      break;
    case Status::conflict:
      v = {status, "Dữ liệu đã thay đổi",
           "Dữ liệu vừa được người khác thay đổi. Xin vui lòng tải lại trang và thử lại."};
      break;
    case Status::payload_too_large:
      v = {status, "Dữ liệu gửi lên quá lớn",
           "Dữ liệu gửi lên vượt quá dung lượng cho phép. Xin vui lòng giảm kích thước và thử "
           "lại."};
      break;
    case Status::request_header_fields_too_large:
      v = {status, "Phần đầu yêu cầu quá lớn",
           "Trình duyệt gửi phần đầu yêu cầu quá lớn. Xin vui lòng xóa cookie của trang và thử "
           "lại."};
      break;
    case Status::too_many_requests: v = {status, "Quá nhiều yêu cầu", "Xin vui lòng chờ ít phút rồi thử lại."}; break;
    case Status::service_unavailable:
      v = {status, "Hệ thống tạm thời gián đoạn", "Xin vui lòng thử lại sau ít phút."};
      break;
    case Status::insufficient_storage:
      v = {status, "Máy chủ hết chỗ lưu dữ liệu",
           "Hệ thống tạm thời chưa lưu được dữ liệu mới vì máy chủ hết dung lượng; các trang xem vẫn hoạt động. Xin "
           "vui lòng thử lại sau và báo quản trị viên."};
      break;
    default:
      v = {status, "Đã xảy ra lỗi",
           "Hệ thống gặp sự cố khi xử lý yêu cầu. Xin vui lòng thử lại; nếu lỗi còn tiếp diễn, "
           "xin liên hệ quản trị viên và cung cấp mã yêu cầu."};
  }
  if (!message_vi.empty()) v.message_vi = message_vi;
  return v;
}

Response ErrorMapper::respond(const Request& req, Status status, const std::string& detail,
                              const std::string& message_vi) const {
  auto later = [status](Response res) {
    if (status == Status::too_many_requests || status == Status::service_unavailable) res.set("Retry-After", "5");
    return res;
  };
  if (req.is_api()) {
    nlohmann::json body = {{"type", "about:blank"},
                           {"title", std::string(reason(status))},
                           {"status", int(status)},
                           {"detail", text::cut_utf8(detail, 1024)},
                           {"request_id", req.request_id}};
    auto res = make_response(req, status, "application/problem+json", body.dump());
    res.set(field::cache_control, "no-store");
    return later(std::move(res));
  }
  return later(html(req, render_page_(req, error_view(status, message_vi)), status));
}

Response ErrorMapper::map_current(const Request& req) const {
  try {
    throw;
  } catch (const Error& e) {
    auto status = status_for(e.kind());
    if (status == Status::service_unavailable || status == Status::insufficient_storage) {
      spdlog::warn("request {} {}: {}", req.request_id, req.path, e.what());
    }
    if (status == Status::internal_server_error) {
      spdlog::error("request {} {} failed: {}", req.request_id, req.path, e.what());
      return respond(req, status, "internal error");
    }
    return respond(req, status, e.what(), e.message_vi());
  } catch (const std::exception& e) {
    spdlog::error("request {} {} failed: {}", req.request_id, req.path, e.what());
    return respond(req, Status::internal_server_error, "internal error");
  } catch (...) {
    spdlog::error("request {} {} failed with a non-standard exception", req.request_id, req.path);
    return respond(req, Status::internal_server_error, "internal error");
  }
}

}  // namespace cchc::http
