-- Down of V10: every month of decision_history with pages filled whole again.
DO $$
DECLARE
    month REGCLASS;
BEGIN
    FOR month IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'decision_history'::regclass LOOP
        EXECUTE format('ALTER TABLE %s RESET (fillfactor)', month);
    END LOOP;
END $$;
