package org.imssim.firmware.alarm;

import java.util.Objects;
import java.util.Optional;
import org.imssim.devices.unit.InputAddress;
import org.imssim.devices.unit.UnitId;

/**
 * What an alarm is about, under the address SPEC §4 gives it: an input ({@code host/3},
 * {@code node-2/4}), or a thing that is not an input — an IP device ({@code ip/<name>}), a
 * PowerGate ({@code powergate-<n>}), one of its outlets ({@code powergate-<n>/<m>}), the SMTP
 * server ({@code system/smtp}) or the mailbox ({@code system/mailbox}). It also says which unit
 * the thing belongs to, for permissions: an input's unit, the unit a PowerGate or IP device is
 * configured on, the Host for the mail paths.
 *
 * @param text  the address as written in the store, the API and the logs
 * @param unit  the unit it belongs to
 * @param input the input, for an input's alarm; null otherwise
 */
public record AlarmAddress(String text, UnitId unit, InputAddress input) {

    public AlarmAddress {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(unit, "unit");
        if (input != null && !(input.toString().equals(text) && input.unit().equals(unit))) {
            throw new IllegalArgumentException("An input's alarm address is the input's: " + input);
        }
    }

    /** The address of an input's alarm. */
    public static AlarmAddress of(InputAddress input) {
        return new AlarmAddress(input.toString(), input.unit(), input);
    }

    /** {@code ip/<name>}, an IP device on {@code unit}. */
    public static AlarmAddress ipDevice(String name, UnitId unit) {
        return new AlarmAddress("ip/" + name, unit, null);
    }

    /** {@code powergate-<n>}: the PowerGate's link. */
    public static AlarmAddress powerGate(int number, UnitId unit) {
        return new AlarmAddress("powergate-" + number, unit, null);
    }

    /** {@code powergate-<n>/<m>}: the relay of one outlet. */
    public static AlarmAddress outlet(int powerGate, int outlet, UnitId unit) {
        return new AlarmAddress("powergate-" + powerGate + "/" + outlet, unit, null);
    }

    /** {@code system/smtp}: the unit's outgoing mail server. */
    public static AlarmAddress smtp() {
        return new AlarmAddress("system/smtp", UnitId.host(), null);
    }

    /** {@code system/mailbox}: the unit's two-way mailbox. */
    public static AlarmAddress mailbox() {
        return new AlarmAddress("system/mailbox", UnitId.host(), null);
    }

    /** The input, when this is an input's alarm. */
    public Optional<InputAddress> inputAddress() {
        return Optional.ofNullable(input);
    }

    /** True for an IP device's alarm (its return to normal is {@code Responding}). */
    public boolean isIpDevice() {
        return text.startsWith("ip/");
    }

    @Override
    public String toString() {
        return text;
    }
}
