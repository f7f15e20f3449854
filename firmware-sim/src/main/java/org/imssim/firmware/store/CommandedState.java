package org.imssim.firmware.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The state an outlet was last commanded to, as stored.
 *
 * @param state  the caller's word for it ({@code ON}, {@code OFF}, {@code CYCLING}, …)
 * @param since  when it was commanded, to the millisecond
 */
public record CommandedState(String state, Instant since) {

    public CommandedState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}
