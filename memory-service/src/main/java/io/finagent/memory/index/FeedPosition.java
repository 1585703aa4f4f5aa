package io.finagent.memory.index;

/**
 * How far the index has followed PostgreSQL: the decisions (by id), their removals (by the id of
 * decision_removals) and the newest restore (data_restores) it was built after.
 */
public record FeedPosition(FeedCursor decisions, FeedCursor removals, long restore) {

    public String encode() {
        return decisions.encode() + ";" + removals.encode() + ";" + restore;
    }

    public static FeedPosition decode(String encoded) {
        String[] parts = encoded.split(";");
        return new FeedPosition(FeedCursor.decode(parts[0]), FeedCursor.decode(parts[1]), Long.parseLong(parts[2]));
    }
}
