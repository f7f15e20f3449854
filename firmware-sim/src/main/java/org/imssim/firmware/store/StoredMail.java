package org.imssim.firmware.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A mail in the outbox: not yet accepted by the SMTP server.
 *
 * @param id             its id in the outbox, never reused
 * @param messageId      the Message-ID assigned when it was stored
 * @param from           sender
 * @param to             recipient
 * @param subject        subject
 * @param body           plain-text body
 * @param headers        further headers, in their order
 * @param kind           what it is, in the caller's words
 * @param created        when it was stored (to the millisecond)
 * @param failedAttempts delivery attempts that failed so far; a delivery that succeeds now is attempt
 *                       {@code failedAttempts + 1} ({@code Delivered after <n> attempts} when that is 2 or more)
 * @param nextAttempt    when it is next due
 */
public record StoredMail(long id, String messageId, String from, String to, String subject, String body,
                         Map<String, String> headers, String kind, Instant created, int failedAttempts,
                         Instant nextAttempt) {

    public StoredMail {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
        headers = NewMail.orderedCopy(headers);
    }
}
