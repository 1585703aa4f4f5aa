package io.finagent.platform.contracts;

import io.finagent.platform.retention.EventRetention;
import io.finagent.platform.testing.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every service with event tables proves with this test that they stay bounded: a pass of
 * {@link EventRetention} deletes the published outbox rows and the inbox rows past their keep (7
 * and 8 days), batch after batch (two rows a batch in tests), counts them, and keeps every row
 * within its keep and every unpublished row, however old.
 */
public abstract class EventRetentionContract {

    @Inject
    EventRetention retention;

    @Inject
    MeterRegistry registry;

    protected abstract String database();

    @Test
    void publishedAndAppliedEventsPastTheirKeepAreDeletedAndNothingElse() {
        TestDatabase db = new TestDatabase(database());
        String mark = "retention-" + UUID.randomUUID();
        db.execute(outbox(mark, 5, "now() - interval '11 days'", "now() - interval '10 days'"));
        db.execute(outbox(mark, 1, "now() - interval '2 days'", "now() - interval '1 day'"));
        db.execute(outbox(mark, 1, "now() - interval '30 days'", "NULL")); // never published: kept whatever its age
        db.execute(inbox(mark, 5, "now() - interval '9 days'"));
        db.execute(inbox(mark, 1, "now() - interval '1 day'"));
        double before = deleted("outbox_events") + deleted("inbox_events");

        retention.prune(Instant.now()).await().indefinitely();

        assertEquals(0, db.count("SELECT count(*) FROM outbox_events WHERE topic = ? AND published_at < now() - interval '7 days'", mark));
        assertEquals(2, db.count("SELECT count(*) FROM outbox_events WHERE topic = ?", mark), "the recent and the unpublished stay");
        assertEquals(1, db.count("SELECT count(*) FROM outbox_events WHERE topic = ? AND published_at IS NULL", mark));
        assertEquals(1, db.count("SELECT count(*) FROM inbox_events WHERE consumer = ?", mark), "the recent stays");
        assertTrue(deleted("outbox_events") + deleted("inbox_events") - before >= 10, "counted in finagent_retention_deleted_total");
    }

    private static String outbox(String mark, int rows, String createdAt, String publishedAt) {
        return "INSERT INTO outbox_events (id, topic, event_key, event_type, payload, created_at, published_at)"
                + " SELECT gen_random_uuid(), '" + mark + "', 'k', 'test', '{}', " + createdAt + ", " + publishedAt
                + " FROM generate_series(1, " + rows + ")";
    }

    private static String inbox(String mark, int rows, String receivedAt) {
        return "INSERT INTO inbox_events (consumer, event_id, event_type, received_at) SELECT '" + mark + "', gen_random_uuid(), 'test', "
                + receivedAt + " FROM generate_series(1, " + rows + ")";
    }

    private double deleted(String table) {
        Counter counter = registry.find("finagent.retention.deleted").tag("table", table).counter();
        return counter == null ? 0 : counter.count();
    }
}
