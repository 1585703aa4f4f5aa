-- Recall counts how often a past decision was brought back, and when last: part of its importance.
ALTER TABLE decision_history
    ADD COLUMN access_count  BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN last_accessed TIMESTAMPTZ,
    ADD CONSTRAINT ck_decision_history_access_count CHECK (access_count >= 0);
