package org.imssim.devices.powergate.serial;

import java.io.IOException;
import org.imssim.hal.ByteLink;

/**
 * Opens the line to a PowerGate, again each time it was lost: a serial port by its path in
 * production ({@code SerialPortLink.open(path, baud)}), an in-memory line in tests.
 */
@FunctionalInterface
public interface LineOpener {

    /**
     * Opens the line.
     *
     * @throws IOException with a sentence for the log when it cannot be opened (the port does not exist, is busy)
     */
    ByteLink open() throws IOException;
}
