package io.finagent.cache.domain;

/** The levels, fastest first: process memory, Redis, PostgreSQL. */
public enum Level {
    L1,
    L2,
    L3
}
