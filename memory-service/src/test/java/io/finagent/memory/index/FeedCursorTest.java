package io.finagent.memory.index;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cursor over ids that commit out of order: no id is passed over while a transaction could still bring it. */
class FeedCursorTest {

    @Test
    void aMissingIdIsReadAgainUntilItArrivesAndThenOnlyOnce() {
        FeedCursor cursor = new FeedCursor(10);
        cursor.advance(List.of(), List.of(11L, 14L), 100, 105); // 12 and 13 still in flight
        assertEquals(1, cursor.gaps().size());
        assertEquals(12, cursor.gaps().get(0).from());
        assertEquals(13, cursor.gaps().get(0).to());
        assertFalse(cursor.passed(12));
        assertTrue(cursor.passed(11));

        cursor.advance(List.of(13L), List.of(), 103, 108); // 13 committed; 12's writer still runs (xmin 103 < 108)
        assertTrue(cursor.passed(13), "found: not applied again");
        assertFalse(cursor.passed(12));
        cursor.advance(List.of(12L), List.of(15L), 104, 110);
        assertTrue(cursor.passed(12));
        assertEquals(15, cursor.high());
        cursor.advance(List.of(), List.of(), 108, 112);
        assertEquals(List.of(), cursor.gaps(), "every writer below 108 has ended");
    }

    @Test
    void aGapIsDroppedOnlyOnceEveryTransactionThatCouldHoldItHasEnded() {
        FeedCursor cursor = new FeedCursor(0);
        cursor.advance(List.of(), List.of(2L), 50, 60);      // 1 missing: seen, not armed yet
        cursor.advance(List.of(), List.of(), 55, 70);        // armed at xmax 70
        assertFalse(cursor.passed(1));
        cursor.advance(List.of(), List.of(), 69, 75);        // a transaction below 70 still runs
        assertFalse(cursor.passed(1));
        cursor.advance(List.of(), List.of(), 70, 75);        // all below 70 ended: 1 was rolled back
        assertEquals(List.of(), cursor.gaps());
        assertTrue(cursor.passed(1));
    }

    @Test
    void anIdentityRestartedFarAheadIsOneGapNotABillion() {
        FeedCursor cursor = new FeedCursor(40);
        long far = 1_764_000_000_000_000L;
        cursor.advance(List.of(), List.of(41L, far), 1, 2);
        assertEquals(1, cursor.gaps().size());
        assertEquals(far - 1, cursor.gaps().get(0).to());
        assertEquals("1764000000000000,42-1763999999999999:-1", cursor.encode());
    }

    @Test
    void itsTextReadsBackTheSame() {
        FeedCursor cursor = new FeedCursor(3);
        cursor.advance(List.of(), List.of(6L), 1, 2);
        cursor.advance(List.of(5L), List.of(9L), 1, 4);
        assertEquals("9,4-5:4:5,7-8:-1", cursor.encode());
        assertEquals(cursor.encode(), FeedCursor.decode(cursor.encode()).encode());
        assertTrue(FeedCursor.decode(cursor.encode()).passed(5));
        assertEquals("9", new FeedCursor(9).encode());
    }
}
