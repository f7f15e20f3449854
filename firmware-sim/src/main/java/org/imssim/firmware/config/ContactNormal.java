package org.imssim.firmware.config;

/** The normal state of a dry contact ({@code normal: open|closed}, default {@code closed}); the other state is its alarm condition. */
public enum ContactNormal {
    OPEN, CLOSED
}
