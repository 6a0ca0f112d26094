-- An urging letter's number (when the office gave one) is unique per
-- issuing unit and year of the letter's day (sent_on is "YYYY-MM-DD"), as
-- plan numbers are (0023): coordination/urging.cpp checks it with a clear
-- message, and this index holds the rule against two writers that checked
-- at once (two PostgreSQL transactions). It fails on a database that
-- already holds such a pair; remove or renumber one first.
CREATE UNIQUE INDEX urging_letters_number ON urging_letters (issuer_unit, substr(sent_on, 1, 4), number)
  WHERE number <> '';
