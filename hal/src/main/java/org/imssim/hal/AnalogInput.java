package org.imssim.hal;

/**
 * An analog input: a probe read as a number in the channel's raw units (for example degrees
 * Celsius from a DS18B20, or whatever units a mock is driven in).
 *
 * <p>Listeners hear about real changes only: a different value, or something attached, detached
 * or swapped; a sample equal to the last one fires nothing. Listeners may be called on any
 * thread (see the package notes).
 */
public interface AnalogInput extends InputChannel {

    /** Called once per real change, with the sample after it. */
    @FunctionalInterface
    interface Listener {
        void changed(AnalogSample sample);
    }

    /** The latest sample, with the time it was taken. */
    AnalogSample sample();

    @Override
    default boolean present() {
        return sample().present();
    }

    @Override
    default String probeKind() {
        return sample().probeKind();
    }

    /** Registers {@code listener} for every later change. */
    Subscription onChange(Listener listener);
}
