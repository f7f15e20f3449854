package org.imssim.firmware.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A mail to put into the outbox, fully composed by the caller.
 *
 * @param messageId the Message-ID, assigned by the caller now and kept for every retry, so a
 *                  duplicate delivery carries the same one
 * @param from      the envelope and header sender ({@code email.return-address})
 * @param to        the one recipient
 * @param subject   the subject
 * @param body      the plain-text body
 * @param headers   further headers in the order they are to be written (Auto-Submitted, Reply-To,
 *                  In-Reply-To, References, …); copied, order kept
 * @param kind      what it is, in the caller's words ({@code alarm}, {@code reply}, …)
 * @param created   when it was composed; it is due at once and dropped 24 hours after this
 */
public record NewMail(String messageId, String from, String to, String subject, String body,
                      Map<String, String> headers, String kind, Instant created) {

    public NewMail {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(created, "created");
        headers = orderedCopy(headers);
    }

    static Map<String, String> orderedCopy(Map<String, String> headers) {
        Objects.requireNonNull(headers, "headers");
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> copy.put(Objects.requireNonNull(name, "header name"),
                Objects.requireNonNull(value, "header value")));
        return Collections.unmodifiableMap(copy);
    }
}
