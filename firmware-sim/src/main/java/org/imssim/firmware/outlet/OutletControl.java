package org.imssim.firmware.outlet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.devices.powergate.OutletState;
import org.imssim.devices.powergate.PowerGate;
import org.imssim.firmware.config.ImsConfig;
import org.imssim.firmware.config.PowerGateConfig;
import org.imssim.firmware.event.EventHistory;
import org.imssim.firmware.event.EventSource;
import org.imssim.firmware.hardware.UnitHardware;
import org.imssim.firmware.loop.TimerHandle;
import org.imssim.firmware.loop.UnitClock;
import org.imssim.firmware.outlet.OutletOutcome.Kind;
import org.imssim.firmware.outlet.OutletOutcome.Refused;
import org.imssim.firmware.outlet.OutletOutcome.Result;
import org.imssim.firmware.store.OutletAddress;
import org.imssim.firmware.store.StoreWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way outlets are switched after power-up: by the {@code outlet} e-mail command, by
 * {@code POST /api/powergates/{n}/outlets/{m}} and by alarm responses. Loop-confined: call
 * {@link #request} on the unit's loop; its future completes on the loop.
 *
 * <p>A request runs in these steps:
 * <ol>
 *   <li>Checks, refusing the whole request with a fixed sentence: the PowerGate exists and, for a
 *       profile, hangs off a unit it may see (else {@code There is no PowerGate <n> you may use.});
 *       the outlet is in range ({@code PowerGate <n> has outlets 1 to <N>.}); the PowerGate answers
 *       ({@link PowerGate#linkUp()}, and it was built at all: else {@code PowerGate <n> is not
 *       answering; nothing was switched.}).</li>
 *   <li>The rules of SPEC §7, outlet by outlet: {@code cycle} on an outlet that is off is refused
 *       ({@code Outlet <m> is off; send on.}); {@code cycle} on one already cycling leaves it alone
 *       ({@code Outlet <n>/<m> <name> is already cycling.}). These hold for alarm responses too: an
 *       alarm never powers an outlet someone switched off.</li>
 *   <li>The commanded states ({@code ON}, {@code OFF}, {@code CYCLING}) of the outlets to switch are
 *       stored in one transaction on the store thread, before any relay moves.</li>
 *   <li>On the loop, the relays move, each records {@code Outlet <n>/<m> <name> switched
 *       <ON|OFF|CYCLE> by <who> via <e-mail|web|api|alarm>}, and a cycle's end is scheduled after
 *       the outlet's {@code cycle-time} on the unit's clock. An {@code ON} or {@code OFF} cancels
 *       the outlet's cycle timer, so a cycle it ended never switches the outlet back on.</li>
 * </ol>
 *
 * <p>When the store fails, a profile's request is refused and nothing moves (the user is told, and
 * can try again; a relay ahead of its stored state would be undone by the next power-up). An alarm
 * response switches all the same, because it protects the equipment; the failure is logged.
 *
 * <p>Requests run one after another, each from its checks to its last relay, so each is checked
 * against the outlets as the one before left them. The end of a cycle stores nothing: a stored
 * {@code CYCLING} means {@code ON} at power-up (SPEC §11).
 */
public final class OutletControl {

    private static final Logger LOG = LoggerFactory.getLogger(OutletControl.class);

    private final ImsConfig config;
    private final UnitHardware hardware;
    private final UnitClock clock;
    private final StoreWorker store;
    private final EventHistory events;
    private final Executor loop;
    /** The running cycle of each outlet: its timer, to cancel, and a token the timer checks. */
    private final Map<OutletAddress, Cycle> cycles = new HashMap<>();
    /** The request running or last run; the next one starts once it is done. */
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
    private boolean stopped;

    public OutletControl(ImsConfig config, UnitHardware hardware, UnitClock clock, StoreWorker store,
                         EventHistory events, Executor loop) {
        this.config = Objects.requireNonNull(config, "config");
        this.hardware = Objects.requireNonNull(hardware, "hardware");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /**
     * Carries out {@code request} after the requests before it. Loop only. The future completes on
     * the loop, after the states were stored and the relays moved; every refusal is an outcome, so
     * it fails only on a programming error (and the next request runs all the same).
     */
    public CompletableFuture<OutletOutcome> request(OutletRequest request) {
        Objects.requireNonNull(request, "request");
        CompletableFuture<OutletOutcome> outcome = previous.thenComposeAsync(ignored -> run(request), loop);
        previous = outcome.handle((o, failure) -> null);
        return outcome;
    }

    /**
     * The checks of step 1 alone, switching nothing: a refusal when the request would be refused
     * as a whole now. For callers that must tell an unknown outlet from a bad request first.
     */
    public Optional<Refused> check(int powergate, OptionalInt outlet, OutletRequester by) {
        Optional<PowerGateConfig> gate = config.powerGate(powergate);
        if (gate.isEmpty() || by.permissions().map(p -> !p.seesUnit(gate.get().unit())).orElse(false)) {
            return Optional.of(Refused.noSuchPowerGate(powergate));
        }
        int count = gate.get().outlets();
        if (outlet.isPresent() && (outlet.getAsInt() < 1 || outlet.getAsInt() > count)) {
            return Optional.of(Refused.noSuchOutlet(powergate, count));
        }
        PowerGate built = hardware.powergates().get(powergate);
        if (built == null || !built.linkUp()) {
            return Optional.of(Refused.notAnswering(powergate));
        }
        return Optional.empty();
    }

    /** No relay moves and no cycle ends after this (the unit stops). Loop only. */
    public void stop() {
        stopped = true;
        cycles.values().forEach(c -> c.timer.cancel());
        cycles.clear();
    }

    private CompletableFuture<OutletOutcome> run(OutletRequest request) {
        if (stopped) {
            return CompletableFuture.completedFuture(Refused.stopped());
        }
        Optional<Refused> refused = check(request.powergate(), request.outlet(), request.by());
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(refused.get());
        }
        PowerGate gate = hardware.powergates().get(request.powergate());
        List<Integer> outlets = new ArrayList<>();
        if (request.outlet().isPresent()) {
            outlets.add(request.outlet().getAsInt());
        } else {
            for (int m = 1; m <= gate.outletCount(); m++) {
                outlets.add(m);
            }
        }
        Map<Integer, Kind> plan = new LinkedHashMap<>();
        List<Integer> toSwitch = new ArrayList<>();
        for (int m : outlets) {
            Kind kind = ruleFor(gate.outlet(m).state(), request.action());
            plan.put(m, kind);
            if (kind == Kind.SWITCHED) {
                toSwitch.add(m);
            }
        }
        if (toSwitch.isEmpty()) {
            return CompletableFuture.completedFuture(new OutletOutcome.Done(results(request, gate, plan)));
        }
        String commanded = commandedState(request.action()).name();
        Instant now = clock.now();
        return store.call(s -> {
            s.inTransaction(() -> toSwitch.forEach(m -> s.outletStates().store(gate.number(), m, commanded, now)));
            return null;
        }).handleAsync((stored, failure) -> {
            if (failure != null) {
                if (!request.by().isAlarm()) {
                    LOG.error("PowerGate {}: the commanded state {} could not be stored; nothing switched for {}",
                            gate.number(), commanded, request.by().name(), failure);
                    return Refused.notStored();
                }
                LOG.error("PowerGate {}: the commanded state {} of the alarm response of {} could not be stored; "
                        + "switching anyway", gate.number(), commanded, request.by().name(), failure);
            }
            if (stopped) {
                return Refused.stopped();
            }
            return new OutletOutcome.Done(results(request, gate, plan));
        }, loop);
    }

    /** Moves the relays the plan switches and reports every outlet of the plan, in order. */
    private List<Result> results(OutletRequest request, PowerGate gate, Map<Integer, Kind> plan) {
        List<Result> results = new ArrayList<>();
        plan.forEach((m, planned) -> {
            Kind kind = planned == Kind.SWITCHED ? move(request, gate, m) : planned;
            results.add(new Result(gate.number(), gate.outlet(m), kind));
        });
        return results;
    }

    private static Kind ruleFor(OutletState state, OutletAction action) {
        if (state == OutletState.UNKNOWN) {
            return Kind.NOT_ANSWERING;
        }
        if (action == OutletAction.CYCLE && state == OutletState.CYCLING) {
            return Kind.ALREADY_CYCLING;
        }
        if (action == OutletAction.CYCLE && state == OutletState.OFF) {
            return Kind.OFF_NOT_CYCLED;
        }
        return Kind.SWITCHED;
    }

    private static OutletState commandedState(OutletAction action) {
        return switch (action) {
            case ON -> OutletState.ON;
            case OFF -> OutletState.OFF;
            case CYCLE -> OutletState.CYCLING;
        };
    }

    private Kind move(OutletRequest request, PowerGate gate, int m) {
        OutletAddress address = new OutletAddress(gate.number(), m);
        OutletRequester by = request.by();
        try {
            gate.command(m, request.action(), by.name());
        } catch (RuntimeException e) {
            // The link went down after the checks: the stored state stays, as a serial PowerGate's
            // power-up would restore it.
            LOG.warn("{} outlet {} could not be switched {} for {}", gate.displayName(), m, request.action(),
                    by.name(), e);
            return Kind.NOT_ANSWERING;
        }
        Cycle running = cycles.remove(address);
        if (running != null) {
            running.timer.cancel();
        }
        events.record(gate.unit().id(), EventSource.OUTLET, "Outlet " + gate.number() + "/" + m + " "
                + gate.outlet(m).name() + " switched " + request.action().name() + " by " + by.name()
                + " via " + by.via().word());
        if (request.action() == OutletAction.CYCLE) {
            Duration cycleTime = config.powerGate(gate.number()).orElseThrow().cycleTimeOf(m);
            Cycle cycle = new Cycle();
            cycles.put(address, cycle);
            cycle.timer = clock.schedule(cycleTime, () -> finishCycle(gate, address, cycle));
        }
        return Kind.SWITCHED;
    }

    private void finishCycle(PowerGate gate, OutletAddress address, Cycle cycle) {
        // A timer already due when an ON or OFF cancelled it must not switch the outlet back on.
        if (stopped || cycles.get(address) != cycle) {
            return;
        }
        cycles.remove(address);
        try {
            gate.finishCycle(address.outlet());
        } catch (RuntimeException e) {
            LOG.error("{} outlet {}: the cycle could not be finished", gate.displayName(), address.outlet(), e);
        }
    }

    /** A cycle under way. */
    private static final class Cycle {
        private TimerHandle timer;
    }
}
