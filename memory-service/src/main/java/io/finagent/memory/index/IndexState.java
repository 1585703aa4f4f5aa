package io.finagent.memory.index;

/** Where the recall index stands, as health, metrics and the admin endpoint show it. */
public enum IndexState {
    /** Not opened yet. */
    STARTING,
    /** Opened from its directory, reading what it missed. */
    CATCHING_UP,
    /** Being built from PostgreSQL. */
    BUILDING,
    /** Has read everything committed up to its last poll. */
    READY,
    /** Neither opened nor built (PostgreSQL unreachable, say): retried. */
    FAILED;

    /** As health and the admin endpoint show it: {@code catching-up}. */
    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
