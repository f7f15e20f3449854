package org.imssim.firmware.outlet;

import java.util.Objects;
import java.util.OptionalInt;
import org.imssim.devices.powergate.OutletAction;

/**
 * A request to switch outlets: PowerGate {@code powergate}, one outlet or all of them, on, off or cycle.
 *
 * @param powergate the PowerGate's number as asked (it may not exist)
 * @param outlet    the outlet as asked (it may be out of range); empty for {@code all}
 * @param action    on, off or cycle
 * @param by        who asks, and how
 */
public record OutletRequest(int powergate, OptionalInt outlet, OutletAction action, OutletRequester by) {

    public OutletRequest {
        Objects.requireNonNull(outlet, "outlet");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(by, "by");
    }

    /** One outlet. */
    public static OutletRequest one(int powergate, int outlet, OutletAction action, OutletRequester by) {
        return new OutletRequest(powergate, OptionalInt.of(outlet), action, by);
    }

    /** Every outlet of the PowerGate ({@code all}). */
    public static OutletRequest all(int powergate, OutletAction action, OutletRequester by) {
        return new OutletRequest(powergate, OptionalInt.empty(), action, by);
    }
}
