#include "home/routes.h"

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "home/rules.h"

namespace cchc::home {

using nlohmann::json;

namespace {

json capabilities() {
  return json::array({
      {{"name", "Kế hoạch cải cách hành chính"},
       {"href", "/ke-hoach"},
       {"description", "kế hoạch năm, nhiệm vụ, thời hạn hoàn thành và báo cáo tiến độ theo kỳ"}},
      {{"name", "Chỉ số phục vụ người dân, doanh nghiệp"},
       {"href", "/cong-khai/chi-so"},
       {"description",
        "hồ sơ thủ tục hành chính trực tuyến, đúng hạn, số hóa, thanh toán trực "
        "tuyến và mức độ hài lòng"}},
      {{"name", "Đánh giá, xếp hạng"},
       {"href", "/xep-hang"},
       {"description", "bộ tiêu chí, tự đánh giá kèm tài liệu kiểm chứng, thẩm định và xếp hạng"}},
      {{"name", "Trang thông tin cải cách hành chính"},
       {"href", "/cong-thong-tin"},
       {"description", "tin bài, văn bản và tìm kiếm có dấu hoặc không dấu"}},
      {{"name", "Phản ánh, kiến nghị (PAKN)"},
       {"href", "/phan-anh"},
       {"description",
        "gửi phản ánh, theo dõi bằng mã tra cứu; tiếp nhận, xử lý đúng thời hạn và công khai kết quả trả lời"}},
  });
}

struct HomePages {
  views::Layout& layout;
  http::SessionStore& sessions;
};

// Today in the working-day calendar: working or not, the quarter's working
// days left, the holidays to come; a year the calendar does not cover says so.
void add_today(json& data, Date date) {
  const auto& cal = WorkCalendar::vietnam();
  if (!cal.covers(date)) {
    data["today_status"] = "Chưa có lịch ngày làm việc cho năm này";
    data["today_status_class"] = "off";
    data["quarter_label"] = Period::of_quarter(int(date.year()), int((unsigned(date.month()) + 2) / 3)).label_vi();
    data["working_days_left"] = "—";
    data["no_holidays"] = true;
    return;
  }
  auto t = today(cal, date);
  data["today_status"] = t.working ? "Ngày làm việc" : "Ngày nghỉ";
  data["today_status_class"] = t.working ? "working" : "off";
  data["quarter_label"] = t.quarter.label_vi();
  data["working_days_left"] = std::to_string(t.working_days_left_in_quarter);
  json rows = json::array();
  for (const auto& e : t.upcoming) {
    rows.push_back({{"date", format_date_vi(e.date)},
                    {"weekday", weekday_vi(e.date)},
                    {"name", e.name},
                    {"kind", e.kind == CalendarEntry::Kind::holiday ? "Ngày nghỉ" : "Ngày làm bù"},
                    {"provisional", e.provisional}});
  }
  data["holidays"] = rows;
  data[rows.empty() ? "no_holidays" : "holidays_section"] = true;
}

http::Response home_page(HomePages& x, http::Request& req) {
  Date date = local_date(now_seconds());
  json data = {{"heading", x.layout.site().system_name},
               {"intro",
                "Theo dõi kế hoạch, nhiệm vụ, chỉ số phục vụ người dân và kết quả "
                "đánh giá cải cách hành chính của các cơ quan, đơn vị trong tỉnh."},
               {"capabilities", capabilities()},
               {"today_label", weekday_vi(date) + ", " + format_date_vi(date)}};
  add_today(data, date);
  return http::html(req, x.layout.page(req, "Trang chủ", "home/index.tpl", data));
}

http::Response show_preferences(HomePages& x, http::Request& req) {
  auto prefs = req.session ? req.session->prefs : json::object();
  auto size = prefs.value("text_size", "normal");
  auto contrast = prefs.value("contrast", "normal");
  json data = {{"csrf", x.sessions.form_token(req)},  {"size_normal", size != "large"},
               {"size_large", size == "large"},       {"contrast_normal", contrast != "high"},
               {"contrast_high", contrast == "high"}, {"saved", req.query_param("da-luu").has_value()}};
  return http::html(req, x.layout.page(req, "Tùy chọn hiển thị", "home/preferences.tpl", data));
}

// Preferences live in a session: a visitor's first choice starts one. A
// choice the page does not offer is an error page (400), not the form.
http::Response save_preferences(HomePages& x, http::Request& req) {
  auto size = req.form_param("text_size").value_or("normal");
  auto contrast = req.form_param("contrast").value_or("normal");
  if (!known_display_choice(size, contrast)) {
    throw invalid_input("text_size must be normal|large, contrast normal|high",
                        "Tùy chọn không hợp lệ. Xin vui lòng chọn lại.");
  }
  x.sessions.ensure(req, now_seconds());
  req.session->prefs["text_size"] = size;
  req.session->prefs["contrast"] = contrast;
  x.sessions.save_prefs(*req.session);
  return http::redirect(req, "/tuy-chon-hien-thi?da-luu=1");
}

}  // namespace

void add_routes(http::Router& router, views::Layout& layout, http::SessionStore& sessions, http::PageCache& pages) {
  layout.add_nav({"Trang chủ", "/", http::kPublic});
  auto x = std::make_shared<HomePages>(HomePages{layout, sessions});
  const http::CachedTo<HomePages> cached[] = {{"/", home_page, {.daily = true}}};
  http::add_cached_routes(router, pages, x, cached);
  const http::RouteTo<HomePages> routes[] = {
      {http::Verb::get, "/tuy-chon-hien-thi", http::kPublic, show_preferences},
      {http::Verb::post, "/tuy-chon-hien-thi", http::kPublic, save_preferences},
  };
  http::add_routes(router, x, routes);
}

}  // namespace cchc::home
