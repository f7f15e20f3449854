package org.imssim.firmware.config;

/** Which server certificates the unit accepts: {@code system} (the JVM's trust store) or {@code all} (for a self-signed test server). */
public enum Trust {
    SYSTEM, ALL
}
