package org.imssim.firmware.config;

import java.util.Objects;

/**
 * A PowerGate's {@code serial:}, for {@code backend: serial} and {@code usb-relay} (SPEC §11).
 *
 * @param port {@code port}, required: the serial device, such as {@code /dev/ttyUSB0}
 * @param baud {@code baud}, default 9600
 */
public record SerialConfig(String port, int baud) {

    public SerialConfig {
        Objects.requireNonNull(port, "port");
    }
}
