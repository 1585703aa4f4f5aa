-- Down of V5: market_data_cache one plain table again, its keys unique in it.
SELECT finagent_unpartition('market_data_cache');
ALTER TABLE market_data_cache ADD CONSTRAINT uq_market_data_cache_key UNIQUE (cache_key);
