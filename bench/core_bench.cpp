// Micro-benchmarks of hot pure functions: run `build/cchc_bench`.
#include <benchmark/benchmark.h>

#include "core/calendar.h"
#include "core/period.h"
#include "core/text.h"
#include "http/router.h"

namespace {

void BM_Fold(benchmark::State& state) {
  std::string s = "Kế hoạch cải cách hành chính năm 2024 của Ủy ban nhân dân tỉnh Đồng Nai";
  for (auto _ : state) benchmark::DoNotOptimize(cchc::text::fold(s));
}
BENCHMARK(BM_Fold);

void BM_AddWorkingDays(benchmark::State& state) {
  const auto& cal = cchc::WorkCalendar::vietnam();
  auto from = cchc::parse_iso_date("2024-01-15");
  for (auto _ : state) benchmark::DoNotOptimize(cal.add_working_days(from, int(state.range(0))));
}
BENCHMARK(BM_AddWorkingDays)->Arg(5)->Arg(20);

void BM_PeriodParse(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(cchc::Period::parse("2024-Q3").label_vi());
}
BENCHMARK(BM_PeriodParse);

void BM_RouterMatch(benchmark::State& state) {
  cchc::http::Router r;
  auto h = [](cchc::http::Request& req) { return cchc::http::make_response(req, cchc::http::Status::ok, "", ""); };
  for (int i = 0; i < 40; ++i) r.add(cchc::http::Verb::get, "/cap" + std::to_string(i) + "/{id}", "public", h);
  r.add(cchc::http::Verb::get, "/static/{path...}", "public", h);
  for (auto _ : state) benchmark::DoNotOptimize(r.match(cchc::http::Verb::get, "/static/css/cchc.css"));
}
BENCHMARK(BM_RouterMatch);

}  // namespace
