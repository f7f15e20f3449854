package org.imssim.firmware.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of the history as stored (SPEC §8).
 *
 * @param id     its id in the store, increasing in the order events were appended, never reused
 * @param time   when it happened, to the millisecond
 * @param unit   {@code host} or {@code node-<n>}
 * @param source {@code input}, {@code ip}, {@code outlet}, {@code profile}, {@code mail} or {@code system}
 * @param text   the contract text
 */
public record StoredEvent(long id, Instant time, String unit, String source, String text) {

    public StoredEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }
}
