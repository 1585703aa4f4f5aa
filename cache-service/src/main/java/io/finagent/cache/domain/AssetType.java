package io.finagent.cache.domain;

/** What a symbol is traded as (symbols_metadata's ck_symbols_metadata_asset_type). */
public enum AssetType {
    STOCK, ETF, INDEX, CRYPTO, FOREX, FUTURE, OPTION, BOND, OTHER
}
