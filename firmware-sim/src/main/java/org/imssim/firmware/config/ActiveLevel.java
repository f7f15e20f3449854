package org.imssim.firmware.config;

/** Which electrical level means active (a closed contact, an energised relay): {@code high} or {@code low} (default). */
public enum ActiveLevel {
    HIGH, LOW
}
