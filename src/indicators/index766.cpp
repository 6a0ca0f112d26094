#include "indicators/index766.h"

#include <algorithm>

#include "core/errors.h"

namespace cchc::indicators {

namespace {

const std::vector<ManualIndicator> kManual = {
    {"PUBLISH_ON_TIME", "Tỷ lệ TTHC công bố đúng hạn"},
    {"PUBLIC_UPDATE_ON_TIME", "Tỷ lệ TTHC cập nhật, công khai đúng hạn"},
    {"PUBLIC_CONTENT_FULL", "Tỷ lệ TTHC công khai đầy đủ nội dung"},
    {"DOSSIER_SYNC", "Tỷ lệ hồ sơ đồng bộ trạng thái với Cổng DVCQG"},
    {"ONLINE_PROCEDURES_OFFERED", "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến"},
    {"ELECTRONIC_CERTIFIED_COPY", "Tỷ lệ cung cấp chứng thực bản sao điện tử"},
    {"REUSED_DIGITIZED_DATA", "Tỷ lệ hồ sơ khai thác, sử dụng lại dữ liệu số hóa"},
    {"SYNCED_WITH_DVCQG_PERSONAL_STORAGE", "Tỷ lệ hồ sơ số hóa có kết nối, chia sẻ dữ liệu"},
    {"CITIZEN_DATA_CONNECTED_DOSSIER", "Tỷ lệ hồ sơ sử dụng dữ liệu dân cư"},
    {"CITIZEN_DATA_CONNECTED_FORMALITY", "Tỷ lệ TTHC kết nối, chia sẻ dữ liệu dân cư"},
};

const char* manual_name(std::string_view code) {
  for (const auto& m : kManual)
    if (code == m.code) return m.name_vi;
  throw Error(ErrorKind::internal, "not a manual 766 indicator: " + std::string(code));
}

// Points for a rate: max × rate / full_at, capped at max (full_at = 1: the
// plain max × rate of the metric sheet).
IndicatorScore scored(std::string code, std::string name_vi, Rate rate, double max, double full_at = 1.0) {
  IndicatorScore s{std::move(code), std::move(name_vi), rate, max, std::nullopt, ScoreStatus::scored};
  if (auto v = rate.value()) {
    s.points = std::clamp(max * *v / full_at, 0.0, max);
  } else {
    s.status = ScoreStatus::no_data;
  }
  return s;
}

IndicatorScore manual(const ManualValues& values, const std::string& code, double max, double full_at = 1.0) {
  auto it = values.find(code);
  if (it == values.end()) {
    return {code, manual_name(code), {}, max, std::nullopt, ScoreStatus::manual_missing};
  }
  return scored(code, manual_name(code), {it->second.numerator, it->second.denominator}, max, full_at);
}

GroupScore group(std::string code, std::string name_vi, std::vector<IndicatorScore> indicators) {
  GroupScore g{std::move(code), std::move(name_vi), 0, 0, std::move(indicators)};
  for (const auto& i : g.indicators) {
    g.max += i.max;
    g.points += i.points.value_or(0.0);
  }
  return g;
}

// Mức độ hài lòng: the three indicators and the empty-feedback rule of each
// formula set.
std::vector<IndicatorScore> satisfaction(const Indicators& in, Formula f) {
  // Feedback handled early or on time, or still open within time, over
  // feedback handled plus feedback still open at the end of the period.
  Rate petition_on_time{in.feedback_on_time_rate.numerator + (in.feedback_pending_at_end - in.feedback_overdue_open),
                        in.feedback_answered + in.feedback_pending_at_end};
  // Handled on time and not rated unsatisfied, over handled.
  Rate petition_ok{in.feedback_answered_ok, in.feedback_answered};
  // Finished on time and not rated unsatisfied, over finished.
  Rate dossier_ok{in.finished_ok, in.finished};

  auto on_time = scored("PETITION_PROCESSING_ON_TIME", "Tỷ lệ PAKN xử lý đúng hạn", petition_on_time, 6);
  auto handling = scored("PETITION_HANDLING_SATISFACTION", "Tỷ lệ hài lòng trong xử lý PAKN", petition_ok, 6);
  const char* dossier_name = "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC";

  if (f == Formula::observed) {
    for (auto* s : {&on_time, &handling}) {
      if (s->status == ScoreStatus::no_data) s->points = s->max;  // full marks with no feedback
    }
    auto dossier = scored("DOSSIER_RECEIVING_SATISFACTION", dossier_name, dossier_ok, 6, 0.9);
    if (dossier.status == ScoreStatus::no_data) dossier.points = 0.0;
    return {on_time, handling, dossier};
  }

  double dossier_max = 6;
  if (handling.status == ScoreStatus::no_data) {
    handling.max = 0;
    on_time.max += 3;
    dossier_max += 3;
  }
  if (on_time.status == ScoreStatus::no_data) {
    dossier_max += on_time.max;
    on_time.max = 0;
  }
  on_time = scored(on_time.code, on_time.name_vi, on_time.rate, on_time.max);
  auto dossier = scored("DOSSIER_RECEIVING_SATISFACTION", dossier_name, dossier_ok, dossier_max);
  return {on_time, handling, dossier};
}

}  // namespace

Formula parse_formula(std::string_view s) {
  if (s == "qd766-legal") return Formula::legal;
  if (s == "qd766-observed") return Formula::observed;
  throw invalid_input("formula must be qd766-legal or qd766-observed",
                      "Bộ công thức phải là qd766-legal hoặc qd766-observed.");
}

const char* name(Formula f) { return f == Formula::legal ? "qd766-legal" : "qd766-observed"; }

const char* name(ScoreStatus s) {
  switch (s) {
    case ScoreStatus::scored: return "scored";
    case ScoreStatus::no_data: return "no_data";
    case ScoreStatus::manual_missing: return "manual_missing";
  }
  return "scored";
}

const std::vector<ManualIndicator>& manual_indicators() { return kManual; }

bool is_manual_indicator(std::string_view code) {
  return std::any_of(kManual.begin(), kManual.end(), [&](const auto& m) { return code == m.code; });
}

Index766 score766(const Indicators& in, const ManualValues& m, Formula f) {
  Index766 out;
  out.formula = f;
  const bool observed = f == Formula::observed;

  out.groups.push_back(group("CONG_KHAI_MINH_BACH", "Công khai, minh bạch",
                             {manual(m, "PUBLISH_ON_TIME", 6), manual(m, "PUBLIC_UPDATE_ON_TIME", 4),
                              manual(m, "PUBLIC_CONTENT_FULL", 2), manual(m, "DOSSIER_SYNC", 6)}));

  // Finished early or on time plus still open within time, over finished
  // plus still open at the end of the period.
  Rate progress{in.finished_on_time + (in.pending_at_end - in.overdue_open), in.finished + in.pending_at_end};
  out.groups.push_back(group("TIEN_DO_GIAI_QUYET", "Tiến độ giải quyết",
                             {scored("PROCESSING_ON_TIME", "Tỷ lệ hồ sơ xử lý đúng hạn", progress, 20)}));

  const char* full_name = "Tỷ lệ hồ sơ trực tuyến toàn trình";
  if (observed) {
    out.groups.push_back(
        group("DICH_VU_CONG_TRUC_TUYEN", "Dịch vụ công trực tuyến",
              {manual(m, "ONLINE_PROCEDURES_OFFERED", 2, 0.8),
               scored("ONLINE_FULL_DOSSIERS", full_name, in.online_full_rate, 4),
               scored("ONLINE_CHANNEL_DOSSIERS", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", in.online_rate, 6, 0.5)}));
  } else {
    out.groups.push_back(group("DICH_VU_CONG_TRUC_TUYEN", "Dịch vụ công trực tuyến",
                               {scored("ONLINE_FULL_DOSSIERS", full_name, in.online_full_rate, 12)}));
  }

  out.groups.push_back(
      group("THANH_TOAN_TRUC_TUYEN", "Thanh toán trực tuyến",
            {scored("ONLINE_PAYMENT", "Tỷ lệ hồ sơ thanh toán trực tuyến", in.online_payment_rate, 10)}));

  out.groups.push_back(group("MUC_DO_HAI_LONG", "Mức độ hài lòng", satisfaction(in, f)));

  out.groups.push_back(
      group("SO_HOA_HO_SO", "Số hóa hồ sơ",
            {scored("ORIGINAL_RESULT_AVAILABLE", "Tỷ lệ hồ sơ có kết quả điện tử", in.result_digitized_rate, 6),
             scored("SO_HOA_GIAY_TO_GIAI_QUYET", "Tỷ lệ hồ sơ số hóa thành phần hồ sơ", in.digitized_rate, 4),
             manual(m, "ELECTRONIC_CERTIFIED_COPY", 2), manual(m, "REUSED_DIGITIZED_DATA", 2, observed ? 0.8 : 1.0),
             manual(m, "SYNCED_WITH_DVCQG_PERSONAL_STORAGE", 4), manual(m, "CITIZEN_DATA_CONNECTED_DOSSIER", 2),
             manual(m, "CITIZEN_DATA_CONNECTED_FORMALITY", 2)}));

  for (const auto& g : out.groups) {
    out.total += g.points;
    for (const auto& i : g.indicators) {
      if (i.status == ScoreStatus::manual_missing) out.complete = false;
    }
  }
  return out;
}

nlohmann::json to_json(const Index766& s) {
  auto groups = nlohmann::json::array();
  for (const auto& g : s.groups) {
    auto indicators = nlohmann::json::array();
    for (const auto& i : g.indicators) {
      auto v = i.rate.value();
      indicators.push_back({{"code", i.code},
                            {"name", i.name_vi},
                            {"rate",
                             {{"value", v ? nlohmann::json(*v) : nlohmann::json(nullptr)},
                              {"numerator", i.rate.numerator},
                              {"denominator", i.rate.denominator}}},
                            {"max", i.max},
                            {"points", i.points ? nlohmann::json(*i.points) : nlohmann::json(nullptr)},
                            {"points_lost", i.lost()},
                            {"status", name(i.status)}});
    }
    groups.push_back({{"code", g.code},
                      {"name", g.name_vi},
                      {"max", g.max},
                      {"points", g.points},
                      {"points_lost", g.max - g.points},
                      {"indicators", indicators}});
  }
  return {{"formula", name(s.formula)}, {"max", 100},      {"total", s.total}, {"points_lost", 100 - s.total},
          {"complete", s.complete},     {"groups", groups}};
}

}  // namespace cchc::indicators
