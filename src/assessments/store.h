#pragma once
// Assessments' SQL: criteria sets, rounds, self-assessments, appraisals,
// evidence, rankings. Every write is audited as `who` and runs in the
// caller's transaction (db::Connection&), so that several compose into one;
// every write that can change a round's ranking (the round, its scores,
// components, submissions, appraisals, publication) gives the
// "assessments" data stamp a fresh value in it (db/stamps.h), which the
// public rankings' cached pages are kept under:
//
//   db.write([&](db::Connection& c) {
//     send_for_answer(c, round_id, unit, appraiser_unit, who, now);
//     sources.notify(c, unit, …);
//   });
//
// The writes that pages and the demo call on their own also have a
// db::Database& form, which opens one transaction. A refused write throws
// (invalid_input, conflict, forbidden, not_found) and leaves nothing once
// its transaction rolls back.
//
// The definitions are split by topic: sets_store.cpp, rounds_store.cpp,
// submissions_store.cpp, evidence_store.cpp, appraisal_store.cpp and
// results_store.cpp, with what they share in store_support.h.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "assessments/model.h"
#include "assessments/rules.h"
#include "audit/audit.h"
#include "db/database.h"

namespace cchc::assessments {

// ---- Criteria sets -------------------------------------------------------

// Stores a set checked by check_set (and its level existing) as the next
// version of its code, or returns the stored version with the same content
// (the newest such) without writing.
std::int64_t store_set(db::Connection& c, const CriteriaSet& set, const std::set<std::string>& indicators,
                       const audit::Entry& who, Instant now);
// Same, in its own transaction; returns the stored set.
CriteriaSet import_set(db::Database& db, const CriteriaSet& set, const std::set<std::string>& indicators,
                       const audit::Entry& who, Instant now);
std::optional<CriteriaSet> load_set(db::Connection& c, std::int64_t id);
// Every version of every set (criteria not loaded): by code, newest first.
std::vector<CriteriaSet> list_sets(db::Connection& c);

// ---- Rounds --------------------------------------------------------------

// A round as the coordinator creates it: its fields, a set version per
// level with the level's deadline, and the participating units (each must
// exist and be of a level the round has).
struct NewRound {
  Round round;
  std::vector<std::string> participants;
};
// Validates (code like a set's, name 1-300, evidence window from ≤ to,
// answer days 1-30, bands and components sane, a level at most once, each
// set of its level) and stores it open. Conflict when the code is taken.
Round create_round(db::Connection& c, const NewRound& r, const audit::Entry& who, Instant now);

std::optional<Round> find_round(db::Connection& c, const std::string& code);
std::optional<Round> find_round(db::Connection& c, std::int64_t id);
// Newest year first, then by code.
std::vector<Round> list_rounds(db::Connection& c);
std::vector<Participant> participants(db::Connection& c, std::int64_t round_id);
std::optional<Participant> find_participant(db::Connection& c, std::int64_t round_id, const std::string& unit);
// A unit's scores (every criterion it has a row for).
std::vector<Score> unit_scores(db::Connection& c, std::int64_t round_id, const std::string& unit);
// Every unit's components' values.
std::map<std::string, std::map<std::string, double>> component_values(db::Connection& c, std::int64_t round_id);

// ---- Self-assessment -----------------------------------------------------

// What a unit's form sends: scores, measured values (tiers rules, and
// indicator rules where the indicators hold no records for the unit; the
// score then follows from the value), explanations. Codes absent are left
// as they were.
struct SelfInput {
  std::map<std::string, double> scores;
  std::map<std::string, double> values;
  std::map<std::string, std::string> explanations;
  // Indicator rules: the indicator's value over the evidence window, as the
  // caller computed it (never from a form); the score follows by tiers.
  std::map<std::string, double> computed;
};
// Saves a draft: the round open, the unit a participant that has not
// submitted, every score allowed (check_draft). Explanations need not be
// complete yet. Conflict after submission or publication.
void save_draft(db::Connection& c, std::int64_t round_id, const std::string& unit, const SelfInput& in,
                const audit::Entry& who, Instant now);
void save_draft(db::Database& db, std::int64_t round_id, const std::string& unit, const SelfInput& in,
                const audit::Entry& who, Instant now);
// Submits and locks: the draft must pass check_submission, evidence must
// be attached to every criterion that requires it, and `now` must be on
// time (the level's deadline or the unit's extension); otherwise
// invalid_input (incomplete) or conflict (late, already submitted).
void submit(db::Connection& c, std::int64_t round_id, const std::string& unit, const audit::Entry& who, Instant now);
void submit(db::Database& db, std::int64_t round_id, const std::string& unit, const audit::Entry& who, Instant now);
// Extends a unit's deadline (coordinator) to `until` with a reason (1-1,000
// characters); only while the round is open and the unit has not submitted.
void extend(db::Connection& c, std::int64_t round_id, const std::string& unit, Instant until, const std::string& reason,
            const audit::Entry& who, Instant now);
// A component value (0 … max) for a unit.
void set_component(db::Connection& c, std::int64_t round_id, const std::string& unit, const std::string& component,
                   double value, const audit::Entry& who, Instant now);
void set_component(db::Database& db, std::int64_t round_id, const std::string& unit, const std::string& component,
                   double value, const audit::Entry& who, Instant now);

// ---- Evidence ------------------------------------------------------------

struct Evidence {
  std::int64_t id = 0;
  std::string file_id;  // "" for a reference
  std::string reference, title, href, filename, content_type;
  std::optional<Date> doc_date;
  std::vector<std::string> criteria;
};
// A document already in cchc, as a DocumentSource finds it.
struct KnownDocument {
  std::string reference, title, href;
  std::optional<Date> date;
};
std::vector<Evidence> unit_evidence(db::Connection& c, std::int64_t round_id, const std::string& unit);
// Stores an uploaded file (filetype::check with evidence_kinds, ≤ 10 MiB,
// checked before anything is read or written) under a random id and
// attaches it to `criteria` (leaves of the unit's set, at least one). Only
// before submission.
Evidence add_file_evidence(db::Connection& c, std::int64_t round_id, const std::string& unit,
                           const std::string& filename, const std::string& bytes,
                           const std::vector<std::string>& criteria, const audit::Entry& who, Instant now);
// Attaches a document already in cchc: its date must fall inside the
// round's evidence window (invalid_input otherwise, or when it has none).
Evidence add_document_evidence(db::Connection& c, std::int64_t round_id, const std::string& unit,
                               const KnownDocument& doc, const std::vector<std::string>& criteria,
                               const audit::Entry& who, Instant now);
Evidence add_document_evidence(db::Database& db, std::int64_t round_id, const std::string& unit,
                               const KnownDocument& doc, const std::vector<std::string>& criteria,
                               const audit::Entry& who, Instant now);
void remove_evidence(db::Connection& c, std::int64_t round_id, const std::string& unit, std::int64_t evidence_id,
                     const audit::Entry& who, Instant now);
struct EvidenceFileBytes {
  std::int64_t round_id = 0;
  std::string unit, filename, content_type, content;
};
std::optional<EvidenceFileBytes> find_file(db::Connection& c, const std::string& file_id);

// ---- Appraisal -----------------------------------------------------------

// Assigns an appraiser (a user holding the appraiser role) to a unit;
// refused (forbidden) when the user belongs to the unit or its subtree.
void assign_appraiser(db::Connection& c, std::int64_t round_id, const std::string& unit, const std::string& username,
                      const audit::Entry& who, Instant now);
void assign_appraiser(db::Database& db, std::int64_t round_id, const std::string& unit, const std::string& username,
                      const audit::Entry& who, Instant now);
std::vector<std::string> appraisers(db::Connection& c, std::int64_t round_id, const std::string& unit);
// Units an appraiser is assigned to in a round.
std::vector<std::string> appraised_by(db::Connection& c, std::int64_t round_id, const std::string& username);

// The appraiser (assigned, not of the unit: forbidden otherwise) sets
// scores and comments on a submitted unit while the appraisal is neither
// awaiting the unit's answer nor final; check_appraisal applies.
void save_appraisal(db::Connection& c, std::int64_t round_id, const std::string& unit,
                    const std::map<std::string, double>& scores, const std::map<std::string, std::string>& comments,
                    const std::string& appraiser_unit, const audit::Entry& who, Instant now);
void save_appraisal(db::Database& db, std::int64_t round_id, const std::string& unit,
                    const std::map<std::string, double>& scores, const std::map<std::string, std::string>& comments,
                    const std::string& appraiser_unit, const audit::Entry& who, Instant now);
// Sends the appraisal to the unit for its answer, due `answer_days`
// working days later (end of that day).
void send_for_answer(db::Connection& c, std::int64_t round_id, const std::string& unit,
                     const std::string& appraiser_unit, const audit::Entry& who, Instant now);
// The unit's answer (giải trình), once, before it is due: texts per
// criterion (1-5,000 characters each, at least one).
void answer(db::Connection& c, std::int64_t round_id, const std::string& unit,
            const std::map<std::string, std::string>& answers, const audit::Entry& who, Instant now);
// Finalises after the unit answered or its time passed, or at once when
// the appraisal lowered no score (nothing for the unit to answer).
void finalise(db::Connection& c, std::int64_t round_id, const std::string& unit, const std::string& appraiser_unit,
              const audit::Entry& who, Instant now);

// ---- Ranking and publication ---------------------------------------------

struct LevelRanking {
  std::string level;
  CriteriaSet set;
  std::vector<Standing> standings;  // rank_level order
};
// Each level of the round (in the levels' rank order) with its ranking.
std::vector<LevelRanking> ranking(db::Connection& c, const Round& round);
// The coordinator approves: every submitted unit's appraisal final (or
// never started), then the round is published and locked. `decision` is
// the approving decision's number (at most 100 characters; may be empty).
void publish(db::Connection& c, std::int64_t round_id, const std::string& decision, const audit::Entry& who,
             Instant now);

}  // namespace cchc::assessments
