package org.imssim.firmware.alarm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.imssim.devices.unit.Node;
import org.imssim.devices.unit.UnitId;
import org.imssim.firmware.config.ImsConfig;
import org.imssim.firmware.config.IpDeviceConfig;
import org.imssim.firmware.config.PowerGateConfig;
import org.imssim.firmware.event.EventSource;
import org.imssim.firmware.hardware.UnitHardware;
import org.imssim.firmware.mail.mailbox.Mailbox;

/**
 * The things of a configuration that are not inputs but alarm (SPEC §4), each as a
 * {@link FaultPoint}: every enabled IP device ({@code Ping Timeout}, its own class, reset time,
 * return-to-normal and schedule), every PowerGate ({@code Link Down}) and each of its outlets
 * ({@code Relay Fault}), the SMTP server and, when two-way e-mail reads a mailbox, the mailbox
 * ({@code Not Responding}).
 *
 * <p>The mail paths alarm only after {@link #MAIL_RECOGNITION} of failure: SPEC §4 gives the
 * mailbox 15 minutes, and the SMTP server gets the same, since a mail server restarting for a
 * minute is not worth an alarm (and the alarm itself waits in the outbox until mail goes out).
 */
final class NonInputAlarms {

    /** How long a mail path fails before it alarms. */
    static final Duration MAIL_RECOGNITION = Duration.ofMinutes(15);
    static final String DIAGNOSTIC = "Diagnostic";

    private NonInputAlarms() {
    }

    static List<FaultPoint> of(ImsConfig config, UnitHardware hardware) {
        List<FaultPoint> points = new ArrayList<>();
        for (IpDeviceConfig device : config.ipDevices()) {
            if (!device.enabled()) {
                continue;
            }
            UnitId unit = UnitId.parse(device.unit());
            points.add(new FaultPoint(AlarmAddress.ipDevice(device.name(), unit), unitName(config, hardware, unit),
                    device.name(), device.alarmClass(), Condition.PING_TIMEOUT, "Responding", Duration.ZERO,
                    device.resetTime(), device.returnToNormal(), device.schedule(), EventSource.IP));
        }
        for (PowerGateConfig gate : config.powergates()) {
            UnitId unit = gate.unit() == null ? UnitId.host() : UnitId.parse(gate.unit());
            String unitName = unitName(config, hardware, unit);
            String gateName = gate.name() == null || gate.name().isBlank()
                    ? "PowerGate " + gate.number() : "PowerGate " + gate.number() + " " + gate.name().strip();
            points.add(diagnostic(AlarmAddress.powerGate(gate.number(), unit), unitName, gateName,
                    Condition.LINK_DOWN, Duration.ZERO, EventSource.OUTLET));
            for (int m = 1; m <= gate.outlets(); m++) {
                points.add(diagnostic(AlarmAddress.outlet(gate.number(), m, unit), unitName,
                        "Outlet " + gate.number() + "/" + m + " " + outletName(gate, m),
                        Condition.RELAY_FAULT, Duration.ZERO, EventSource.OUTLET));
            }
        }
        String host = config.unit().name();
        points.add(diagnostic(AlarmAddress.smtp(), host, "SMTP server", Condition.NOT_RESPONDING,
                MAIL_RECOGNITION, EventSource.SYSTEM));
        if (config.email().twoWay().enabled() && Mailbox.isConfigured(config.email().twoWay())) {
            points.add(diagnostic(AlarmAddress.mailbox(), host, "Mailbox", Condition.NOT_RESPONDING,
                    MAIL_RECOGNITION, EventSource.SYSTEM));
        }
        return points;
    }

    private static FaultPoint diagnostic(AlarmAddress address, String unitName, String name, Condition condition,
                                         Duration recognition, EventSource source) {
        return new FaultPoint(address, unitName, name, DIAGNOSTIC, condition, "Normal", recognition, Duration.ZERO,
                true, null, source);
    }

    private static String outletName(PowerGateConfig gate, int m) {
        String given = gate.outletName(m);
        return given == null || given.isBlank() ? "Outlet " + m : given.strip();
    }

    /** SPEC §2: {@code unit.name} for the Host, the Node's name or {@code Node <n>} for a Node. */
    static String unitName(ImsConfig config, UnitHardware hardware, UnitId unit) {
        if (unit.isHost()) {
            return config.unit().name();
        }
        return hardware.unit(unit).filter(u -> u instanceof Node).map(u -> (Node) u)
                .flatMap(Node::name).orElse("Node " + unit.number());
    }
}
