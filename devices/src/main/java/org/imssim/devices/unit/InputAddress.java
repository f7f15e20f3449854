package org.imssim.devices.unit;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.imssim.devices.sensor.SensorType;

/**
 * Where an input is: {@code <unit id>/<channel>}, such as {@code host/10} (the Host's AC power)
 * or {@code node-3/1} (the first input of Node 3). The Host has channels 1–11, a Node 1–9.
 *
 * @param unit    the unit
 * @param channel the channel on that unit
 */
public record InputAddress(UnitId unit, int channel) implements Comparable<InputAddress> {

    private static final Comparator<InputAddress> ORDER =
            Comparator.comparing(InputAddress::unit).thenComparingInt(InputAddress::channel);

    public InputAddress {
        Objects.requireNonNull(unit, "unit");
        if (channel < 1 || channel > unit.lastChannel()) {
            throw new IllegalArgumentException((unit.isHost() ? "The Host" : "Node " + unit.number())
                    + " has channels 1 to " + unit.lastChannel() + ", not " + channel + ".");
        }
    }

    /**
     * The address written {@code text}.
     *
     * @throws IllegalArgumentException when it is not {@code <unit id>/<channel>} of an existing
     *                                  unit kind and channel
     */
    public static InputAddress parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException(
                    "An input address is <unit>/<channel>, such as host/10, not " + text + ".");
        }
        UnitId unit = UnitId.parse(text.substring(0, slash));
        String channel = text.substring(slash + 1);
        if (!channel.matches("[1-9][0-9]?")) {
            throw new IllegalArgumentException(
                    "An input address is <unit>/<channel>, such as host/10, not " + text + ".");
        }
        return new InputAddress(unit, Integer.parseInt(channel));
    }

    /**
     * The type this channel is bound to, if it is one of the fixed channels: {@code host/9}
     * battery, {@code host/10} ac-power, {@code host/11} sound, channel 9 of a Node node-power.
     */
    public Optional<SensorType> fixedType() {
        if (unit.isHost()) {
            return switch (channel) {
                case 9 -> Optional.of(SensorType.BATTERY);
                case 10 -> Optional.of(SensorType.AC_POWER);
                case 11 -> Optional.of(SensorType.SOUND);
                default -> Optional.empty();
            };
        }
        return channel == 9 ? Optional.of(SensorType.NODE_POWER) : Optional.empty();
    }

    @Override
    public int compareTo(InputAddress other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return unit.id() + "/" + channel;
    }
}
