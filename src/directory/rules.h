#pragma once
// Pure rules of the unit tree: reading and checking the units CSV, and the
// tree queries. No I/O.
//
// The CSV contract (import and export):
//   code,name,level,parent_code,valid_from,valid_to[,successor_codes][,short_name]
// with dates YYYY-MM-DD, valid_to empty while the unit exists, successor_codes
// separated by ';'. The first six columns are required, in this order; the
// two optional ones are recognised by their header name.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "directory/model.h"

namespace cchc::directory {

struct ParsedUnits {
  std::vector<Unit> units;
  std::vector<int> lines;  // the line of each unit
  std::vector<LineError> errors;
};

// Syntax: header, field count, required fields, dates, code format.
ParsedUnits parse_units_csv(std::string_view text);

// Meaning, against the units already stored (`existing`, by code) merged with
// the incoming ones (incoming win): duplicate codes in the file, unknown
// level, unknown parent, a parent not valid over the whole life of its child,
// cycles, valid_to before valid_from, unknown or self successors, successors
// of a unit still open, successors not existing the day after the unit ends
// (a successor may be new, or an existing unit that absorbs this one).
// Errors come sorted by line.
std::vector<LineError> validate_units(const std::vector<Unit>& incoming, const std::vector<int>& lines,
                                      const std::map<std::string, Unit>& existing,
                                      const std::set<std::string>& level_codes);

// Parents before children (roots first), for inserting without deferring
// foreign keys. Assumes validate_units found no cycle.
std::vector<Unit> parents_first(std::vector<Unit> units);

std::string to_csv(const std::vector<Unit>& units);

// Queries over a snapshot of the units.
class Tree {
 public:
  explicit Tree(std::vector<Unit> units);
  const Unit* find(const std::string& code) const;
  // Units valid on `d`, sorted by code.
  std::vector<const Unit*> as_of(Date d) const;
  // `code` and everything below it valid on `d` (depth-first, children by name).
  std::vector<const Unit*> subtree(const std::string& code, Date d) const;
  // From the root down to the unit's parent.
  std::vector<const Unit*> ancestors(const std::string& code) const;
  std::vector<const Unit*> of_level(const std::string& level, Date d) const;
  std::vector<const Unit*> children(const std::string& code, Date d) const;
  // Whether `descendant` is `ancestor` or below it (as the tree stands, any date).
  bool is_within(const std::string& descendant, const std::string& ancestor) const;
  const std::vector<Unit>& all() const { return units_; }

 private:
  std::vector<Unit> units_;
  std::map<std::string, size_t> index_;
  std::multimap<std::string, size_t> children_;
};

// Whether a change to a user locks its author out: their own account
// (`own_account`) saved inactive or without the admin role, which no one
// could then undo from the users page. A change to another's account never
// does.
bool locks_self_out(bool own_account, bool stays_active, const std::vector<std::string>& roles);

}  // namespace cchc::directory
