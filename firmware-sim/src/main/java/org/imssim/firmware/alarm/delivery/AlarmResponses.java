package org.imssim.firmware.alarm.delivery;

import java.util.Objects;
import java.util.Optional;
import org.imssim.devices.unit.InputAddress;
import org.imssim.firmware.alarm.AlarmListener;
import org.imssim.firmware.alarm.Occurrence;
import org.imssim.firmware.alarm.StartReason;
import org.imssim.firmware.config.AlarmResponseConfig;
import org.imssim.firmware.config.InputConfig;
import org.imssim.firmware.hardware.UnitHardware;
import org.imssim.firmware.outlet.OutletControl;
import org.imssim.firmware.outlet.OutletOutcome;
import org.imssim.firmware.outlet.OutletRequest;
import org.imssim.firmware.outlet.OutletRequester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarm responses of SPEC §4: at the start of each occurrence of an input, new or re-armed
 * (never for a trouble), regardless of profiles and schedules, each of the input's
 * {@code alarm-responses} switches its outlet through {@link OutletControl}, the path the
 * {@code outlet} command and the API take, with the input's address as the requester: the event
 * is {@code Outlet <n>/<m> <name> switched <ON|OFF|CYCLE> by <input address> via alarm}.
 *
 * <p>{@link OutletControl} stores the commanded state before the relay moves; should the store fail,
 * an alarm response switches all the same, since it is what protects the equipment. The rules of
 * the {@code outlet} command hold: a cycle of an outlet that is off or already cycling is left
 * alone. A PowerGate that is not answering (link down, or a backend this build could not build)
 * is skipped with a log line. Loop-confined.
 */
public final class AlarmResponses implements AlarmListener {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmResponses.class);

    private final UnitHardware hardware;
    private final OutletControl outlets;
    private boolean stopped;

    public AlarmResponses(UnitHardware hardware, OutletControl outlets) {
        this.hardware = Objects.requireNonNull(hardware, "hardware");
        this.outlets = Objects.requireNonNull(outlets, "outlets");
    }

    /** No response starts after this (the unit stops). */
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
        OutletRequester by = OutletRequester.alarm(address.get());
        for (AlarmResponseConfig response : input.alarmResponses()) {
            outlets.request(OutletRequest.one(response.powergate(), response.outlet(), response.action(), by))
                    .thenAccept(outcome -> log(by, response, outcome));
        }
    }

    private static void log(OutletRequester by, AlarmResponseConfig response, OutletOutcome outcome) {
        if (outcome instanceof OutletOutcome.Refused refused) {
            LOG.warn("Alarm response of {}: PowerGate {} outlet {} not switched {}: {}", by.name(),
                    response.powergate(), response.outlet(), response.action(), refused.sentence());
        } else if (outcome instanceof OutletOutcome.Done done) {
            done.outlets().stream().filter(r -> r.kind() != OutletOutcome.Kind.SWITCHED).forEach(r ->
                    LOG.info("Alarm response of {}: {}", by.name(), r.line()));
        }
    }
}
