package org.imssim.firmware.alarm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.imssim.devices.powergate.Outlet;
import org.imssim.devices.powergate.OutletChange;
import org.imssim.devices.powergate.PowerGate;
import org.imssim.firmware.config.PowerGateConfig;
import org.imssim.firmware.hardware.UnitHardware;
import org.imssim.firmware.loop.TimerHandle;
import org.imssim.firmware.loop.UnitClock;
import org.imssim.hal.Subscription;

/**
 * Tells the alarm engine what the PowerGates' faults are (SPEC §4): a link that is down
 * ({@code powergate-<n>}, {@code Link Down}) and a relay that reads back other than commanded
 * ({@code powergate-<n>/<m>}, {@code Relay Fault}). It reports each PowerGate's present level
 * when started, then every change. A PowerGate on a line (serial, USB) is not up yet when the unit
 * starts: its link is given {@link #START_GRACE} to come up before it counts as down, so that a
 * start is not a {@code Link Down}. A PowerGate this build could not build is down for good.
 * Loop-confined.
 */
public final class PowerGateFaults {

    /** How long a PowerGate's link may take to come up after the unit starts. */
    public static final Duration START_GRACE = Duration.ofSeconds(10);

    private final UnitHardware hardware;
    private final AlarmEngine engine;
    private final UnitClock clock;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<TimerHandle> graces = new ArrayList<>();

    public PowerGateFaults(UnitHardware hardware, AlarmEngine engine, UnitClock clock) {
        this.hardware = hardware;
        this.engine = engine;
        this.clock = clock;
    }

    /** Reports every PowerGate as it is now and follows its changes. Call after the engine started. */
    public void start() {
        for (PowerGate gate : hardware.powergates().values()) {
            if (gate.linkUp()) {
                reportLink(gate, true);
            } else {
                graces.add(clock.schedule(START_GRACE, () -> reportLink(gate, gate.linkUp())));
            }
            gate.outlets().forEach(outlet -> reportRelay(gate, outlet));
            subscriptions.add(gate.onLinkChange(change -> reportLink(gate, change.up())));
            subscriptions.add(gate.onOutletChange(change -> outletChanged(gate, change)));
        }
        for (PowerGateConfig unbuilt : hardware.unbuiltPowergates().values()) {
            engine.report(AlarmAddress.powerGate(unbuilt.number(), unitOf(unbuilt)), true,
                    "backend " + unbuilt.backend().name().toLowerCase(java.util.Locale.ROOT) + " not available");
        }
    }

    /** Stops following the PowerGates. */
    public void stop() {
        subscriptions.forEach(Subscription::cancel);
        subscriptions.clear();
        graces.forEach(TimerHandle::cancel);
        graces.clear();
    }

    private void outletChanged(PowerGate gate, OutletChange change) {
        // A link going down hides the read-back: that is not a relay coming right.
        if (change.relayFaultChanged() && gate.linkUp()) {
            reportRelay(gate, change.current());
        }
    }

    private void reportLink(PowerGate gate, boolean up) {
        engine.report(AlarmAddress.powerGate(gate.number(), gate.unit()), !up, up ? "" : "no answer");
    }

    private void reportRelay(PowerGate gate, Outlet outlet) {
        engine.report(AlarmAddress.outlet(gate.number(), outlet.number(), gate.unit()), outlet.relayFault(),
                outlet.relayFault() ? "reads back other than commanded" : "");
    }

    private static org.imssim.devices.unit.UnitId unitOf(PowerGateConfig gate) {
        return gate.unit() == null ? org.imssim.devices.unit.UnitId.host()
                : org.imssim.devices.unit.UnitId.parse(gate.unit());
    }
}
