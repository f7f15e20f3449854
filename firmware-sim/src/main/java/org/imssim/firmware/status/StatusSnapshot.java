package org.imssim.firmware.status;

import java.util.List;

/**
 * What one profile may see of the unit now (SPEC §5, §7, §13): its units with their inputs in
 * use, its PowerGates with their outlets, and its IP devices. Field names are those of
 * {@code GET /api/status}; the status report of a command reply is written from the same
 * snapshot, so the two always agree.
 */
public record StatusSnapshot(UnitName unit, List<UnitStatus> units, List<PowerGateStatus> powergates,
                             List<IpDeviceStatus> ipDevices) {

    /** The unit's own name ({@code unit.name}). */
    public record UnitName(String name) {
    }

    /** A Host or Node: id {@code host} or {@code node-<n>}, name as mails show it ({@code Host}, {@code Node 2 Row B}). */
    public record UnitStatus(String id, String name, List<InputStatus> inputs) {
    }

    /**
     * An input: {@code value} is a number for analog readings, the reading's word for binary ones,
     * and null when no sensor is connected; {@code unit} is the reading's unit (null for words).
     */
    public record InputStatus(int channel, String name, String type, Object value, String unit, String state) {
    }

    /** A PowerGate and its outlets; {@code unit} is the unit it hangs off. */
    public record PowerGateStatus(int number, String name, String unit, List<OutletStatus> outlets) {
    }

    /** An outlet: {@code ON}, {@code OFF}, {@code CYCLING} or {@code UNKNOWN}. */
    public record OutletStatus(int number, String name, String state) {
    }

    /** An IP device monitor: {@code Responding} or {@code Ping Timeout}. */
    public record IpDeviceStatus(String name, String address, String state) {
    }

    /** True when nothing at all is visible to the profile. */
    public boolean isEmpty() {
        return units.isEmpty() && powergates.isEmpty() && ipDevices.isEmpty();
    }
}
