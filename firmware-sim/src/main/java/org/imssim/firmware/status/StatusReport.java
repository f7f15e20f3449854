package org.imssim.firmware.status;

import java.util.ArrayList;
import java.util.List;
import org.imssim.devices.sensor.Reading;

/**
 * The status report of a command reply (SPEC §7), one item per line, from a
 * {@link StatusSnapshot}: units with their inputs, PowerGates with their outlets, IP devices;
 * empty sections left out.
 */
public final class StatusReport {

    /** The whole answer when the profile may see nothing. */
    public static final String NOTHING_VISIBLE = "There is nothing on this unit you may see.";

    private StatusReport() {
    }

    /** The report's lines, without a trailing newline. */
    public static String text(StatusSnapshot snapshot) {
        if (snapshot.isEmpty()) {
            return NOTHING_VISIBLE;
        }
        List<String> lines = new ArrayList<>();
        for (StatusSnapshot.UnitStatus unit : snapshot.units()) {
            lines.add(unit.name());
            for (StatusSnapshot.InputStatus input : unit.inputs()) {
                lines.add("  " + input.channel() + " " + input.name() + ": " + value(input) + ", " + input.state());
            }
        }
        for (StatusSnapshot.PowerGateStatus gate : snapshot.powergates()) {
            lines.add(gate.name().isEmpty() ? "PowerGate " + gate.number() : "PowerGate " + gate.number() + " " + gate.name());
            for (StatusSnapshot.OutletStatus outlet : gate.outlets()) {
                lines.add("  " + outlet.number() + " " + outlet.name() + ": " + outlet.state());
            }
        }
        if (!snapshot.ipDevices().isEmpty()) {
            lines.add("IP devices");
            for (StatusSnapshot.IpDeviceStatus device : snapshot.ipDevices()) {
                lines.add("  " + device.name() + " " + device.address() + ": " + device.state());
            }
        }
        return String.join("\n", lines);
    }

    private static String value(StatusSnapshot.InputStatus input) {
        if (input.value() == null) {
            return "no sensor";
        }
        if (input.value() instanceof Double number) {
            return Reading.formatNumber(number) + " " + input.unit();
        }
        return input.value().toString();
    }
}
