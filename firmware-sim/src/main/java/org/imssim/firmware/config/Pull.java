package org.imssim.firmware.config;

/** The pull resistor of a GPIO input: {@code up} (default), {@code down} or {@code off}. */
public enum Pull {
    UP, DOWN, OFF
}
