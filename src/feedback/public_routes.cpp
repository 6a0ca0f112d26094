// The citizen's pages: sending feedback, the private link, looking a case
// up by its code, and the published answers. No sign-in; every form works
// without JavaScript. Contact data never leaves the private link's page.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/errors.h"
#include "core/parse.h"
#include "core/secrets.h"
#include "core/text.h"
#include "directory/permissions.h"
#include "directory/read.h"
#include "feedback/page_support.h"
#include "feedback/routes.h"
#include "http/middleware.h"

namespace cchc::feedback {

using nlohmann::json;

namespace {

constexpr int kAnswersPerPage = 10;
constexpr const char* kCitizen = "citizen";

audit::Entry citizen(const http::Request& req) {
  return audit::Entry{kCitizen, req.client_address, "", "", "", {}, {}};
}

// A private page: not indexed, not cached, its address never sent on.
http::Response private_page(const http::Request& req, std::string body, http::Status status = http::Status::ok) {
  auto res = http::html(req, std::move(body), status);
  res.set("X-Robots-Tag", "noindex, nofollow");
  res.set(http::field::cache_control, "no-store");
  return res;
}

Submission submission_of(const http::Request& req) {
  Submission s;
  s.category_code = req.form_param("linh_vuc").value_or("");
  s.place_code = req.form_param("dia_ban").value_or("");
  s.address = req.form_param("dia_chi").value_or("");
  s.content = req.form_param("noi_dung").value_or("");
  s.name = req.form_param("ho_ten").value_or("");
  s.email = req.form_param("email").value_or("");
  s.phone = req.form_param("dien_thoai").value_or("");
  s.consent = req.form_param("dong_y").value_or("") == "1";
  s.publish_allowed = req.form_param("cong_khai").value_or("") == "1";
  return s;
}

std::vector<Upload> uploads_of(const http::Request& req) {
  std::vector<Upload> out;
  auto [b, e] = req.files().equal_range("tep");
  for (auto it = b; it != e; ++it) {
    if (it->second.filename.empty() && it->second.content.empty()) continue;  // an empty file input
    out.push_back({it->second.filename, it->second.content});
  }
  return out;
}

json form_data(const Module& m, http::Request& req, const Submission& s) {
  // With the proof of work on, the challenge is kept in a session; without,
  // the visit stores nothing (a signed form token).
  auto session = m.proof_bits > 0 ? m.sessions.ensure(req, now_seconds()) : nullptr;
  auto units = directory::load_units(m.db);
  json cats = json::array();
  m.db.read([&](db::Connection& c) {
    for (const auto& cat : categories(c, true)) {
      cats.push_back({{"code", cat.code},
                      {"name", cat.name},
                      {"days", cat.deadline_days},
                      {"selected", cat.code == s.category_code}});
    }
  });
  json proof = false;
  if (m.proof_bits > 0) {
    // A fresh challenge for each form, kept in the session: used once.
    auto challenge = random_token();
    session->prefs["pakn_challenge"] = challenge;
    m.sessions.save_prefs(*session);
    proof = {{"challenge", challenge}, {"bits", m.proof_bits}};
  }
  return json{{"csrf", m.sessions.form_token(req)},
              {"proof", proof},
              {"pow", m.proof_bits > 0},
              {"categories", cats},
              {"places", place_options(units, local_date(now_seconds()), s.place_code)},
              {"unknown_place", s.place_code.empty()},
              {"address", s.address},
              {"content", s.content},
              {"name", s.name},
              {"email", s.email},
              {"phone", s.phone},
              {"consent", s.consent},
              {"publish", s.publish_allowed},
              {"max_content", kMaxContent},
              {"max_files", kMaxFiles}};
}

http::Response form_page(const Module& m, http::Request& req, const Submission& s, json error = nullptr,
                         http::Status status = http::Status::ok) {
  json data = form_data(m, req, s);
  if (!error.is_null()) data["error"] = std::move(error);
  return http::html(req, m.layout.page(req, "Gửi phản ánh, kiến nghị", "feedback/form.tpl", std::move(data)), status);
}

// The private link's page: the case with its content, the question asked
// and the reply form, the answer, rating and reopening.
http::Response track_page(const Module& m, http::Request& req, const std::string& secret, json error = nullptr) {
  auto now = now_seconds();
  auto token = m.sessions.form_token(req);
  json data = m.db.read([&](db::Connection& c) {
    auto k = find_by_secret(c, secret);
    if (!k) throw not_found("no case for this link", "Đường dẫn theo dõi không đúng hoặc đã hết hiệu lực.");
    auto names = names_for(c);
    json d = public_status(*k, names, now);
    d["content"] = k->content;
    d["link"] = "/phan-anh/theo-doi/" + secret;
    d["csrf"] = token;
    json asked = json::array();
    for (const auto& p : k->pauses) {
      asked.push_back({{"question", p.question},
                       {"asked", format_datetime_vi(p.started_at)},
                       {"reply", p.reply},
                       {"replied", p.ended_at ? format_datetime_vi(*p.ended_at) : ""},
                       {"has_reply", !p.reply.empty()}});
    }
    d["questions"] = asked;
    d["has_questions"] = !asked.empty();
    d["may_reply"] = k->state == State::waiting_citizen;
    if (k->state == State::answered) {
      d["answer"] = k->refusal_reason.empty() ? k->answer : k->refusal_reason;
      d["has_answer"] = true;
      d["may_rate"] = !refusal(*k, Action::rate, now);
      d["may_reopen"] = !refusal(*k, Action::reopen, now);
      d["has_rating"] = k->rating.has_value();
      if (k->rating) d["rating"] = label_vi(*k->rating);
    }
    if (k->state == State::refused) {
      d["refusal"] = k->refusal_reason;
      d["has_refusal"] = true;
    }
    d["fresh"] = req.query_param("moi").has_value();
    d["done"] = req.query_param("da-gui").has_value();
    return d;
  });
  if (!error.is_null()) data["error"] = std::move(error);
  auto title = "Phản ánh " + data["code"].get<std::string>();
  return private_page(req, m.layout.page(req, title, "feedback/track.tpl", std::move(data)));
}

// One step the citizen takes through the private link.
http::Response citizen_step(const Module& m, http::Request& req, Action action) {
  const auto& secret = req.params.at("secret");
  auto found = m.db.read([&](db::Connection& c) { return find_by_secret(c, secret); });
  if (!found) throw not_found("no case for this link", "Đường dẫn theo dõi không đúng hoặc đã hết hiệu lực.");
  Step step;
  step.action = action;
  step.actor = Actor::citizen;
  step.note = req.form_param("noi_dung").value_or("");
  if (action == Action::rate) {
    auto r = req.form_param("muc").value_or("");
    if (r == "very_satisfied" || r == "satisfied" || r == "unsatisfied") step.rating = parse_rating(r);
  }
  return refusing_workflow(
      [&] {
        act(m.db, found->id, step, directory::load_units(m.db), m.calendar, m.sinks, citizen(req), now_seconds());
        return http::redirect(req, "/phan-anh/theo-doi/" + secret + "?da-gui=1");
      },
      [&](const http::Refusal& r) { return track_page(m, req, secret, r.json()); });
}

json answer_card(const Case& k, const Names& names) {
  return {{"code", k.code},
          {"href", "/phan-anh/da-tra-loi/" + k.code},
          {"category", names.category(k.category_id)},
          {"unit", names.unit(k.unit_code)},
          {"answered", k.answered_at ? format_date_vi(local_date(*k.answered_at)) : ""},
          {"excerpt", text::cut_utf8(k.public_content, 300) + (k.public_content.size() > 300 ? "…" : "")}};
}

std::optional<Date> date_query(const http::Request& req, const char* name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::nullopt;
  try {
    return parse_date_input(*v);
  } catch (const Error&) {
    throw invalid_input(fmt::format("{} is not a date", name), "Ngày cần dạng ngày/tháng/năm, ví dụ 01/03/2025.");
  }
}

// ---- Sending ----------------------------------------------------------------------------------

http::Response send_form(const Module& m, http::Request& req) { return form_page(m, req, {}); }

// The proof of work made by the form's script on the session's challenge,
// which is used once whatever the answer.
void require_proof(const Module& m, http::Request& req) {
  std::string expected = req.session ? req.session->prefs.value("pakn_challenge", "") : "";
  auto sent = req.form_param("pow_challenge").value_or("");
  bool holds = !expected.empty() && sent == expected &&
               proof_holds(expected, req.form_param("pow_nonce").value_or(""), m.proof_bits);
  if (req.session) {
    req.session->prefs.erase("pakn_challenge");
    m.sessions.save_prefs(*req.session);
  }
  if (!holds) {
    throw invalid_input("no proof of work",
                        "Chưa xác minh được việc gửi từ trình duyệt (cần bật JavaScript). Xin vui lòng gửi lại, "
                        "hoặc gọi Tổng đài 1022.");
  }
}

// Received, the case's private link; over the day's limits, the form again
// at 429. The honeypot, a field people do not see, is filled only by
// robots: such a form is thanked and nothing is kept.
http::Response send_feedback(const Module& m, http::Request& req) {
  Submission s = submission_of(req);
  if (!req.form_param("website").value_or("").empty()) {
    return http::html(req, m.layout.page(req, "Đã nhận phản ánh", "feedback/thanks.tpl", json::object()));
  }
  std::optional<Receipt> receipt;
  auto res = http::refusing(
      [&] {
        if (m.proof_bits > 0) require_proof(m, req);
        Intake in;
        in.channel = Channel::web;
        in.submission = s;
        in.files = uploads_of(req);
        in.ip = req.client_address;
        auto now = now_seconds();
        if (auto limited = m.db.read([&](db::Connection& c) { return over_limit(c, in, now); })) {
          return form_page(m, req, s, {{"message", *limited}}, http::Status::too_many_requests);
        }
        receipt = receive(m.db, in, directory::load_units(m.db), m.calendar, m.sinks, citizen(req), now);
        return http::redirect(req, "/phan-anh/theo-doi/" + receipt->secret + "?moi=1");
      },
      [&](const http::Refusal& r) { return form_page(m, req, s, r.json()); });
  if (receipt && m.acknowledge && !receipt->kase.email.empty()) m.acknowledge(receipt->kase, receipt->secret);
  return res;
}

// ---- The private link ---------------------------------------------------------------------------

http::Response track_link(const Module& m, http::Request& req) { return track_page(m, req, req.params.at("secret")); }
http::Response citizen_reply(const Module& m, http::Request& req) {
  return citizen_step(m, req, Action::citizen_reply);
}
http::Response citizen_rate(const Module& m, http::Request& req) { return citizen_step(m, req, Action::rate); }
http::Response citizen_reopen(const Module& m, http::Request& req) { return citizen_step(m, req, Action::reopen); }

// ---- Looking up and the published answers -------------------------------------------------------

// A code found shows the case's public status; one not found is 404 with
// the form again.
http::Response lookup_page(const Module& m, http::Request& req) {
  auto typed = req.query_param("ma").value_or("");
  json data = {{"typed", typed}};
  auto status = http::Status::ok;
  if (!typed.empty()) {
    auto code = normalise_code(typed);
    auto now = now_seconds();
    std::optional<json> found;
    if (code) {
      found = m.db.read([&](db::Connection& c) -> std::optional<json> {
        auto k = find_by_code(c, *code);
        if (!k) return std::nullopt;
        return public_status(*k, names_for(c), now);
      });
    }
    if (found) {
      data["found"] = *found;
    } else {
      data["missing"] = true;
      status = http::Status::not_found;
    }
  }
  return http::html(req, m.layout.page(req, "Tra cứu phản ánh", "feedback/lookup.tpl", std::move(data)), status);
}

// The units that have published answers, by name, for the filter.
json publishing_unit_options(db::Connection& c, const Names& names, const std::string& selected) {
  json units = json::array();
  for (const auto& u : publishing_units(c)) {
    units.push_back({{"code", u}, {"name", names.unit(u)}, {"selected", u == selected}});
  }
  std::sort(units.begin(), units.end(), [](const json& a, const json& b) {
    return text::collate_less(a["name"].get<std::string>(), b["name"].get<std::string>());
  });
  return units;
}

http::Response answers_page(const Module& m, http::Request& req) {
  PublicFilter f;
  f.query = text::cut_utf8(req.query_param("q").value_or(""), 200);
  auto cat_code = req.query_param("linh-vuc").value_or("");
  f.unit_code = req.query_param("don-vi").value_or("");
  f.from = date_query(req, "tu-ngay");
  f.to = date_query(req, "den-ngay");
  int page = page_number(req);
  std::string query;  // the filter, for the pages' links
  for (const auto& [k, v] : req.query) {
    if (k == "trang") continue;
    query += (query.empty() ? "" : "&") + k + "=" + http::url_encode(v);
  }
  json data = m.db.read([&](db::Connection& c) {
    auto names = names_for(c);
    json cats = json::array();
    for (const auto& cat : categories(c, false)) {
      if (cat.code == cat_code) f.category_id = cat.id;
      cats.push_back({{"code", cat.code}, {"name", cat.name}, {"selected", cat.code == cat_code}});
    }
    auto list = published(c, f, (page - 1) * kAnswersPerPage, kAnswersPerPage);
    json items = json::array();
    for (const auto& k : list.cases) items.push_back(answer_card(k, names));
    return json{{"q", f.query},
                {"categories", cats},
                {"units", publishing_unit_options(c, names, f.unit_code)},
                {"from", f.from ? format_date_vi(*f.from) : ""},
                {"to", f.to ? format_date_vi(*f.to) : ""},
                {"answers", items},
                {"empty", items.empty()},
                {"total", text::format_int(list.total)},
                {"pages", pages("/phan-anh/da-tra-loi", query, page, list.total, kAnswersPerPage)}};
  });
  return http::html(req, m.layout.page(req, "Phản ánh, kiến nghị đã trả lời", "feedback/answers.tpl", data));
}

http::Response answer_page(const Module& m, http::Request& req) {
  auto code = normalise_code(req.params.at("code"));
  auto now = now_seconds();
  json data = m.db.read([&](db::Connection& c) {
    auto k = code ? find_by_code(c, *code) : std::nullopt;
    if (!k || !k->published || k->state != State::answered) {
      throw not_found("no published answer", "Không tìm thấy câu trả lời đã công khai.");
    }
    json d = public_status(*k, names_for(c), now);
    d["content"] = k->public_content;
    d["answer"] = k->public_answer;
    return d;
  });
  auto title = "Trả lời phản ánh " + data["code"].get<std::string>();
  return http::html(req, m.layout.page(req, title, "feedback/answer.tpl", std::move(data)));
}

}  // namespace

void add_public_routes(http::Router& router, const Module& m) {
  m.layout.add_nav({"Phản ánh, kiến nghị", "/phan-anh", http::kPublic});
  const http::RouteTo<const Module> routes[] = {
      {http::Verb::get, "/phan-anh", http::kPublic, send_form},
      {http::Verb::post, "/phan-anh", http::kPublic, send_feedback, http::upload(2 * kMaxFiles)},
      {http::Verb::get, "/phan-anh/theo-doi/{secret}", http::kPublic, track_link},
      {http::Verb::post, "/phan-anh/theo-doi/{secret}/bo-sung", http::kPublic, citizen_reply},
      {http::Verb::post, "/phan-anh/theo-doi/{secret}/danh-gia", http::kPublic, citizen_rate},
      {http::Verb::post, "/phan-anh/theo-doi/{secret}/xem-xet-lai", http::kPublic, citizen_reopen},
      {http::Verb::get, "/phan-anh/tra-cuu", http::kPublic, lookup_page},
      {http::Verb::get, "/phan-anh/da-tra-loi", http::kPublic, answers_page},
      {http::Verb::get, "/phan-anh/da-tra-loi/{code}", http::kPublic, answer_page},
  };
  http::add_routes(router, m, routes);
}

}  // namespace cchc::feedback
