package io.finagent.backup.service;

/** The outcome of reading a backup's archive back: PASSED, or FAILED with the reason (WRONG_KEY, CORRUPT, ...). */
public record ArchiveCheck(long backupId, boolean passed, String reason, String detail) {

    public String status() {
        return passed ? "PASSED" : "FAILED";
    }
}
