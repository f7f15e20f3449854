package org.imssim.devices.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.imssim.devices.sensor.TemperatureUnit;
import org.imssim.hal.Subscription;

/**
 * A unit of an IMS-4000 system with inputs on numbered channels: the {@link Host} or a
 * {@link Node}. Its inputs' states are read and changed only on the thread that owns the unit.
 */
public sealed interface Unit extends AutoCloseable permits Host, Node {

    /** Which unit this is. */
    UnitId id();

    /** How mail bodies and the status report show the unit: {@code Host}, {@code Node 3 Row B}, {@code Node 3}. */
    String displayName();

    /** The temperature unit its readings are given in. */
    TemperatureUnit temperatureUnit();

    /** Every input, fixed channels included, in channel order. */
    List<Input> inputs();

    /** The input on {@code channel}, if one is there. */
    Optional<Input> input(int channel);

    /** Registers {@code listener} on every input of the unit; the subscription cancels them all. */
    default Subscription onInputChange(Input.Listener listener) {
        List<Subscription> subscriptions = new ArrayList<>();
        for (Input input : inputs()) {
            subscriptions.add(input.onChange(listener));
        }
        return () -> subscriptions.forEach(Subscription::cancel);
    }

    /** Closes every input and its channel. */
    @Override
    void close();
}
