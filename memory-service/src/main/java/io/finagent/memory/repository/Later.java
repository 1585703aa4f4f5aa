package io.finagent.memory.repository;

/**
 * The first clause of a read as of $2 for user $1: {@code later.changed} says whether anything of
 * the user was credited, or learned in the given table, after $2. When nothing was (every live
 * call), the present counters are the answer; else the credits up to $2 are summed. Each side is
 * the newest instant of an index's first entry, so a prepared statement's generic plan reads one
 * entry whatever $2 is (an EXISTS over "> $2" was planned as a scan).
 */
final class Later {

    private Later() {
    }

    static String than(String table, String instantColumn) {
        return """
                WITH later AS (
                    SELECT coalesce((SELECT max(credited_at) FROM outcome_credits WHERE user_id = $1) > $2, false)
                        OR coalesce((SELECT max(%2$s) FROM %1$s WHERE user_id = $1) > $2, false) AS changed)
                """.formatted(table, instantColumn);
    }
}
