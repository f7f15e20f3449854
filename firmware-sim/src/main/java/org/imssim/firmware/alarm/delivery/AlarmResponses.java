package org.imssim.firmware.alarm.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.devices.powergate.PowerGate;
import org.imssim.devices.unit.InputAddress;
import org.imssim.firmware.alarm.AlarmListener;
import org.imssim.firmware.alarm.Occurrence;
import org.imssim.firmware.alarm.StartReason;
import org.imssim.firmware.config.AlarmResponseConfig;
import org.imssim.firmware.config.ImsConfig;
import org.imssim.firmware.config.InputConfig;
import org.imssim.firmware.event.EventHistory;
import org.imssim.firmware.event.EventSource;
import org.imssim.firmware.hardware.UnitHardware;
import org.imssim.firmware.loop.UnitClock;
import org.imssim.firmware.store.StoreWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarm responses of SPEC §4: at the start of each occurrence of an input, new or re-armed
 * (never for a trouble), regardless of profiles and schedules, each of the input's
 * {@code alarm-responses} switches its outlet, as {@code PowerGate.command(outlet, action,
 * <input address>)}, and records {@code Outlet <n>/<m> <name> switched <ON|OFF|CYCLE> by <input
 * address> via alarm}.
 *
 * <p>The commanded states are stored before the relays move (ARCHITECTURE "Durable before
 * acknowledged"); should the store fail, the relays move all the same, since an alarm response is
 * what protects the equipment, and the failure is logged. A {@code cycle} ends after the outlet's
 * {@code cycle-time} on the unit's clock. A PowerGate this build could not build (a backend not yet
 * supported) is skipped with a log line. Loop-confined.
 */
public final class AlarmResponses implements AlarmListener {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmResponses.class);

    private final ImsConfig config;
    private final UnitHardware hardware;
    private final UnitClock clock;
    private final StoreWorker store;
    private final EventHistory events;
    private final Executor loop;
    private boolean stopped;

    /**
     * @param loop the unit's event loop, where the relays are moved once the store has the states
     */
    public AlarmResponses(ImsConfig config, UnitHardware hardware, UnitClock clock, StoreWorker store,
                          EventHistory events, Executor loop) {
        this.config = Objects.requireNonNull(config, "config");
        this.hardware = Objects.requireNonNull(hardware, "hardware");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /** No relay moves after this (the unit stops). */
    public void stop() {
        stopped = true;
    }

    @Override
    public void occurrenceStarted(Occurrence occurrence, StartReason reason) {
        Optional<InputAddress> address = occurrence.address().inputAddress();
        if (stopped || reason == StartReason.TROUBLE || address.flatMap(hardware::input).isEmpty()) {
            return;
        }
        InputConfig input = hardware.settings(address.get()).config();
        if (input == null || input.alarmResponses().isEmpty()) {
            return;
        }
        String source = occurrence.address().toString();
        List<AlarmResponseConfig> runnable = new ArrayList<>();
        for (AlarmResponseConfig response : input.alarmResponses()) {
            if (hardware.powergates().containsKey(response.powergate())) {
                runnable.add(response);
            } else {
                LOG.warn("Alarm response of {}: PowerGate {} is not available in this build; outlet {} not switched",
                        source, response.powergate(), response.outlet());
            }
        }
        if (runnable.isEmpty()) {
            return;
        }
        store.call(s -> {
            s.inTransaction(() -> runnable.forEach(r ->
                    s.outletStates().store(r.powergate(), r.outlet(), r.action().name(), clock.now())));
            return null;
        }).whenCompleteAsync((done, failure) -> {
            if (failure != null) {
                LOG.error("The outlet states of the alarm responses of {} could not be stored; switching anyway",
                        source, failure);
            }
            runnable.forEach(r -> run(r, source));
        }, loop);
    }

    private void run(AlarmResponseConfig response, String source) {
        PowerGate gate = hardware.powergates().get(response.powergate());
        if (stopped || gate == null) {
            return;
        }
        try {
            gate.command(response.outlet(), response.action(), source);
            events.record(gate.unit().id(), EventSource.OUTLET, "Outlet " + gate.number() + "/" + response.outlet()
                    + " " + gate.outlet(response.outlet()).name() + " switched " + response.action().name()
                    + " by " + source + " via alarm");
            if (response.action() == OutletAction.CYCLE) {
                Duration cycle = config.powerGate(gate.number()).orElseThrow().cycleTimeOf(response.outlet());
                clock.schedule(cycle, () -> finishCycle(gate, response.outlet()));
            }
        } catch (RuntimeException e) {
            LOG.error("Alarm response of {}: PowerGate {} outlet {} could not be switched", source,
                    response.powergate(), response.outlet(), e);
        }
    }

    private void finishCycle(PowerGate gate, int outlet) {
        if (stopped) {
            return;
        }
        try {
            gate.finishCycle(outlet);
        } catch (RuntimeException e) {
            LOG.error("PowerGate {} outlet {}: the cycle could not be finished", gate.number(), outlet, e);
        }
    }
}
