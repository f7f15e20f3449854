package org.imssim.firmware.event;

import java.time.Instant;

/**
 * One entry of the event history (SPEC §8): when, which unit ({@code host}, {@code node-<n>}),
 * from what kind of source, and the contract text.
 */
public record Event(Instant time, String unit, EventSource source, String text) {
}
