// The officials' pages: the unit's queue, a case with the steps the
// signed-in user may take, the intake of the other channels, attachments,
// the categories. Every case is checked against the user's unit subtree.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "core/errors.h"
#include "core/parse.h"
#include "core/period.h"
#include "core/text.h"
#include "directory/accounts.h"
#include "directory/permissions.h"
#include "directory/read.h"
#include "directory/rules.h"
#include "feedback/page_support.h"
#include "feedback/routes.h"
#include "http/middleware.h"
#include "views/periods.h"
#include "views/table.h"

namespace cchc::feedback {

using nlohmann::json;

namespace {

constexpr int kPerPage = 30;
constexpr const char* kHandle = "feedback.handle";
constexpr const char* kManage = "feedback.manage";
constexpr const char* kReport = "feedback.report";

// Unit leaders and the admin act as leaders; other handlers as officers.
Actor actor_of(const http::Principal& p) {
  bool leader = std::any_of(p.roles.begin(), p.roles.end(),
                            [](const std::string& r) { return r == "unit_leader" || r == "admin"; });
  return leader ? Actor::leader : Actor::officer;
}

Case need_case(const Module& m, const http::Request& req) {
  auto k = m.db.read([&](db::Connection& c) { return find_case(c, req.int_param()); });
  if (!k) throw not_found("no such case", "Không tìm thấy phản ánh.");
  directory::require(m.db, req, kHandle, k->unit_code);
  return *k;
}

// The units whose cases the user handles: all for a province-wide role,
// else the user's unit and those below it (past units included, so their
// cases stay in view).
std::vector<std::string> units_of(const Module& m, const http::Principal& p) {
  auto tree = directory::load_tree(m.db);
  std::vector<std::string> out;
  bool all = directory::province_wide(p);
  for (const auto& u : tree.all()) {
    if (all || tree.is_within(u.code, p.unit_code)) out.push_back(u.code);
  }
  return out;
}

// Display names by username, for the history and the assignee.
std::map<std::string, std::string> people(const Module& m) {
  std::map<std::string, std::string> out;
  for (const auto& u : directory::list_users(m.db)) out[u.username] = u.display_name;
  return out;
}

std::string person(const std::map<std::string, std::string>& people, const std::string& username) {
  if (username == "citizen") return "Người dân";
  auto it = people.find(username);
  return it == people.end() ? "Hệ thống" : it->second;
}

json case_row(const Case& k, const Names& names, const std::map<std::string, std::string>& who, Instant now) {
  json row = public_status(k, names, now);
  row["href"] = fmt::format("/xu-ly-phan-anh/{}", k.id);
  row["assignee"] = k.assignee.empty() ? "Chưa phân công" : person(who, k.assignee);
  return row;
}

// ---- The queue ----

http::Response queue_page(const Module& m, http::Request& req) {
  auto now = now_seconds();
  QueueFilter f;
  f.units = units_of(m, *req.principal);
  auto state = req.query_param("trang-thai").value_or("");
  if (state == "tat-ca") {
    f.include_closed = true;
  } else if (!state.empty()) {
    f.state = parse_state(state);
  }
  int page = page_number(req);
  auto who = people(m);
  json data = m.db.read([&](db::Connection& c) {
    auto names = names_for(c);
    auto list = queue(c, f, (page - 1) * kPerPage, kPerPage);
    json rows = json::array();
    for (const auto& k : list.cases) rows.push_back(case_row(k, names, who, now));
    json states = json::array({{{"code", ""}, {"name", "Đang xử lý (mọi bước)"}, {"selected", state.empty()}}});
    for (auto s : {State::received, State::processing, State::waiting_citizen, State::drafted, State::answered,
                   State::refused, State::merged}) {
      states.push_back({{"code", code(s)}, {"name", label_vi(s)}, {"selected", state == code(s)}});
    }
    states.push_back({{"code", "tat-ca"}, {"name", "Tất cả"}, {"selected", state == "tat-ca"}});
    return json{
        {"cases", rows},
        {"empty", rows.empty()},
        {"total", text::format_int(list.total)},
        {"states", states},
        {"manage", directory::holds(*req.principal, kManage)},
        {"pages", pages("/xu-ly-phan-anh", state.empty() ? "" : "trang-thai=" + state, page, list.total, kPerPage)}};
  });
  return http::html(req, m.layout.page(req, "Xử lý phản ánh, kiến nghị", "feedback/queue.tpl", std::move(data)));
}

// ---- One case ----

// The forms of the steps this user may take now, in the order the page
// shows them.
json step_forms(const Module& m, const http::Request& req, const Case& k, const Category& cat,
                const std::vector<directory::Unit>& units, Instant now) {
  Actor actor = actor_of(*req.principal);
  json forms = json::object();
  auto may = [&](Action a) { return transition(k.state, a, actor) && !refusal(k, a, now); };
  for (auto a : {Action::assign, Action::ask_clarification, Action::resume, Action::draft, Action::return_draft,
                 Action::approve, Action::extend, Action::transfer, Action::merge, Action::refuse, Action::comment}) {
    if (may(a)) forms[code(a)] = {{"action", fmt::format("/xu-ly-phan-anh/{}/{}", k.id, code(a))}};
  }
  if (forms.contains("assign")) {
    json officers = json::array();
    for (const auto& u : directory::list_users(m.db)) {
      bool handles = std::any_of(u.roles.begin(), u.roles.end(),
                                 [](const std::string& r) { return r == "unit_officer" || r == "unit_leader"; });
      if (u.active && handles && u.unit_code == k.unit_code) {
        officers.push_back(
            {{"username", u.username}, {"name", u.display_name}, {"selected", u.username == k.assignee}});
      }
    }
    if (officers.empty()) {
      officers.push_back({{"username", req.principal->username}, {"name", req.principal->display_name}});
    }
    forms["assign"]["officers"] = officers;
  }
  if (forms.contains("transfer")) {
    json options = json::array();
    Date today = local_date(now);
    std::vector<const directory::Unit*> open;
    for (const auto& u : units) {
      if (u.valid_on(today) && u.code != k.unit_code) open.push_back(&u);
    }
    std::sort(open.begin(), open.end(),
              [](const auto* a, const auto* b) { return text::collate_less(a->name, b->name); });
    for (const auto* u : open) options.push_back({{"code", u->code}, {"name", u->name}});
    forms["transfer"]["units"] = options;
  }
  if (forms.contains("extend")) forms["extend"]["max"] = cat.extension_days;
  if (forms.contains("draft")) forms["draft"]["answer"] = k.answer;
  if (forms.contains("approve")) {
    forms["approve"]["answer"] = k.answer;
    forms["approve"]["publishable"] = k.publish_allowed;
  }
  return forms;
}

http::Response case_page(const Module& m, http::Request& req, json error = nullptr) {
  auto k = need_case(m, req);
  auto now = now_seconds();
  auto units = directory::load_units(m.db);
  auto who = people(m);
  json data = m.db.read([&](db::Connection& c) {
    auto names = names_for(c);
    auto cat = find_category(c, k.category_id);
    json d = case_row(k, names, who, now);
    d["id"] = k.id;
    d["content"] = k.content;
    d["name"] = k.name;
    d["email"] = k.email;
    d["phone"] = k.phone;
    d["address"] = k.address;
    d["place"] = k.place_code.empty() ? "Không rõ" : names.unit(k.place_code);
    d["publish_label"] = k.publish_allowed ? "Người dân đồng ý công khai" : "Không công khai";
    d["deadline_days"] = k.deadline_days;
    d["legal_source"] = cat ? cat->legal_source : "";
    if (!k.answer.empty()) d["draft_answer"] = k.answer;
    if (!k.refusal_reason.empty()) d["refusal"] = k.refusal_reason;
    if (k.rating) d["rating"] = label_vi(*k.rating);
    if (k.merged_into) {
      auto other = find_case(c, *k.merged_into);
      if (other) d["merged"] = {{"code", other->code}, {"href", fmt::format("/xu-ly-phan-anh/{}", other->id)}};
    }
    json pauses = json::array();
    for (const auto& p : k.pauses) {
      pauses.push_back({{"question", p.question},
                        {"asked", format_datetime_vi(p.started_at)},
                        {"reply", p.reply},
                        {"ended", p.ended_at ? format_datetime_vi(*p.ended_at) : "đang chờ"},
                        {"days", paused_days(m.calendar, p, now)}});
    }
    d["pauses"] = pauses;
    d["has_pauses"] = !pauses.empty();
    json attachments = json::array();
    for (const auto& f : files(c, k.id)) {
      bool image = f.content_type.starts_with("image/");
      attachments.push_back({{"name", f.filename},
                             {"href", fmt::format("/xu-ly-phan-anh/{}/tep/{}", k.id, f.id)},
                             {"check_action", fmt::format("/xu-ly-phan-anh/{}/tep/{}/da-kiem-tra", k.id, f.id)},
                             {"size", text::format_int(f.size / 1024 + 1) + " KB"},
                             {"checked", !f.checked_by.empty()},
                             {"unchecked", f.checked_by.empty()},
                             {"preview", image && !f.checked_by.empty()}});
    }
    d["attachments"] = attachments;
    d["has_attachments"] = !attachments.empty();
    json events = json::array();
    for (const auto& e : history(c, k.id)) {
      events.push_back({{"when", format_datetime_vi(e.at)},
                        {"who", person(who, e.actor)},
                        {"what", event_label_vi(e.action)},
                        {"note", e.note}});
    }
    d["events"] = events;
    if (cat) d["forms"] = step_forms(m, req, k, *cat, units, now);
    return d;
  });
  data["csrf"] = req.session ? req.session->csrf_token : m.sessions.ensure(req, now)->csrf_token;
  if (!error.is_null()) data["error"] = std::move(error);
  return http::html(req, m.layout.page(req, "Phản ánh " + k.code, "feedback/case.tpl", std::move(data)));
}

http::Response show_case(const Module& m, http::Request& req) { return case_page(m, req); }

Step step_of(const Module& m, const http::Request& req) {
  Step step;
  step.action = parse_action(req.params.at("action"));
  if (step.action == Action::citizen_reply || step.action == Action::rate || step.action == Action::reopen) {
    throw not_found("a citizen's step", "Không tìm thấy trang.");
  }
  step.actor = actor_of(*req.principal);
  step.note = req.form_param("ghi_chu").value_or("");
  step.unit = req.form_param("don_vi").value_or("");
  step.assignee = req.form_param("can_bo").value_or("");
  step.answer = req.form_param("tra_loi").value_or("");
  step.extension_days = parse_int<int>(req.form_param("so_ngay").value_or("")).value_or(0);
  step.publish = req.form_param("cong_khai").value_or("") == "1";
  if (auto other = req.form_param("gop_vao"); other && !other->empty()) {
    auto code = normalise_code(*other);
    auto target = code ? m.db.read([&](db::Connection& c) { return find_by_code(c, *code); }) : std::nullopt;
    step.merge_into = target ? target->id : -1;
  }
  if (step.action == Action::assign && step.assignee.empty()) step.assignee = req.principal->username;
  return step;
}

// Only the responsible unit's people (or the user taking it) handle a case.
void require_assignee_of(const Module& m, const http::Request& req, const Case& k, const std::string& assignee) {
  auto users = directory::list_users(m.db);
  bool theirs = std::any_of(users.begin(), users.end(), [&](const directory::User& u) {
    return u.username == assignee && u.active && (u.unit_code == k.unit_code || u.username == req.principal->username);
  });
  if (!theirs) {
    throw invalid_input("the assignee is not of the case's unit", "Cán bộ được giao phải thuộc đơn vị xử lý phản ánh.")
        .at("can_bo");
  }
}

// A step refused shows the case again with why; one taken tells the citizen
// of a question, an answer or a refusal.
http::Response take_step(const Module& m, http::Request& req) {
  auto k = need_case(m, req);
  Step step = step_of(m, req);
  std::optional<Case> after;
  auto res = refusing_workflow(
      [&] {
        if (step.action == Action::assign) require_assignee_of(m, req, k, step.assignee);
        after = act(m.db, k.id, step, directory::load_units(m.db), m.calendar, m.sinks, directory::actor(req),
                    now_seconds());
        // A case transferred out of the user's subtree is no longer theirs to see.
        if (step.action == Action::transfer && !directory::may(m.db, req, kHandle, step.unit)) {
          return http::redirect(req, "/xu-ly-phan-anh?da-chuyen=1");
        }
        return http::redirect(req, fmt::format("/xu-ly-phan-anh/{}", k.id));
      },
      [&](const http::Refusal& r) { return case_page(m, req, r.json()); });
  bool tells =
      step.action == Action::ask_clarification || step.action == Action::approve || step.action == Action::refuse;
  if (after && tells && m.tell_citizen) m.tell_citizen(*after);
  return res;
}

http::Response attachment_file(const Module& m, http::Request& req) {
  auto k = need_case(m, req);
  auto f = m.db.read([&](db::Connection& c) { return file(c, k.id, req.int_param("file")); });
  if (!f) throw not_found("no such attachment", "Không tìm thấy tệp đính kèm.");
  // Unchecked files are only ever downloaded; a checked image may show inline.
  bool inline_ok = !f->file.checked_by.empty() && f->file.content_type.starts_with("image/");
  auto res = inline_ok ? http::make_response(req, http::Status::ok, f->file.content_type, std::move(f->bytes))
                       : http::attachment(req, f->file.content_type, std::move(f->bytes), f->file.filename);
  res.set(http::field::cache_control, "private, no-store");
  return res;
}

http::Response check_attachment(const Module& m, http::Request& req) {
  auto k = need_case(m, req);
  m.db.write(
      [&](db::Connection& c) { mark_checked(c, k.id, req.int_param("file"), directory::actor(req), now_seconds()); });
  return http::redirect(req, fmt::format("/xu-ly-phan-anh/{}", k.id));
}

// ---- Other channels ----

http::Response intake_page(const Module& m, http::Request& req, const Intake& in, json error = nullptr) {
  auto now = now_seconds();
  auto units = directory::load_units(m.db);
  json cats = json::array();
  m.db.read([&](db::Connection& c) {
    for (const auto& cat : categories(c, true)) {
      cats.push_back({{"code", cat.code}, {"name", cat.name}, {"selected", cat.code == in.submission.category_code}});
    }
  });
  json channels = json::array();
  for (auto ch : {Channel::hotline_1022, Channel::letter, Channel::visit, Channel::national_portal}) {
    channels.push_back({{"code", code(ch)}, {"name", label_vi(ch)}, {"selected", ch == in.channel}});
  }
  Instant when = in.received_at.value_or(now);
  json data = {{"csrf", m.sessions.ensure(req, now)->csrf_token},
               {"categories", cats},
               {"channels", channels},
               {"places", place_options(units, local_date(now), in.submission.place_code)},
               {"external_id", in.external_id},
               {"day", format_date_vi(local_date(when))},
               {"time", format_datetime_vi(when).substr(0, 5)},
               {"content", in.submission.content},
               {"name", in.submission.name},
               {"email", in.submission.email},
               {"phone", in.submission.phone},
               {"address", in.submission.address},
               {"publish", in.submission.publish_allowed}};
  if (!error.is_null()) data["error"] = std::move(error);
  return http::html(req, m.layout.page(req, "Tiếp nhận phản ánh", "feedback/intake.tpl", std::move(data)));
}

Intake intake_of(const http::Request& req) {
  Intake in;
  in.submission.category_code = req.form_param("linh_vuc").value_or("");
  in.submission.place_code = req.form_param("dia_ban").value_or("");
  in.submission.address = req.form_param("dia_chi").value_or("");
  in.submission.content = req.form_param("noi_dung").value_or("");
  in.submission.name = req.form_param("ho_ten").value_or("");
  in.submission.email = req.form_param("email").value_or("");
  in.submission.phone = req.form_param("dien_thoai").value_or("");
  in.submission.consent = req.form_param("dong_y").value_or("") == "1";
  in.submission.publish_allowed = req.form_param("cong_khai").value_or("") == "1";
  in.external_id = req.form_param("ma_ngoai").value_or("");
  return in;
}

http::Response intake_form(const Module& m, http::Request& req) {
  Intake in;
  in.channel = Channel::hotline_1022;
  return intake_page(m, req, in);
}

// The time an officer received a case: "hh:mm" or "hh" of the day typed.
Instant intake_time(const http::Request& req) {
  auto day = parse_date_input(req.form_param("ngay").value_or(""));
  auto hm = req.form_param("gio").value_or("08:00");
  auto hh = parse_int<int>(hm.substr(0, hm.find(':')));
  auto mm = hm.find(':') == std::string::npos ? std::optional<int>(0) : parse_int<int>(hm.substr(hm.find(':') + 1));
  if (!hh || !mm || *hh < 0 || *hh > 23 || *mm < 0 || *mm > 59) {
    throw invalid_input("time must be HH:MM", "Giờ tiếp nhận cần dạng giờ:phút, ví dụ 14:30.");
  }
  return start_of_day(day) + std::chrono::hours{*hh} + std::chrono::minutes{*mm};
}

http::Response intake_post(const Module& m, http::Request& req) {
  Intake in = intake_of(req);
  auto now = now_seconds();
  std::optional<Receipt> receipt;
  auto res = refusing_workflow(
      [&] {
        in.channel = parse_channel(req.form_param("kenh").value_or(""));
        if (in.channel == Channel::web || in.channel == Channel::open311) {
          throw invalid_input("not an officer's channel", "Xin vui lòng chọn kênh tiếp nhận.");
        }
        in.received_at = intake_time(req);
        receipt = receive(m.db, in, directory::load_units(m.db), m.calendar, m.sinks, directory::actor(req), now);
        return http::redirect(req, fmt::format("/xu-ly-phan-anh/{}", receipt->kase.id));
      },
      [&](const http::Refusal& r) { return intake_page(m, req, in, r.json()); });
  if (receipt && m.acknowledge && !receipt->kase.email.empty()) m.acknowledge(receipt->kase, receipt->secret);
  return res;
}

// ---- The national portal's file ----

http::Response import_page(const Module& m, http::Request& req, json data, http::Status status) {
  data["csrf"] = m.sessions.ensure(req, now_seconds())->csrf_token;
  return http::html(
      req, m.layout.page(req, "Nhập phản ánh từ Cổng Dịch vụ công quốc gia", "feedback/import.tpl", std::move(data)),
      status);
}

http::Response import_form(const Module& m, http::Request& req) {
  return import_page(m, req, json::object(), http::Status::ok);
}

// A rejected file is 422 with each problem on its line; nothing is imported.
http::Response import_post(const Module& m, http::Request& req) {
  return http::refusing(
      [&] {
        auto files = req.files().equal_range("tep");
        if (files.first == files.second || files.first->second.content.empty()) {
          throw invalid_input("no file chosen", "Xin vui lòng chọn tệp CSV.").at("tep");
        }
        auto result =
            import_cases(m.db, files.first->second.content, Channel::national_portal, directory::load_units(m.db),
                         m.calendar, m.sinks, directory::actor(req), now_seconds());
        if (!result.ok()) {
          json lines = json::array();
          for (const auto& e : result.errors) lines.push_back(e.message_vi);
          return import_page(m, req, {{"rejected", {{"lines", lines}, {"count", result.errors.size()}}}},
                             http::Status::unprocessable_entity);
        }
        return import_page(m, req, {{"done", {{"inserted", result.inserted}, {"unchanged", result.unchanged}}}},
                           http::Status::ok);
      },
      [&](const http::Refusal& r) {
        return import_page(m, req, {{"error", r.json()}}, http::Status::ok);
      });
}

// ---- Statistics ----

views::Table tally_table(std::string id, std::string caption, std::string first,
                         const std::vector<std::pair<std::string, Tally>>& rows) {
  views::Table t;
  t.id = std::move(id);
  t.caption = std::move(caption);
  t.columns = {{first, "", false},
               {"Tiếp nhận", "", true},
               {"Đã trả lời", "", true},
               {"Trả lời đúng hạn", "", true},
               {"Tỷ lệ đúng hạn", "", true},
               {"Tồn cuối kỳ", "", true},
               {"Quá hạn cuối kỳ", "", true},
               {"Tỷ lệ hài lòng", "", true}};
  auto ratio = [](std::int64_t n, std::int64_t d) { return d == 0 ? std::optional<double>() : double(n) / double(d); };
  for (const auto& [label, v] : rows) {
    t.rows.push_back({views::Cell::of(label), views::Cell::integer(v.received), views::Cell::integer(v.answered),
                      views::Cell::integer(v.on_time), views::Cell::percent(ratio(v.on_time, v.answered)),
                      views::Cell::integer(v.pending), views::Cell::integer(v.overdue),
                      views::Cell::percent(ratio(v.satisfied, v.rated))});
  }
  return t;
}

http::Response statistics_page(const Module& m, http::Request& req) {
  auto now = now_seconds();
  Period period = Period::of_year(int(local_date(now).year()));
  if (auto ky = req.query_param("ky"); ky && !ky->empty()) period = Period::parse(*ky);
  auto units = units_of(m, *req.principal);
  std::map<std::string, Tally> by_unit, by_category, by_channel;
  Tally total;
  auto tables = m.db.read([&](db::Connection& c) {
    auto names = names_for(c);
    // A period not over yet is counted up to now: what is pending and
    // overdue today, not at its future end.
    Instant end = std::min(period.end(), now);
    for (const auto& k : cases_of_period(c, units, period.begin(), end)) {
      for (Tally* t : {&by_unit[names.unit(k.unit_code)], &by_category[names.category(k.category_id)],
                       &by_channel[label_vi(k.channel)], &total}) {
        count(*t, k, period.begin(), end);
      }
    }
    auto sorted = [](const std::map<std::string, Tally>& m) {
      std::vector<std::pair<std::string, Tally>> out(m.begin(), m.end());
      std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.second.received != b.second.received ? a.second.received > b.second.received
                                                      : text::collate_less(a.first, b.first);
      });
      return out;
    };
    auto label = period.label_vi();
    return std::vector<views::Table>{
        tally_table("theo-don-vi", "Phản ánh theo đơn vị xử lý, " + label, "Đơn vị", sorted(by_unit)),
        tally_table("theo-linh-vuc", "Phản ánh theo lĩnh vực, " + label, "Lĩnh vực", sorted(by_category)),
        tally_table("theo-kenh", "Phản ánh theo kênh tiếp nhận, " + label, "Kênh", sorted(by_channel)),
        tally_table("tong-hop", "Tổng hợp, " + label, "Phạm vi", {{"Tất cả", total}}),
    };
  });
  if (req.query_param("dang").value_or("") == "xlsx") {
    return http::attachment(req, http::kXlsxType, views::to_xlsx(tables), "phan-anh-" + period.code() + ".xlsx");
  }
  json categories = json::array(), received = json::array(), on_time = json::array();
  for (const auto& row : tables[2].rows) {
    categories.push_back(row[0].text);
    received.push_back(*row[1].number);
    on_time.push_back(*row[3].number);
  }
  json chart = {{"type", "bar"},
                {"categories", categories},
                {"series", json::array({{{"name", "Tiếp nhận"}, {"data", received}},
                                        {{"name", "Trả lời đúng hạn"}, {"data", on_time}}})},
                {"percent", false},
                {"stacked", false}};
  json data = {{"charts", true},
               {"ky", period.code()},
               {"period_label", period.label_vi()},
               {"period_groups", views::period_choices(period, local_date(now_seconds()))},
               {"xlsx", "/xu-ly-phan-anh/thong-ke?ky=" + period.code() + "&dang=xlsx"},
               {"total", views::to_view(tables[3])},
               {"channel_chart", views::chart_view(chart, "Phản ánh theo kênh tiếp nhận", tables[2].caption)},
               {"by_channel", views::to_view(tables[2])},
               {"by_unit", views::to_view(tables[0])},
               {"by_category", views::to_view(tables[1])}};
  return http::html(req,
                    m.layout.page(req, "Thống kê phản ánh, kiến nghị", "feedback/statistics.tpl", std::move(data)));
}

// ---- Categories ----

http::Response categories_page(const Module& m, http::Request& req, json error = nullptr) {
  auto units = directory::load_units(m.db);
  auto now = now_seconds();
  Date today = local_date(now);
  json rows = json::array();
  m.db.read([&](db::Connection& c) {
    auto names = names_for(c);
    for (const auto& cat : categories(c, false)) {
      json options = json::array();
      for (const auto& u : units) {
        if (u.valid_on(today) && u.level != "commune") {
          options.push_back({{"code", u.code}, {"name", u.name}, {"selected", u.code == cat.unit_code}});
        }
      }
      rows.push_back({{"id", cat.id},
                      {"code", cat.code},
                      {"name", cat.name},
                      {"description", cat.description},
                      {"days", cat.deadline_days},
                      {"extension", cat.extension_days},
                      {"source", cat.legal_source},
                      {"by_place", cat.route_by_place},
                      {"active", cat.active},
                      {"inactive", !cat.active},
                      {"position", cat.position},
                      {"unit", names.unit(cat.unit_code)},
                      {"unit_options", options}});
    }
  });
  json new_units = json::array();
  for (const auto& u : units) {
    if (u.valid_on(today) && u.level != "commune") new_units.push_back({{"code", u.code}, {"name", u.name}});
  }
  json data = {{"categories", rows},
               {"new_units", new_units},
               {"csrf", m.sessions.ensure(req, now)->csrf_token},
               {"saved", req.query_param("da-luu").has_value()}};
  if (!error.is_null()) data["error"] = std::move(error);
  return http::html(req, m.layout.page(req, "Lĩnh vực phản ánh", "feedback/categories.tpl", std::move(data)));
}

http::Response show_categories(const Module& m, http::Request& req) { return categories_page(m, req); }

http::Response save_category_post(const Module& m, http::Request& req) {
  Category cat;
  cat.id = parse_int<std::int64_t>(req.form_param("id").value_or("0")).value_or(0);
  cat.code = req.form_param("ma").value_or("");
  cat.name = req.form_param("ten").value_or("");
  cat.description = req.form_param("mo_ta").value_or("");
  cat.deadline_days = parse_int<int>(req.form_param("so_ngay").value_or("")).value_or(0);
  cat.extension_days = parse_int<int>(req.form_param("gia_han").value_or("")).value_or(-1);
  cat.legal_source = req.form_param("can_cu").value_or("");
  cat.route_by_place = req.form_param("theo_dia_ban").value_or("") == "1";
  cat.unit_code = req.form_param("don_vi").value_or("");
  cat.position = parse_int<int>(req.form_param("thu_tu").value_or("0")).value_or(0);
  cat.active = req.form_param("dang_dung").value_or("") == "1";
  return refusing_workflow(
      [&] {
        m.db.write([&](db::Connection& c) { save_category(c, cat, directory::actor(req), now_seconds()); });
        return http::redirect(req, "/xu-ly-phan-anh/linh-vuc?da-luu=1");
      },
      [&](const http::Refusal& r) { return categories_page(m, req, r.json()); });
}

}  // namespace

void add_desk_routes(http::Router& router, const Module& m) {
  m.layout.add_nav({"Xử lý phản ánh", "/xu-ly-phan-anh", kHandle});
  const http::RouteTo<const Module> table[] = {
      {http::Verb::get, "/xu-ly-phan-anh", kHandle, queue_page},
      {http::Verb::get, "/xu-ly-phan-anh/tiep-nhan", kHandle, intake_form},
      {http::Verb::get, "/xu-ly-phan-anh/thong-ke", kReport, statistics_page},
      {http::Verb::get, "/xu-ly-phan-anh/nhap", kManage, import_form},
      {http::Verb::post, "/xu-ly-phan-anh/nhap", kManage, import_post, http::upload(1)},
      {http::Verb::post, "/xu-ly-phan-anh/tiep-nhan", kHandle, intake_post},
      {http::Verb::get, "/xu-ly-phan-anh/linh-vuc", kManage, show_categories},
      {http::Verb::post, "/xu-ly-phan-anh/linh-vuc", kManage, save_category_post},
      {http::Verb::get, "/xu-ly-phan-anh/{id}", kHandle, show_case},
      {http::Verb::post, "/xu-ly-phan-anh/{id}/{action}", kHandle, take_step},
      {http::Verb::get, "/xu-ly-phan-anh/{id}/tep/{file}", kHandle, attachment_file},
      {http::Verb::post, "/xu-ly-phan-anh/{id}/tep/{file}/da-kiem-tra", kHandle, check_attachment},
  };
  http::add_routes(router, m, table);
}

}  // namespace cchc::feedback
