package org.imssim.firmware.store;

/**
 * The store could not do what was asked. The message is a fixed sentence for the operator, never
 * SQLite's own text (that is logged at debug, and kept as the cause for the log only).
 *
 * <p>When this is thrown out of a write, nothing of that write is stored: every write is one
 * transaction, and a failed one is rolled back.
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure it is, for callers that act on it (exit codes, retrying a code). */
    public enum Reason {
        /** The storage directory cannot be created or written. */
        NOT_WRITABLE,
        /** The database file was written by a newer imssim with a schema this one does not know. */
        NEWER_SCHEMA,
        /** The file is not an SQLite database, belongs to another program, or is damaged. */
        NOT_A_DATABASE,
        /** Another process holds the database locked beyond the busy timeout. */
        IN_USE,
        /** The disk is full. */
        DISK_FULL,
        /** A row with the same key is already stored (a Message-ID, an acknowledgment code). */
        DUPLICATE,
        /** Any other failure. */
        FAILED
    }

    private final Reason reason;

    StoreException(Reason reason, String sentence, Throwable cause) {
        super(sentence, cause);
        this.reason = reason;
    }

    StoreException(Reason reason, String sentence) {
        this(reason, sentence, null);
    }

    public Reason reason() {
        return reason;
    }
}
