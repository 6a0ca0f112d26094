// The demo's citizen feedback (app/demo.h, load_demo_feedback).
#include <fmt/format.h>

#include <random>

#include "app/demo.h"
#include "app/sources.h"
#include "core/errors.h"
#include "directory/read.h"
#include "feedback/store.h"

namespace cchc::app {

using namespace std::chrono;

namespace {

struct DemoCategory {
  const char* code;
  const char* name;
  const char* description;
  int days;
  bool by_place;
  const char* unit;
  std::vector<const char*> contents;
};

// Deadlines and sources as docs/feedback.md sets them out.
const std::vector<DemoCategory>& demo_categories() {
  static const std::vector<DemoCategory> cats = {
      {"thu-tuc-hanh-chinh",
       "Thủ tục hành chính, bộ phận một cửa",
       "Hồ sơ trễ hạn, yêu cầu thêm giấy tờ, hướng dẫn chưa rõ",
       10,
       true,
       "TTPVHCC",
       {"Hồ sơ đăng ký khai sinh cho con tôi nộp đã quá hẹn mà chưa có kết quả, cán bộ hẹn lại nhiều lần.",
        "Bộ phận một cửa yêu cầu nộp thêm bản sao có chứng thực dù tôi đã nộp bản điện tử trên Cổng dịch vụ công.",
        "Giấy hẹn trả kết quả ghi sai ngày, tôi đến nhận thì chưa có, đề nghị kiểm tra lại quy trình."}},
      {"dat-dai",
       "Đất đai",
       "Cấp giấy chứng nhận, đo đạc, tranh chấp ranh giới",
       10,
       true,
       "SNNMT",
       {"Hồ sơ cấp giấy chứng nhận quyền sử dụng đất của gia đình tôi đã nộp hơn hai tháng chưa được giải quyết.",
        "Việc đo đạc lại thửa đất bị kéo dài, đề nghị cho biết thời gian hoàn thành.",
        "Đề nghị hướng dẫn thủ tục tách thửa đất nông nghiệp theo quy định mới."}},
      {"xay-dung",
       "Xây dựng, trật tự đô thị",
       "Giấy phép xây dựng, công trình sai phép, hạ tầng",
       10,
       true,
       "SXD",
       {"Công trình trên đường nhà tôi xây dựng lấn vỉa hè, đề nghị kiểm tra xử lý.",
        "Đường vào khu dân cư bị ngập mỗi khi mưa lớn do cống thoát nước bị tắc.",
        "Đề nghị cho biết tiến độ cấp giấy phép xây dựng nhà ở riêng lẻ đã nộp tháng trước."}},
      {"bao-hiem-xa-hoi",
       "Bảo hiểm xã hội, chính sách lao động",
       "Chế độ bảo hiểm, trợ cấp, việc làm",
       10,
       false,
       "SNV",
       {"Đề nghị giải quyết chế độ trợ cấp thất nghiệp đã nộp hồ sơ quá thời hạn.",
        "Tôi chưa nhận được trợ cấp xã hội hằng tháng hai tháng nay, đề nghị kiểm tra."}},
      {"cong-vu",
       "Thái độ, trách nhiệm của cán bộ, công chức",
       "Tinh thần phục vụ, giờ làm việc, nhũng nhiễu",
       10,
       false,
       "SNV",
       {"Cán bộ tiếp nhận hồ sơ có thái độ thiếu hòa nhã, không hướng dẫn đầy đủ cho người dân.",
        "Đến làm thủ tục trong giờ hành chính nhưng không có cán bộ tại quầy tiếp nhận."}},
      {"dich-vu-cong-truc-tuyen",
       "Dịch vụ công trực tuyến, Cổng dịch vụ công",
       "Lỗi hệ thống, thanh toán trực tuyến, tài khoản",
       7,
       false,
       "TTPVHCC",
       {"Thanh toán lệ phí trực tuyến bị trừ tiền nhưng hồ sơ vẫn báo chưa thanh toán.",
        "Không đăng nhập được Cổng dịch vụ công bằng tài khoản định danh điện tử, đề nghị hỗ trợ."}},
  };
  return cats;
}

const char* kSource = "Nghị định 20/2008/NĐ-CP, sửa đổi bởi Nghị định 92/2017/NĐ-CP; thời hạn theo quy chế của tỉnh";

const char* kNames[] = {"Nguyễn Văn Hùng", "Trần Thị Mai",  "Lê Minh Tuấn",  "Phạm Thị Hoa",
                        "Hoàng Văn Nam",   "Võ Thị Thu Hà", "Đặng Quốc Bảo", "Bùi Thị Lan"};

}  // namespace

DemoFeedback load_demo_feedback(db::Database& db, Instant now) {
  DemoFeedback out;
  bool has = db.read([](db::Connection& c) { return !c.query("SELECT 1 FROM feedback_cases LIMIT 1").empty(); });
  if (has) return out;
  const audit::Entry system{"system", "demo", "", "", "", {}, {}};
  db.write([&](db::Connection& c) {
    for (const auto& d : demo_categories()) {
      if (feedback::find_category(c, std::string(d.code))) continue;
      feedback::Category cat;
      cat.code = d.code;
      cat.name = d.name;
      cat.description = d.description;
      cat.deadline_days = d.days;
      cat.extension_days = 10;
      cat.legal_source = kSource;
      cat.route_by_place = d.by_place;
      cat.unit_code = d.unit;
      cat.position = int(&d - demo_categories().data());
      feedback::save_category(c, cat, system, now);
    }
  });
  auto units = directory::load_units(db);
  std::vector<std::string> places;
  for (const auto& u : units) {
    if (u.level == "commune" && u.valid_on(local_date(now))) places.push_back(u.code);
  }
  const auto& cal = WorkCalendar::vietnam();
  auto sinks = feedback_sinks();
  std::mt19937 rng(766);
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
  auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  const audit::Entry officer{"demo.canbo", "demo", "", "", "", {}, {}};
  const audit::Entry leader{"demo.lanhdao", "demo", "", "", "", {}, {}};
  const audit::Entry citizen{"citizen", "demo", "", "", "", {}, {}};
  constexpr int kCases = 320;
  db.write([&](db::Connection& c) {
    for (int i = 0; i < kCases; ++i) {
      // Spread over the last year. The first 30 are of the last days and stop
      // at each step in turn (0 received, 1 assigned, 2 waiting for the
      // citizen, 3 drafted; 4 goes on), the next 6 are weeks old and still
      // assigned, overdue: a queue to work on.
      int stop = i < 30 ? i % 5 : i < 36 ? 1 : 4;
      auto age = i < 30   ? hours{std::int64_t(pick(24 * 6)) + 1}
                 : i < 36 ? hours{std::int64_t(24 * (20 + pick(20)))}
                          : hours{std::int64_t(pick(24 * 360)) + 24 * 5};
      Instant t = now - age;
      const auto& d = demo_categories()[pick(demo_categories().size())];
      feedback::Intake in;
      double r = std::uniform_real_distribution<double>(0, 1)(rng);
      in.channel = r < 0.40   ? feedback::Channel::web
                   : r < 0.65 ? feedback::Channel::hotline_1022
                   : r < 0.80 ? feedback::Channel::national_portal
                   : r < 0.88 ? feedback::Channel::letter
                   : r < 0.95 ? feedback::Channel::visit
                              : feedback::Channel::open311;
      if (in.channel == feedback::Channel::national_portal) in.external_id = fmt::format("QG-{:06}", 100000 + i);
      auto& s = in.submission;
      s.category_code = d.code;
      // The demo commune gets its share and more, so its officer has a queue.
      s.place_code = chance(0.15) ? "" : chance(0.25) ? "P-TRANGDAI" : places[pick(places.size())];
      s.content = d.contents[pick(d.contents.size())];
      s.name = kNames[pick(std::size(kNames))];
      s.phone = fmt::format("09{:08}", 10000000 + i * 7919 % 89999999);
      if (chance(0.5)) s.email = fmt::format("nguoidan{}@example.org", i);
      s.consent = true;
      s.publish_allowed = chance(0.65);
      in.received_at = t;
      auto k = feedback::receive(c, in, units, cal, sinks, system, t).kase;
      ++out.cases;
      // Each step happens some hours after the last, while before now.
      auto step = [&](feedback::Action a, feedback::Actor who, hours after, std::string note = "",
                      std::string answer = "") -> bool {
        if (t + after > now) return false;
        t += after;
        feedback::Step st;
        st.action = a;
        st.actor = who;
        st.note = std::move(note);
        st.answer = std::move(answer);
        st.assignee = "demo.canbo";
        st.publish = chance(0.8);
        st.extension_days = 5;
        if (a == feedback::Action::rate) {
          double q = std::uniform_real_distribution<double>(0, 1)(rng);
          st.rating = q < 0.25  ? feedback::Rating::very_satisfied
                      : q < 0.9 ? feedback::Rating::satisfied
                                : feedback::Rating::unsatisfied;
        }
        const auto& by = who == feedback::Actor::leader ? leader : who == feedback::Actor::citizen ? citizen : officer;
        k = feedback::act(c, k.id, st, units, cal, sinks, by, t);
        return true;
      };
      using feedback::Action;
      using feedback::Actor;
      if (stop == 0) continue;
      if (!step(Action::assign, Actor::officer, hours{std::int64_t(1 + pick(3))}) || stop == 1) continue;
      if (chance(0.03)) {
        step(Action::refuse, Actor::leader, hours{24},
             "Nội dung thuộc thẩm quyền giải quyết của Tòa án nhân dân theo Luật Tố tụng dân sự; đề nghị ông (bà) "
             "liên hệ Tòa án nhân dân khu vực.");
        continue;
      }
      if (stop == 2 || chance(0.12)) {
        if (!step(Action::ask_clarification, Actor::officer, hours{stop == 2 ? 1 : 24},
                  "Đề nghị ông (bà) cho biết địa chỉ cụ thể và thời điểm nộp hồ sơ.") ||
            stop == 2) {
          continue;
        }
        if (!step(Action::citizen_reply, Actor::citizen, hours{std::int64_t(24 + pick(96))},
                  "Tổ 5, khu phố 3; nộp hồ sơ đầu tháng.")) {
          continue;
        }
      }
      if (chance(0.05)) step(Action::extend, Actor::leader, hours{24}, "Cần phối hợp kiểm tra thực tế.");
      // Most answer within the deadline; about one in eight runs late.
      auto work = stop == 3      ? hours{1}
                  : chance(0.12) ? hours{std::int64_t(24 * (15 + pick(10)))}
                                 : hours{std::int64_t(24 + pick(24 * 8))};
      if (!step(Action::draft, Actor::officer, work, "",
                "UBND đã kiểm tra nội dung phản ánh. Cơ quan chuyên môn đã xử lý và hướng dẫn ông (bà) hoàn thiện "
                "thủ tục; kết quả được trả trong tuần. Xin cảm ơn ông (bà) đã phản ánh.") ||
          stop == 3) {
        continue;
      }
      if (!step(Action::approve, Actor::leader, hours{std::int64_t(2 + pick(20))})) continue;
      if (!chance(0.55) || !step(Action::rate, Actor::citizen, hours{std::int64_t(24 + pick(72))})) continue;
      if (k.rating == feedback::Rating::unsatisfied && chance(0.6)) {
        if (!step(Action::reopen, Actor::citizen, hours{24}, "Vấn đề chưa được khắc phục trên thực tế.")) continue;
        ++out.reopened;
        if (!step(Action::draft, Actor::officer, hours{std::int64_t(48 + pick(96))}, "",
                  "UBND đã cử cán bộ kiểm tra lại và khắc phục dứt điểm. Xin cảm ơn ông (bà).")) {
          continue;
        }
        step(Action::approve, Actor::leader, hours{4});
      }
    }
  });
  return out;
}

}  // namespace cchc::app
