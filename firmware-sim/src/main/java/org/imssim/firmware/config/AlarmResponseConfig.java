package org.imssim.firmware.config;

import java.util.Objects;
import org.imssim.devices.powergate.OutletAction;

/**
 * One of an input's (at most 4) {@code alarm-responses}: what an outlet does at the start of each
 * occurrence (SPEC §4). The PowerGate and its outlet are checked to exist.
 *
 * @param powergate {@code powergate}, required: a PowerGate's number
 * @param outlet    {@code outlet}, required: an outlet of that PowerGate
 * @param action    {@code action}: on, off or cycle (default cycle)
 */
public record AlarmResponseConfig(int powergate, int outlet, OutletAction action) {

    public AlarmResponseConfig {
        Objects.requireNonNull(action, "action");
    }
}
