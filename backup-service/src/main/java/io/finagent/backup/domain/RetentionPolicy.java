package io.finagent.backup.domain;

/** Grandfather-father-son: the newest backup of each of the last {@code daily} days, {@code weekly} weeks and {@code monthly} months. */
public record RetentionPolicy(int daily, int weekly, int monthly) {

    public static final RetentionPolicy SEED = new RetentionPolicy(7, 4, 12);

    public RetentionPolicy {
        if (daily < 0 || weekly < 0 || monthly < 0) {
            throw new IllegalArgumentException("retention counts are never negative");
        }
    }
}
