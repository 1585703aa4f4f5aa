-- a step without a down script: it cannot be rolled back
CREATE TABLE trade_notes (trade_id BIGINT NOT NULL, note TEXT NOT NULL);
