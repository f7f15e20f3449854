/**
 * Raw hardware channels, one narrow interface per kind of wire: {@link org.imssim.hal.DigitalInput}
 * (a contact), {@link org.imssim.hal.DigitalOutput} (a relay coil), {@link org.imssim.hal.AnalogInput}
 * (a probe read in raw units) and {@link org.imssim.hal.ByteLink} (a serial line).
 *
 * <p>The HAL knows nothing of sensors, alarms or e-mail: a channel reports levels, raw numbers,
 * bytes, whether something is attached and an opaque probe kind; the devices layer gives them
 * meaning. Backends live in sub-packages: {@code mock}, {@code serial} (a {@link org.imssim.hal.ByteLink}
 * on a jSerialComm port); {@code pi4j} and {@code onewire} later.
 *
 * <p>Threads: every channel may be read from any thread, and calls its listeners on a thread of
 * its own choosing (a real backend calls from its reader or GPIO thread, a mock from the thread
 * that drives it). Listeners must return quickly and hand the work to the thread that owns the
 * unit.
 */
package org.imssim.hal;
