package org.imssim.firmware;

/**
 * The answer of {@code GET /api/health} (SPEC §13): whether mail goes out, whether the mailbox
 * is read ({@code off} without two-way e-mail), and the outbox's backlog.
 */
public record Health(String status, String smtp, String mailbox, Outbox outbox) {

    /** The outbox backlog: mails waiting, and the age of the oldest in seconds. */
    public record Outbox(long pending, long oldestSeconds) {
    }
}
