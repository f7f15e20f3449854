package org.imssim.firmware.config;

/** The protocol of a {@code usb-relay} PowerGate: {@code lcus}, the common 4-byte USB relay modules (the default and only one). */
public enum RelayDriver {
    LCUS
}
