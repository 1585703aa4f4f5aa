package io.finagent.backup.archive;

import java.io.IOException;

/** An archive that cannot be trusted, and why: the reason is meant for the operator. */
public final class ArchiveException extends IOException {

    public enum Reason {
        /** Written with another key than the one given. */
        WRONG_KEY,
        /** A byte changed: an authentication tag or a checksum does not match. */
        CORRUPT,
        /** It ends before its last segment: a crash while writing, or a truncated copy. */
        INCOMPLETE,
        /** Not an archive of this format or version. */
        NOT_AN_ARCHIVE
    }

    private final Reason reason;

    public ArchiveException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ArchiveException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
