package org.imssim.hal;

/**
 * What every input channel tells besides its value: whether something is attached, and what.
 *
 * <p>The <em>probe kind</em> is an opaque string naming what is plugged into the channel, as far
 * as the backend can tell; the HAL never interprets it. It is empty when nothing is attached or
 * when the backend cannot identify probes (a bare GPIO contact, for instance, is always present
 * and of unknown kind). A mock channel can be plugged with any kind, which is how the simulation
 * models another sensor type plugged into an input.
 */
public interface InputChannel extends AutoCloseable {

    /** True when something is attached to the channel. A backend that cannot tell says true. */
    boolean present();

    /** What is attached, as the backend names it; never null, empty when nothing or unknown. */
    String probeKind();

    /**
     * Releases the channel: no listener is called after it returns. Reading a closed channel
     * gives its last state.
     */
    @Override
    void close();
}
