package io.finagent.platform.events;

/** A message that can never be processed: it goes to the dead-letter topic with this reason. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String reason) {
        super(reason);
    }

    public InvalidEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
