-- Down of V6: a measurement no longer carries the trace of its decision.
ALTER TABLE pending_outcome_measurements DROP COLUMN traceparent;
