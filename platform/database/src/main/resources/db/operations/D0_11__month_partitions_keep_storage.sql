-- Down of V0_11: a new month with the default storage parameters again, as V0_10 made it.
CREATE OR REPLACE FUNCTION finagent_create_month_partitions(parent TEXT, first_month TIMESTAMPTZ, last_month TIMESTAMPTZ)
    RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
    month     TIMESTAMP := date_trunc('month', first_month AT TIME ZONE 'UTC');
    partition TEXT;
    created   INTEGER := 0;
BEGIN
    IF to_regclass(quote_ident(parent || '_default')) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', parent || '_default', parent);
    END IF;
    WHILE month <= last_month AT TIME ZONE 'UTC' LOOP
        partition := parent || to_char(month, '"_p"YYYY"_"MM');
        IF to_regclass(quote_ident(partition)) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', partition, parent,
                           month AT TIME ZONE 'UTC', (month + INTERVAL '1 month') AT TIME ZONE 'UTC');
            created := created + 1;
        END IF;
        month := month + INTERVAL '1 month';
    END LOOP;
    RETURN created;
END $$;
