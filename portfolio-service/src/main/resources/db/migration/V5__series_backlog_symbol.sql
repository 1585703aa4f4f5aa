-- The symbol of a price point still waiting in the backlog: outcome measurement leaves that
-- symbol's rows alone until the store has the price, instead of deciding without it.
ALTER TABLE series_backlog ADD COLUMN symbol VARCHAR(32);
