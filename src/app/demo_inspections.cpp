// The demo's inspections (app/demo.h, load_demo_inspections).
#include <fmt/format.h>

#include <algorithm>

#include "app/demo.h"
#include "app/sources.h"
#include "directory/read.h"
#include "inspections/store.h"

namespace cchc::app {

using namespace std::chrono;
using namespace cchc::inspections;

namespace {

// What a done visit's shortcomings become, in turn (state, how late).
enum class Fate { fixed_on_time, fixed_late, reported, returned, overdue, not_yet_due };

struct Shortfall {
  const char* area;
  const char* text;
  const char* recommendation;
};

const Shortfall kShortfalls[] = {
    {"direction", "Chưa ban hành kế hoạch kiểm tra công tác cải cách hành chính nội bộ",
     "Ban hành kế hoạch tự kiểm tra công tác cải cách hành chính trong năm"},
    {"procedures", "Còn thủ tục hành chính niêm yết chưa cập nhật theo quyết định công bố mới",
     "Rà soát, cập nhật niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa"},
    {"procedures", "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn thấp",
     "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo quy định"},
    {"civil_service", "Chưa cập nhật đầy đủ hồ sơ công chức trên cơ sở dữ liệu",
     "Cập nhật hồ sơ cán bộ, công chức trên cơ sở dữ liệu quốc gia"},
    {"digital_government", "Hệ thống quản lý văn bản chưa ký số đầy đủ văn bản đi",
     "Thực hiện ký số đối với văn bản điện tử gửi đi"},
    {"organisation", "Quy chế làm việc chưa được sửa đổi theo tổ chức bộ máy mới",
     "Sửa đổi, bổ sung quy chế làm việc phù hợp với tổ chức bộ máy"},
};

const char* kGood[] = {
    "Ban hành kịp thời kế hoạch cải cách hành chính năm và phân công cụ thể",
    "Bộ phận Một cửa bố trí khoa học, có khu vực hướng dẫn thủ tục trực tuyến",
    "Thực hiện báo cáo định kỳ đầy đủ, đúng hạn",
};

}  // namespace

DemoInspections load_demo_inspections(db::Database& db, Instant now) {
  DemoInspections out;
  Date today = local_date(now);
  int y = int(today.year());
  const std::string number = fmt::format("{}/KH-SNV", 15);
  bool exists = db.read([&](db::Connection& c) {
    auto plans = list_plans(c, y);
    return std::any_of(plans.begin(), plans.end(),
                       [&](const auto& p) { return p.number == number && p.issuer_unit == "SNV"; });
  });
  if (exists) return out;
  const audit::Entry who{"demo.admin", "demo", "", "", "", {}, {}};
  const audit::Entry officer{"demo.canbo", "demo", "", "", "", {}, {}};
  const auto& cal = WorkCalendar::vietnam();
  Date first = Date{year{y} / January / 1}, last = Date{year{y} / December / 31};
  auto clip = [&](sys_days d) { return Date{std::clamp(d, sys_days{first}, sys_days{last})}; };

  // A third of the units (every third of each level, by code), the demo
  // commune first; never the coordinator or the province.
  std::vector<std::string> units{"P-TRANGDAI"};
  std::map<std::string, int> seen;
  for (const auto& u : directory::load_units(db)) {
    if (!u.valid_on(today) || u.level == "province" || u.code == "SNV" || u.code == "P-TRANGDAI") continue;
    if (seen[u.level]++ % 3 == 0) units.push_back(u.code);
  }
  Plan plan;
  plan.year = y;
  plan.number = number;
  plan.title = fmt::format("Kế hoạch kiểm tra công tác cải cách hành chính năm {}", y);
  plan.issuer_unit = "SNV";
  plan.issued_on = first;
  plan.areas = {"direction",     "institutions",   "procedures",        "organisation",
                "civil_service", "public_finance", "digital_government"};
  plan.content = "Kiểm tra việc thực hiện các nhiệm vụ cải cách hành chính, kết quả khắc phục kiến nghị năm trước.";
  plan.team = {{"Nguyễn Văn Hải", "SNV", "head"},
               {"Trần Thị Mai", "SNV", "member"},
               {"Lê Quốc Bảo", "VP-UBND", "member"},
               {"Phạm Thu Hà", "SNV", "secretary"}};
  // Eight visits done before today, a week or more apart, the rest ahead.
  const int done_count = std::min<int>(8, int(units.size()));
  // (i + 3k) mod 8 over the eight visits' two shortcomings: every fate, the
  // demo commune (the first) with one overdue and one returned.
  std::vector<Fate> fates = {Fate::overdue,    Fate::fixed_on_time, Fate::reported,      Fate::returned,
                             Fate::fixed_late, Fate::not_yet_due,   Fate::fixed_on_time, Fate::overdue};
  db.write([&](db::Connection& c) {
    auto areas = inspection_sources().area_codes(c);
    plan = create_plan(c, plan, areas, who, start_of_day(first) + hours{8});
    std::vector<Inspection> visits;
    for (int i = 0; i < int(units.size()); ++i) {
      auto day = i < done_count ? clip(sys_days{today} - days{10 * (done_count - i) + 5})
                                : clip(sys_days{today} + days{7 * (i - done_count + 1)});
      visits.push_back(
          schedule_visit(c, plan.id, units[i], day, "Chưa được kiểm tra", who, start_of_day(first) + hours{9}));
    }
    announce(c, plan.id, who, start_of_day(first) + hours{10});
    int n = 0;
    for (int i = 0; i < done_count; ++i) {
      const auto& v = visits[i];
      Date held = v.scheduled_on;
      auto at = [&](int after) { return std::min(start_of_day(Date{sys_days{held} + days{after}}) + hours{9}, now); };
      record_visit(
          c, v.id, held,
          "Đơn vị triển khai tương đối đầy đủ các nhiệm vụ cải cách hành chính; còn một số hạn chế cần khắc phục.", who,
          at(0));
      Finding good;
      good.area_code = i % 2 ? "procedures" : "direction";
      good.text = kGood[i % 3];
      add_finding(c, v.id, good, areas, who, at(0));
      for (int k = 0; k < 2; ++k) {
        auto fate = fates[(i + k * 3) % fates.size()];
        const auto& s = kShortfalls[(i + k) % std::size(kShortfalls)];
        Finding f;
        f.area_code = s.area;
        f.shortcoming = true;
        f.text = s.text;
        f.recommendation = s.recommendation;
        f.responsible_unit = v.unit_code;
        f.due = fate == Fate::not_yet_due ? Date{sys_days{today} + days{20}} : due_of(held, 10, std::nullopt, cal);
        if (fate == Fate::fixed_late) f.due = due_of(held, 3, std::nullopt, cal);
        f = add_finding(c, v.id, f, areas, who, at(0));
        ++n;
        switch (fate) {
          case Fate::fixed_on_time:
            act(c, f.id, FixAction::report, FixActor::unit, "Đã thực hiện, kèm văn bản triển khai", nullptr, officer,
                at(5));
            act(c, f.id, FixAction::accept, FixActor::team, "", nullptr, who, at(7));
            break;
          case Fate::fixed_late:
            act(c, f.id, FixAction::report, FixActor::unit, "Đã hoàn thành khắc phục", nullptr, officer, at(9));
            act(c, f.id, FixAction::accept, FixActor::team, "", nullptr, who, at(10));
            break;
          case Fate::reported:
            act(c, f.id, FixAction::report, FixActor::unit, "Đã triển khai khắc phục, gửi kèm kế hoạch", nullptr,
                officer, at(4));
            break;
          case Fate::returned:
            act(c, f.id, FixAction::report, FixActor::unit, "Đang thực hiện", nullptr, officer, at(3));
            act(c, f.id, FixAction::send_back, FixActor::team, "Chưa có văn bản chứng minh đã khắc phục", nullptr, who,
                at(5));
            break;
          case Fate::overdue:
          case Fate::not_yet_due: break;
        }
      }
    }
    out.visits = visits.size();
    out.recommendations = std::size_t(n);
  });
  return out;
}

}  // namespace cchc::app
