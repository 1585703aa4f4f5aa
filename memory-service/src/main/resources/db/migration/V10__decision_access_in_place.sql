-- Recall writes the access counts of what it returned (DecisionAccessRepository): about ten rows a
-- call, scattered over the months. On a full page such an update moves the row to another page and
-- adds an entry to each of the table's indexes; on a page with room it stays (a HOT update: no index
-- entry, one page in the WAL). Every month keeps a tenth of each page free for it: the months there
-- are here, and a new one because it takes its default partition's parameters (platform V0_11).
-- Pages already full get room as their rows are updated and pruned.
DO $$
DECLARE
    month REGCLASS;
BEGIN
    FOR month IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'decision_history'::regclass LOOP
        EXECUTE format('ALTER TABLE %s SET (fillfactor = 90)', month);
    END LOOP;
END $$;
