-- The unit page's overdue list (indicators/store.h: overdue_dossiers) reads
-- open dossiers only: the index holds those alone, so the finished ones,
-- nearly all of a province's records, cost no index entry when a batch
-- writes them, and the list reads the open ones of a unit in due order.
DROP INDEX dossiers_open;
CREATE INDEX dossiers_open ON dossiers (unit_code, due_at) WHERE status IN ('processing', 'paused');
