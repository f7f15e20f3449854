package org.imssim.firmware.hardware;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.devices.powergate.OutletState;
import org.imssim.devices.powergate.PowerGate;
import org.imssim.firmware.config.ImsConfig;
import org.imssim.firmware.config.PowerGateConfig;
import org.imssim.firmware.store.CommandedState;
import org.imssim.firmware.store.OutletAddress;
import org.imssim.firmware.store.Store;

/**
 * What the outlets do when their relays power up (SPEC §11): with the unit for mock PowerGates
 * ({@link UnitHardware#powerUpAtStart()}), and whenever a PowerGate on a line says its relays have
 * just powered up ({@link UnitHardware#startLines}). {@code last} restores the stored commanded state (ON when none is stored or a cycle
 * was under way), {@code on} and {@code off} force it. The resulting commanded states are stored
 * before any relay moves.
 */
public final class OutletPowerUp {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OutletPowerUp.class);

    private OutletPowerUp() {
    }

    /** On the store thread: decides each outlet's power-up command and stores it as commanded. */
    public static Map<OutletAddress, OutletAction> decideAndStore(ImsConfig config, Iterable<Integer> builtGates,
                                                                  Store store, Instant now) {
        SortedMap<OutletAddress, CommandedState> stored = store.outletStates().load();
        Map<OutletAddress, OutletAction> actions = new LinkedHashMap<>();
        for (int number : builtGates) {
            PowerGateConfig gate = config.powerGate(number).orElseThrow();
            for (int m = 1; m <= gate.outlets(); m++) {
                OutletAddress address = new OutletAddress(number, m);
                Optional<OutletState> last = Optional.ofNullable(stored.get(address)).flatMap(OutletPowerUp::state);
                OutletAction action = gate.powerUpOf(m).actionAtPowerUp(last);
                actions.put(address, action);
            }
        }
        store.inTransaction(() -> actions.forEach((a, action) ->
                store.outletStates().store(a.powergate(), a.outlet(), action.name(), now)));
        return actions;
    }

    /**
     * On the loop: moves the relays. A PowerGate whose link went down meanwhile refuses; its
     * outlets are read back when it answers again (and powered up again if it says so).
     */
    public static void apply(UnitHardware hardware, Map<OutletAddress, OutletAction> actions) {
        actions.forEach((address, action) -> {
            PowerGate gate = hardware.powergates().get(address.powergate());
            if (gate != null) {
                try {
                    gate.command(address.outlet(), action, "power-up");
                } catch (IllegalStateException e) {
                    log.warn("Power-up of PowerGate {} outlet {} not done: {}", address.powergate(), address.outlet(),
                            e.getMessage());
                }
            }
        });
    }

    private static Optional<OutletState> state(CommandedState stored) {
        try {
            return Optional.of(OutletState.valueOf(stored.state()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
