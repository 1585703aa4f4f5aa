-- Down of V2: a decision's recall count and last access.
ALTER TABLE decision_history
    DROP CONSTRAINT ck_decision_history_access_count,
    DROP COLUMN last_accessed,
    DROP COLUMN access_count;
