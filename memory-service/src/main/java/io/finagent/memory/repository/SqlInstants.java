package io.finagent.memory.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants to and from the plain SQL client, which speaks OffsetDateTime: always UTC. */
final class SqlInstants {

    private SqlInstants() {
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    /** Null stays null: an instant not set yet (an outcome not measured, a memory never read). */
    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
