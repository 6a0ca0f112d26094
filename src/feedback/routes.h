#pragma once
// Citizen feedback's pages (docs/feedback.md):
//   public   /phan-anh (send), /phan-anh/theo-doi/{secret} (the private
//            link: clarify, rate, reopen), /phan-anh/tra-cuu (by code),
//            /phan-anh/da-tra-loi (published answers, searchable)
//   desk     /xu-ly-phan-anh (the unit's queue, a case and its steps, the
//            other channels' intake), /quan-tri/linh-vuc-phan-anh (categories)
#include <functional>
#include <memory>
#include <string>

#include "core/calendar.h"
#include "db/database.h"
#include "feedback/store.h"
#include "http/router.h"
#include "http/session.h"
#include "views/layout.h"

namespace cchc::feedback {

struct Module {
  db::Database& db;
  views::Layout& layout;
  http::SessionStore& sessions;
  Sinks sinks;
  // Called after a case is received with an e-mail address: the
  // acknowledgement (app/web.cpp sends it when SMTP is configured). The
  // secret makes the private link.
  std::function<void(const Case&, const std::string& secret)> acknowledge;
  // Called after an official's step: tells the citizen of a question, an
  // answer or a refusal (app/web.cpp queues it when SMTP is configured).
  std::function<void(const Case&)> tell_citizen;
  // The site's public address ("https://cchc.dongnai.gov.vn"), for
  // Open311's discovery; the request's Host when empty.
  std::shared_ptr<std::string> base_url;
  const WorkCalendar& calendar = WorkCalendar::vietnam();
  // The public form's proof of work, in zero bits (rules.h: proof_holds);
  // 0, the default, asks none (the form then works without JavaScript).
  int proof_bits = 0;
};

void add_public_routes(http::Router& router, const Module& m);
void add_desk_routes(http::Router& router, const Module& m);

}  // namespace cchc::feedback
