#pragma once
// What the loop's pages share with the plans pages (plans/route_support.h):
// the context, the unit checks, unit names and choices, the periods to pick
// from, the issuer and addressee of a Word draft.
#include "plans/route_support.h"

namespace cchc::coordination {

using plans::addressee_of;
using plans::calendar;
using plans::csrf_token;
using plans::evidence_file;
using plans::issuer_of;
using plans::may;
using plans::names_of;
using plans::names_text;
using plans::need_plan;
using plans::Pages;
using plans::period_options;
using plans::require;
using plans::subtree_codes;
using plans::text_section;
using plans::unit_options;
using plans::units_of_user;

}  // namespace cchc::coordination
