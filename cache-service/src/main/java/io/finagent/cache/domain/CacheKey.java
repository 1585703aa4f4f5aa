package io.finagent.cache.domain;

/**
 * A key in one namespace: {@code cache} (a user's own keys), {@code analysis} (a user's
 * analyses), {@code market} (market data) or {@code symbol} (symbols' reference data), the last
 * two shared by every user (owner null). Every level
 * stores it under {@link #id()}, so a key of one user can never be read as another's.
 */
public record CacheKey(String namespace, String owner, String name) {

    public static final String SHARED = "*";

    public static final String MARKET = "market";
    public static final String ANALYSIS = "analysis";
    /** A symbol's reference data (symbols_metadata), shared by every user. */
    public static final String SYMBOL = "symbol";
    /** The timeframe part of a market-data key that has none. */
    public static final String NO_TIMEFRAME = "-";

    public static CacheKey ofUser(String userId, String name) {
        return new CacheKey("cache", userId, name);
    }

    /** Market data is shared: one key per symbol, data type and timeframe for every user. */
    public static CacheKey ofMarket(String symbol, String dataType, String timeframe) {
        return new CacheKey(MARKET, null, symbol + ":" + dataType + ":" + (timeframe == null ? NO_TIMEFRAME : timeframe));
    }

    public static CacheKey ofAnalysis(String userId, String symbol, String strategy) {
        return new CacheKey(ANALYSIS, userId, symbol + ":" + strategy);
    }

    public boolean isMarket() {
        return MARKET.equals(namespace);
    }

    public String id() {
        return namespace + ":" + (owner == null ? SHARED : owner) + ":" + name;
    }

    /** The ids of this namespace and owner that match a glob of names; the owner is matched literally. */
    public static String idPattern(String namespace, String owner, String namePattern) {
        return namespace + ":" + (owner == null ? SHARED : literal(owner)) + ":" + namePattern;
    }

    private static String literal(String text) {
        return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
