package org.imssim.devices.powergate.serial;

import java.time.Duration;
import java.util.Objects;

/**
 * How patiently the unit talks to a PowerGate on a line ({@code docs/powergate-protocol.md}).
 *
 * @param requestTimeout how long one try of a request waits for its reply (default 500 ms)
 * @param tries          how many tries before the link is down (default 3)
 * @param keepAlive      a {@code GET} when no command was sent for this long (default 2 s)
 * @param retryInterval  while the link is down, a {@code HELLO} this often (default 1 s)
 * @param reopenFirst    the first wait before opening a port again that could not be opened or
 *                       was lost (default 1 s); it doubles each time
 * @param reopenMax      the longest such wait (default 30 s)
 */
public record LineTimings(Duration requestTimeout, int tries, Duration keepAlive, Duration retryInterval,
                          Duration reopenFirst, Duration reopenMax) {

    public LineTimings {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(retryInterval, "retryInterval");
        Objects.requireNonNull(reopenFirst, "reopenFirst");
        Objects.requireNonNull(reopenMax, "reopenMax");
        if (tries < 1) {
            throw new IllegalArgumentException("A request is tried at least once.");
        }
    }

    /** The defaults of the protocol document. */
    public static LineTimings defaults() {
        return new LineTimings(Duration.ofMillis(500), 3, Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** The next wait before reopening a port, after {@code previous}. */
    Duration nextReopen(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(reopenMax) > 0 ? reopenMax : doubled;
    }
}
