// The PDF variant of Word documents (pdf_jobs.h): the middleware that
// finds or offers a PDF, the route that enqueues one, the job that makes it.
#include "app/pdf_jobs.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <utility>

#include "core/errors.h"
#include "core/secrets.h"
#include "core/text.h"
#include "http/session.h"
#include "jobs/store.h"

namespace cchc::app {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxSource = 2000;  // the longest `nguon` taken

// The file name the route gave its DOCX ("bao-cao.docx"), as "bao-cao.pdf".
std::string pdf_name(const http::Response& res) {
  std::string name(res[http::field::content_disposition]);
  const auto start = name.find("filename=\"");
  name = start == std::string::npos ? "van-ban.docx" : name.substr(start + 10, name.size() - start - 11);
  if (name.ends_with(".docx")) name.resize(name.size() - 5);
  return (name.empty() ? "van-ban" : name) + ".pdf";
}

// The request's target without its pdf parameter: the DOCX's own URL,
// starting with one slash (the router takes "//a" as "/a"; a link must not
// read it as another host).
std::string without_pdf(std::string_view target) {
  while (target.starts_with("//")) target.remove_prefix(1);
  const auto q = target.find('?');
  if (q == std::string_view::npos) return std::string(target);
  std::string out(target.substr(0, q)), sep = "?";
  std::string_view rest = target.substr(q + 1);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const auto pair = rest.substr(0, amp);
    if (!pair.empty() && pair != "pdf=1" && !pair.starts_with("pdf=")) {
      out += sep;
      out += pair;
      sep = "&";
    }
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
  }
  return out;
}

// The job that makes the PDF of `res`'s DOCX for the request's person;
// nullopt when `res` is not a DOCX. Refuses what cannot be converted.
std::optional<jobs::NewJob> pdf_job(const PdfPages& x, const http::Request& req, const http::Response& res,
                                    const std::string& source) {
  if (res.result() != http::Status::ok || res[http::field::content_type] != http::kDocxType || !req.principal) {
    return std::nullopt;
  }
  if (!x.converter.available()) {
    throw unavailable("LibreOffice is not installed", "Máy chủ chưa cài LibreOffice nên chưa tạo được bản PDF.");
  }
  const std::string& docx = res.body();
  if (docx.size() > kMaxPdfSource) {
    throw too_large("the document is too large to convert to PDF",
                    "Văn bản quá lớn để chuyển sang PDF. Vui lòng tải bản Word (.docx).");
  }
  const std::string name = pdf_name(res);
  jobs::NewJob job;
  job.kind = std::string(kPdfJob);
  job.title = fmt::format("Tạo bản PDF {}", name);
  job.params = json{{"docx", text::base64(docx)}, {"name", name}}.dump();
  job.unit_code = req.principal->unit_code;
  job.created_by = req.principal->username;
  job.return_to = source;
  job.return_label = "Tải bản Word (.docx)";
  job.dedupe_key = fmt::format("{}:{}:{}", kPdfJob, req.principal->username, sha256_hex(docx));
  return job;
}

// GET …?pdf=1: the PDF made before, the job making it, or the button.
http::Response offer_pdf(PdfPages& x, http::Request& req, const http::Response& res, const jobs::NewJob& job,
                         const std::string& source) {
  auto known = x.db.read([&](db::Connection& c) -> std::optional<std::string> {
    if (auto made = jobs::done_with_result(c, job.dedupe_key)) return "/cong-viec/" + *made + "/ket-qua";
    if (auto running = jobs::unfinished_with_key(c, job.dedupe_key)) return "/cong-viec/" + *running;
    return std::nullopt;
  });
  if (known) return http::redirect(req, *known);
  json data{{"csrf", req.session ? req.session->csrf_token : ""},
            {"source", source},
            {"name", pdf_name(res)},
            {"size", text::format_int(std::int64_t(res.body().size() / 1024 + 1))}};
  auto out = http::html(req, x.layout.page(req, "Tạo bản PDF", "jobs/pdf.tpl", data));
  out.set(http::field::cache_control, "no-store");
  return out;
}

// POST /cong-viec/tao-pdf: the document of `nguon` made again as its
// sender (the route's own checks apply), its PDF handed to a job.
http::Response make_pdf(PdfPages& x, http::Request& req) {
  const std::string source = req.form_param("nguon").value_or("");
  const bool local = source.starts_with('/') && !source.starts_with("//") && source.size() <= kMaxSource &&
                     source.find_first_of("\\\r\n") == std::string::npos;
  auto refuse = [] {
    return invalid_input("nguon must be a Word document of this site", "Không tìm thấy văn bản Word để tạo bản PDF.");
  };
  if (!local) throw refuse();
  http::Request inner;
  inner.method = http::Verb::get;
  inner.method_name = "GET";
  inner.target = without_pdf(source);
  if (!http::parse_target(inner)) throw refuse();
  for (std::string_view name : {"cookie", "host", "accept-language", "user-agent"}) {
    if (auto value = req.header(name); !value.empty()) inner.headers.set(name, value);
  }
  inner.client_address = req.client_address;
  inner.request_id = req.request_id;
  auto res = x.app(inner);
  if (res.result() != http::Status::ok) return res;  // the route's own refusal (403, 404, …)
  auto job = pdf_job(x, inner, res, inner.target);
  if (!job) throw refuse();
  auto id = x.db.write([&](db::Connection& c) {
    if (jobs::unfinished_of(c, kPdfJob, req.principal->username) >= kMaxPdfPerPerson) {
      throw Error(
          ErrorKind::busy, fmt::format("{} PDFs are being made already", kMaxPdfPerPerson),
          fmt::format("Anh/chị đang có {} bản PDF chờ tạo; xin vui lòng chờ xong rồi tạo tiếp.", kMaxPdfPerPerson));
    }
    return jobs::enqueue(c, *job, now_seconds());
  });
  jobs::wake_runners();
  return http::redirect(req, "/cong-viec/" + id);
}

// Converts the job's DOCX; fails (in Vietnamese) when LibreOffice cannot.
void run_pdf(views::PdfConverter& converter, jobs::JobContext& job) {
  const auto& p = job.params();
  auto docx = text::unbase64(p.at("docx").get<std::string>());
  if (!docx) throw Error(ErrorKind::internal, "a PDF job's params hold no DOCX");
  job.progress(0, 1, "Đang chuyển văn bản sang PDF…");
  job.stop_if_cancelled();
  auto pdf = converter.convert(*docx);
  if (pdf.empty()) {
    throw Error(ErrorKind::internal, "LibreOffice did not convert the document",
                "Không chuyển được văn bản sang PDF. Vui lòng tải bản Word (.docx).");
  }
  job.stop_if_cancelled();
  job.result(p.at("name").get<std::string>(), "application/pdf", std::move(pdf));
  job.progress(1, 1, "Đã tạo bản PDF.");
}

}  // namespace

void add_pdf_jobs(jobs::Handlers& handlers, views::PdfConverter& converter) {
  handlers[std::string(kPdfJob)] = [&converter](jobs::JobContext& job) { run_pdf(converter, job); };
}

void add_pdf_routes(http::Router& router, std::shared_ptr<PdfPages> pages) {
  const http::RouteTo<PdfPages> routes[] = {
      {http::Verb::post, "/cong-viec/tao-pdf", "signed_in", make_pdf},
  };
  http::add_routes(router, std::move(pages), routes);
}

http::Middleware pdf_variant(std::shared_ptr<PdfPages> pages) {
  return [pages = std::move(pages)](http::Request& req, const http::Next& next) {
    if (req.method != http::Verb::get || req.query_param("pdf").value_or("") != "1") return next(req);
    auto res = next(req);
    if (req.bearer && res.result() == http::Status::ok && res[http::field::content_type] == http::kDocxType) {
      throw invalid_input("a PDF is made for a signed-in person; ask for the DOCX (without pdf=1)",
                          "Bản PDF chỉ tạo cho người đã đăng nhập.");
    }
    const std::string source = without_pdf(req.target);
    auto job = pdf_job(*pages, req, std::as_const(res), source);
    if (!job) return res;
    return offer_pdf(*pages, req, std::as_const(res), *job, source);
  };
}

}  // namespace cchc::app
