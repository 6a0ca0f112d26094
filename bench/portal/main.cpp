// Portal search over a generated corpus, side by side in one run (bench/portal.sh
// drives it; method and figures in docs/performance.md):
//
//   raw      plain FTS5, as a search is usually written: MATCH on the folded
//            words ranked by bm25 over every match, first 12 ids, through
//            the sqlite3 C API;
//   search   portal::search: the window of the newest matches, its tiers
//            (exact words, title, summary), the page;
//   page     search plus what the results page shows: each hit's item read
//            and its title and snippet highlighted.
//
// usage: cchc_bench_portal --db FILE [--items 50000] [--queries 400]
// A store with fewer items gets generated ones first (published over two
// years, every category, titles and bodies drawn from the vocabulary of
// reform news, a quarter of them without diacritics as scans come).
// Prints one JSON object per measurement (median and p99, in ms).
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <random>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "db/database.h"
#include "db/migrate.h"
#include "portal/rules.h"
#include "portal/store.h"

using namespace cchc;
using Clock = std::chrono::steady_clock;

namespace {

const std::vector<std::string> kSubjects = {"cải cách hành chính",
                                            "thủ tục hành chính",
                                            "bộ phận một cửa",
                                            "dịch vụ công trực tuyến",
                                            "chuyển đổi số",
                                            "số hóa hồ sơ",
                                            "chính quyền số",
                                            "phản ánh, kiến nghị",
                                            "sự hài lòng của người dân",
                                            "kỷ luật, kỷ cương",
                                            "đạo đức công vụ",
                                            "tự chủ tài chính",
                                            "sắp xếp tổ chức bộ máy",
                                            "văn bản quy phạm pháp luật",
                                            "thanh toán trực tuyến",
                                            "định danh điện tử",
                                            "Chỉ số cải cách hành chính",
                                            "giải quyết hồ sơ đúng hạn"};
const std::vector<std::string> kVerbs = {"đẩy mạnh", "triển khai",     "nâng cao hiệu quả", "tăng cường",
                                         "rà soát",  "tổng kết",       "đánh giá kết quả",  "hướng dẫn",
                                         "kiểm tra", "tuyên truyền về"};
const std::vector<std::string> kPlaces = {
    "phường Trảng Dài", "xã Long Thành", "phường Tam Hiệp", "xã Đại Phước",      "Sở Nội vụ", "Sở Tư pháp",
    "Sở Y tế",          "tỉnh Đồng Nai", "xã Nhơn Trạch",   "phường Long Khánh", "Đắk Lắk",   "Văn phòng UBND tỉnh"};
const std::vector<std::string> kSentences = {"Người dân được hướng dẫn nộp hồ sơ trực tuyến tại nhà.",
                                             "Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên chín mươi phần trăm.",
                                             "Các đơn vị rà soát, cắt giảm thành phần hồ sơ và thời gian giải quyết.",
                                             "Công chức một cửa hỗ trợ tạo tài khoản định danh điện tử.",
                                             "Kết quả được công khai trên cổng thông tin và tại trụ sở.",
                                             "Lãnh đạo yêu cầu khắc phục ngay các tồn tại, hạn chế.",
                                             "Kinh phí thực hiện từ nguồn ngân sách được giao trong năm.",
                                             "Mô hình được đánh giá cao và sẽ nhân rộng trong thời gian tới.",
                                             "Tổ công nghệ số cộng đồng đến từng khu phố hướng dẫn người dân.",
                                             "Phản ánh của người dân được chuyển đến cơ quan có thẩm quyền xử lý."};

template <class T>
const T& pick(std::mt19937& rng, const std::vector<T>& v) {
  return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
}

void generate(db::Database& db, int wanted) {
  std::mt19937 rng(50000);
  auto have =
      db.read([](db::Connection& c) { return c.query("SELECT count(*) AS n FROM portal_items").one().i64("n"); });
  auto cats = db.read([](db::Connection& c) { return portal::categories(c, true); });
  auto units = db.read([](db::Connection& c) {
    std::vector<std::string> out;
    for (const auto& r : c.query("SELECT code FROM units WHERE valid_to IS NULL ORDER BY code").rows)
      out.push_back(r.str("code"));
    return out;
  });
  const audit::Entry who{"bench", "bench", "", "", "", {}, {}};
  auto now = now_seconds();
  std::vector<portal::Item> batch;
  for (auto n = have; n < wanted; ++n) {
    portal::Item i;
    i.category_id = pick(rng, cats).id;
    i.unit_code = pick(rng, units);
    i.title = fmt::format("{} {} tại {} (tin {})", pick(rng, kVerbs), pick(rng, kSubjects), pick(rng, kPlaces), n);
    i.title[0] = char(std::toupper(static_cast<unsigned char>(i.title[0])));
    i.summary = pick(rng, kSentences) + " " + pick(rng, kSentences);
    for (int k = 0; k < 12; ++k) i.body += pick(rng, kSentences) + (k % 4 == 3 ? "\n\n" : " ");
    if (n % 4 == 0) {  // as a scan without diacritics comes
      i.title = text::fold(i.title);
      i.summary = text::fold(i.summary);
      i.body = text::fold(i.body);
    }
    i.publish_at = now - std::chrono::minutes{std::uniform_int_distribution<int>(60, 2 * 365 * 24 * 60)(rng)};
    batch.push_back(std::move(i));
    if (batch.size() == 5000 || n + 1 == wanted) {
      db.write([&](db::Connection& c) { portal::add_published(c, std::move(batch), who, now); });
      batch.clear();
      std::cerr << fmt::format("generated {} items\n", n + 1);
    }
  }
}

struct Stats {
  double p50, p99;
};
Stats stats(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[std::min(ms.size() - 1, std::size_t(q * double(ms.size())))]; };
  return {at(0.5), at(0.99)};
}

void print(const std::string& what, const std::vector<double>& ms) {
  auto s = stats(ms);
  std::cout << nlohmann::json{{"what", what}, {"p50_ms", s.p50}, {"p99_ms", s.p99}, {"runs", ms.size()}}.dump() << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  int items = 50000, queries = 400;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--db") path = argv[i + 1];
    if (a == "--items") items = std::stoi(argv[i + 1]);
    if (a == "--queries") queries = std::stoi(argv[i + 1]);
  }
  if (path.empty()) {
    std::cerr << "usage: cchc_bench_portal --db FILE [--items 50000] [--queries 400]\n";
    return 2;
  }
  auto db = db::open(path);
  db::migrate(*db);
  generate(*db, items);

  // Queries as people type them: one to four words of the vocabulary,
  // half with their diacritics and half without.
  std::mt19937 rng(766);
  std::vector<std::string> qs;
  for (int i = 0; i < queries; ++i) {
    std::string q;
    switch (i % 4) {
      case 0: q = pick(rng, kSubjects); break;
      case 1: q = pick(rng, kPlaces); break;
      case 2: q = pick(rng, kSubjects) + " " + pick(rng, kPlaces); break;
      default: q = pick(rng, kVerbs); break;
    }
    qs.push_back(i % 2 ? text::fold(q) : q);
  }
  auto now = now_seconds();

  // The floor: the FTS5 query alone.
  sqlite3* raw = nullptr;
  sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(raw,
                     "SELECT rowid FROM portal_search WHERE portal_search MATCH ? ORDER BY "
                     "bm25(portal_search, 10.0, 3.0, 1.0, 10.0, 0.0) LIMIT 12",
                     -1, &st, nullptr);
  std::vector<double> raw_ms, search_ms, page_ms;
  std::size_t hits = 0;
  for (const auto& q : qs) {
    auto terms = portal::search_terms(q);
    std::string match = "{title summary body number} : (";
    for (const auto& w : terms.folded) match += "\"" + w + "\" ";
    match += ")";
    auto t0 = Clock::now();
    sqlite3_bind_text(st, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(st) == SQLITE_ROW) {}
    sqlite3_reset(st);
    raw_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());

    t0 = Clock::now();
    auto page = db->read([&](db::Connection& c) { return portal::search(c, terms, {}, now, 0, 12); });
    search_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    hits += std::size_t(page.total);

    t0 = Clock::now();
    db->read([&](db::Connection& c) {
      auto p = portal::search(c, terms, {}, now, 0, 12);
      std::size_t bytes = 0;
      for (const auto& h : p.hits) {
        if (h.kind != "item") continue;
        auto item = portal::find_item(c, h.ref_id);
        bytes += portal::highlight_html(item->title, terms.folded).size();
        bytes += portal::highlight_html(item->summary + "\n" + item->body, terms.folded, 240).size();
      }
      return bytes;
    });
    page_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  {  // The slowest queries, to see what costs.
    std::vector<std::pair<double, std::string>> worst;
    for (std::size_t i = 0; i < qs.size(); ++i) worst.emplace_back(search_ms[i], qs[i]);
    std::sort(worst.rbegin(), worst.rend());
    for (std::size_t i = 0; i < 5 && i < worst.size(); ++i)
      std::cerr << fmt::format("slow: {:.1f} ms  {}\n", worst[i].first, worst[i].second);
  }
  sqlite3_finalize(st);
  sqlite3_close(raw);
  print("plain FTS5: MATCH ranked by bm25, first 12", raw_ms);
  print("portal::search (window, tiers, page of 12)", search_ms);
  print("search + results page (items read, highlights)", page_ms);
  std::cout << nlohmann::json{{"what", "corpus"},
                              {"items", items},
                              {"queries", qs.size()},
                              {"mean_hits", double(hits) / double(qs.size())}}
                   .dump()
            << "\n";
  return 0;
}
