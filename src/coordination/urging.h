#pragma once
// Urging for every shortfall (docs/plans.md "Urging"): what a unit owes as
// of a day, from plans themselves (overdue tasks it leads, the current
// period's task reports missing or returned, report requests unanswered or
// returned, implementing plans not issued) and from other capabilities
// through ShortfallSource (missed service targets, self-assessments not
// submitted; wired by app/sources.cpp); one urging letter per unit listing
// them all (DOCX, Decree 30 layout, signed by the coordinator's unit, never
// addressed to itself), and the record that it was sent.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "coordination/model.h"
#include "core/calendar.h"
#include "db/database.h"
#include "views/decree30.h"

namespace cchc::coordination {

struct Shortfall {
  // task_overdue | report_missing | report_returned | request_unanswered |
  // request_returned | plan_missing | target_missed | self_assessment |
  // recommendation_overdue
  std::string kind;
  std::string what;  // as the letter says it
  std::optional<Date> due;
};
using ShortfallSource = std::function<std::vector<Shortfall>(db::Connection&, const std::string& unit, Date today)>;

// The letter's heading of a kind ("Nhiệm vụ quá hạn", …), in the letter's order.
std::string shortfall_kind_label_vi(std::string_view kind);
const std::vector<std::string>& shortfall_kinds();

// Whether a shortfall is already due on `today`: its due day has passed
// (one with no due day, a target missed so far, always is). Only those are
// urged: a self-assessment due on a later day is not yet a shortfall.
bool shortfall_due(const Shortfall& s, Date today);

// Every shortfall of `unit` as of `today` that is already due
// (shortfall_due): plans' own, then each source's, ordered by kind
// (shortfall_kinds), then by due day. The reports missing are counted as
// the work list counts them (count_owed: the tasks the unit leads); an
// overdue task says by how many working days (working_days_overdue, as the
// work list); a returned report or answer is due as on the work list
// (returned_due); periods are named by their labels.
std::vector<Shortfall> shortfalls_of(db::Connection& c, const std::string& unit, Date today,
                                     const std::vector<ShortfallSource>& sources);

// The working days an urging letter gives for the reply, as the form writes
// them (spaces around ignored): 1-60; invalid_input at "so_ngay" otherwise.
int reply_days(std::string_view text);
// The day a reply is due: `working_days` working days after `from`, or
// `days_uncovered` calendar days after it when the calendar does not cover
// `from`.
Date reply_due(Date from, int working_days, int days_uncovered, const WorkCalendar& calendar);

// The letter: "V/v đôn đốc khắc phục những nội dung còn chậm, thiếu trong
// công tác cải cách hành chính", "Kính gửi: <to.body>.", every shortfall
// under its kind's heading (each item one sentence, text::end_sentence),
// the unit's head (to.head, "Chủ tịch Ủy ban nhân dân phường …") asked to
// have them done and reported by `reply_by`.
std::string urging_docx(const views::Addressee& to, const std::vector<Shortfall>& items, const std::string& number,
                        Date sent_on, Date reply_by, const views::Issuer& issuer);

struct UrgingLetter {
  std::int64_t id = 0;
  std::string unit_code, issuer_unit, number;
  Date sent_on{}, reply_by{};
  std::vector<Shortfall> items;
  int notified = 0;
  std::string sent_by;
};
// Records a letter sent to `unit` by `issuer` listing `items` (invalid_input
// when there is none; when the unit is the issuer itself; a number over 50
// characters; a number the issuer already gave a letter in the year of
// `sent_on`: numbers are unique per issuing unit and year) and notifies the
// unit's officers and leaders. Audited.
UrgingLetter record_urging(db::Connection& c, UrgingLetter letter, const audit::Entry& who, Instant now);
UrgingLetter record_urging(db::Database& db, UrgingLetter letter, const audit::Entry& who, Instant now);
// How many letters each unit received (those that received any), and the
// day of the last.
struct LettersSent {
  int count = 0;
  Date last{};
};
std::map<std::string, LettersSent> letters_by_unit(db::Connection& c);
// The letters a unit received, newest first.
std::vector<UrgingLetter> letters_to(db::Connection& c, const std::string& unit);
std::optional<UrgingLetter> find_letter(db::Connection& c, std::int64_t id);

}  // namespace cchc::coordination
