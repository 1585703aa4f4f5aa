-- What the agent saw (memory-service README, "What the agent saw"): every context GET /context
-- assembled, kept as the exact JSON it answered with its SHA-256, so that a decision citing it
-- can show it later and prove it unchanged. A context no decision cites is dropped after a while.
CREATE TABLE agent_contexts (
    id           UUID         NOT NULL PRIMARY KEY,
    user_id      VARCHAR(64)  NOT NULL,
    as_of        TIMESTAMPTZ  NOT NULL,
    assembled_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    body         TEXT         NOT NULL,
    digest       VARCHAR(64)  NOT NULL,
    CONSTRAINT ck_agent_contexts_digest CHECK (digest ~ '^[0-9a-f]{64}$')
);

CREATE INDEX ix_agent_contexts_assembled ON agent_contexts (assembled_at);

CREATE TRIGGER agent_contexts_changes AFTER INSERT OR UPDATE OR DELETE ON agent_contexts
    FOR EACH ROW EXECUTE FUNCTION finagent_record_change('id');

-- The context a decision was made with, and its digest when the decision cited it.
ALTER TABLE decision_history
    ADD COLUMN context_id     UUID,
    ADD COLUMN context_digest VARCHAR(64),
    ADD CONSTRAINT ck_decision_history_context CHECK ((context_id IS NULL) = (context_digest IS NULL));

CREATE INDEX ix_decision_history_context ON decision_history (context_id) WHERE context_id IS NOT NULL;
