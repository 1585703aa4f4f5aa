-- The trace the decision arrived in (W3C traceparent, null when tracing is off): its
-- outcome-measured event is published in the same trace, hours later.
ALTER TABLE pending_outcome_measurements ADD COLUMN traceparent VARCHAR(55);
