-- Down of V6: the contexts the agent saw, and the decisions' references to them.
DROP INDEX ix_decision_history_context;
ALTER TABLE decision_history
    DROP CONSTRAINT ck_decision_history_context,
    DROP COLUMN context_digest,
    DROP COLUMN context_id;
DROP TABLE agent_contexts;
