package org.imssim.hal;

/**
 * A digital input line: a contact that is open or closed (water, smoke, a door switch, a power
 * or battery status signal).
 *
 * <p>Listeners hear about real changes only: a change of level, or something attached, detached
 * or swapped. A line that is driven to the level it already has fires nothing. A backend
 * debounces before it reports. Listeners may be called on any thread (see the package notes).
 */
public interface DigitalInput extends InputChannel {

    /** Called once per real change, with the state after it. */
    @FunctionalInterface
    interface Listener {
        void changed(DigitalSample sample);
    }

    /** The current state of the line. */
    DigitalSample sample();

    /** True when the line is active (a contact closed); false when it is not, or nothing is attached. */
    default boolean high() {
        return sample().high();
    }

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
